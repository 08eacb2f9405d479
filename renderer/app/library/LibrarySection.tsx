import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type LibrarySnapshot } from '../../../shared/domain';
import { ErrorBanner } from '../components/ErrorBanner';
import { CARD_SIZES, ItemGrid, nextSelection } from '../components/ItemGrid';
import { BatchEditor } from './BatchEditor';
import { FacetPanel } from './FacetPanel';
import { facetCountsOf, SORT_KEYS } from './facets';
import { ImportButton, ImportPanel } from './ImportPanel';
import { ItemEditor } from './ItemEditor';
import { TableImportButton, TableImportDialog } from './TableImportDialog';
import { PackageButtons } from '../shell/PackageDialog';
import './library.css';
import { useApp } from '../store';
import { useItems } from '../store/use-items';
import { useLibraryWindow } from '../store/use-library-window';

export function LibrarySection() {
  const snapshot = useApp((s) => s.snapshot);
  if (!snapshot) return <></>;
  return <LibraryView snapshot={snapshot} />;
}

function LibraryView({ snapshot }: { snapshot: LibrarySnapshot }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useApp((s) => s.libraryQuery);
  const setQuery = useApp((s) => s.libraryQueryChanged);
  const filter = useApp((s) => s.libraryFilter);
  const sort = useApp((s) => s.librarySort);
  const setSort = useApp((s) => s.librarySortChanged);
  const view = useApp((s) => s.libraryView);
  const setView = useApp((s) => s.libraryViewChanged);
  const selectedIds = useApp((s) => s.selectedItemIds);
  const anchor = useApp((s) => s.selectionAnchor);
  const select = useApp((s) => s.itemsSelected);
  const cache = useApp((s) => s.itemCache);
  const [cardSize, setCardSize] = useCardSize();
  const { partnerships } = snapshot;
  const defaultLanguage = snapshot.manifest.defaultLanguage;

  // Main searches, filters, sorts and counts; the page holds the rows on screen (issue 10 §2).
  const results = useLibraryWindow({ text: query, filter, sort, lang });
  const { idAt, allIds } = results;
  const itemAt = useCallback(
    (index: number) => {
      const id = idAt(index);
      return id === undefined ? undefined : cache.get(id);
    },
    [idAt, cache],
  );
  const counts = useMemo(() => facetCountsOf(results.counts), [results.counts]);
  const selectedItems = useItems(selectedIds);
  const cities = useMemo(
    () => new Map(partnerships.map((p) => [p.id, pickText(p.city, lang, defaultLanguage)])),
    [partnerships, lang, defaultLanguage],
  );

  /** The result's order between `from` and `to` from the loaded rows, or null where a gap is. */
  function loadedOrder(total: number): string[] | null {
    const order: string[] = [];
    for (let i = 0; i < total; i += 1) {
      const id = idAt(i);
      if (id === undefined) return null;
      order.push(id);
    }
    return order;
  }
  async function selectWith(id: string, mode: 'replace' | 'toggle' | 'range') {
    if (mode !== 'range') {
      const next = nextSelection([], selectedIds, anchor, id, mode);
      select(next.ids, next.anchor);
      return;
    }
    // A range spans rows that may not be loaded: main answers the result's ids then.
    const order = loadedOrder(results.total ?? 0) ?? (await allIds());
    if (!order) return;
    const next = nextSelection(order, selectedIds, anchor, id, mode);
    select(next.ids, next.anchor);
  }
  async function selectIndex(index: number, mode: 'replace' | 'range') {
    const id = idAt(index) ?? (await allIds())?.[index];
    if (id !== undefined) await selectWith(id, mode);
  }
  async function selectAll() {
    const ids = await allIds();
    if (ids) select(ids, ids[0] ?? null);
  }

  const total = results.total ?? 0;
  const libraryTotal = results.libraryTotal ?? 0;
  return (
    <section className="section section--fill library" aria-labelledby="library-heading">
      <div className="section__head library__head">
        <h1 id="library-heading">{t('library.heading')}</h1>
        <p className="muted" role="status" data-testid="library-count">
          {results.total === null
            ? null
            : total === libraryTotal
              ? t('library.count', { count: libraryTotal })
              : t('curation.library.shown', { count: total, total: libraryTotal })}
        </p>
        <div className="library__actions">
          <ImportButton />
          <TableImportButton />
          <PackageButtons />
        </div>
        <div className="library__toolbar">
          <label className="visually-hidden" htmlFor="library-search">
            {t('curation.library.search')}
          </label>
          <input
            id="library-search"
            type="search"
            className="library__search"
            placeholder={t('curation.library.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <label htmlFor="library-sort" className="library__label">
            {t('curation.library.sort')}
          </label>
          <select
            id="library-sort"
            value={sort}
            onChange={(event) => setSort(event.target.value as (typeof SORT_KEYS)[number])}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`curation.library.sortBy.${key}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ImportPanel />
      <TableImportDialog />
      <div className={`library__body${selectedItems.length > 0 ? ' library__body--detail' : ''}`}>
        <FacetPanel counts={counts} snapshot={snapshot} />
        {/* The text whose answer is shown, so a test or the bench can wait for main's answer. */}
        <div
          className="library__results"
          data-results-for={results.answeredText ?? undefined}
          data-results-key={results.answeredKey ?? undefined}
        >
          <div className="library__resultbar">
            {selectedItems.length === 0 ? (
              <p className="hint library__hint">{t('curation.library.selectHint')}</p>
            ) : null}
            <div className="library__view">
              <label htmlFor="library-thumb-size" className="library__label">
                {t('workspace.thumbSize')}
              </label>
              <input
                id="library-thumb-size"
                type="range"
                className="library__size"
                min={CARD_SIZES.min}
                max={CARD_SIZES.max}
                step={CARD_SIZES.step}
                value={cardSize}
                disabled={view !== 'grid'}
                onChange={(event) => setCardSize(Number(event.target.value))}
              />
              <div className="segmented" role="group" aria-label={t('curation.library.view')}>
                {(['grid', 'list'] as const).map((v) => (
                  <button
                    key={v}
                    type="button"
                    className="segmented__button"
                    aria-pressed={view === v}
                    onClick={() => setView(v)}
                  >
                    {t(`curation.library.views.${v}`)}
                  </button>
                ))}
              </div>
            </div>
          </div>
          {results.error ? (
            <ErrorBanner error={results.error} template="errors.loadFailed" />
          ) : results.total === null ? null : libraryTotal === 0 ? (
            <p className="empty">{t('library.empty')}</p>
          ) : total === 0 ? (
            <p className="empty">{t('curation.library.noMatch')}</p>
          ) : (
            <ItemGrid
              count={total}
              itemAt={itemAt}
              onRangeChange={results.rangeShown}
              layout={view}
              selectedIds={selectedIds}
              onSelect={(id, mode) => void selectWith(id, mode)}
              onSelectIndex={(index, mode) => void selectIndex(index, mode)}
              onSelectAll={() => void selectAll()}
              describe={(item) => item.partnershipIds.map((id) => cities.get(id) ?? id).join(', ')}
              cardSize={cardSize}
            />
          )}
        </div>
        {/* The editor is a wide panel while something is selected; without a selection the grid
            takes its room and a hint says how to select. */}
        {selectedItems.length > 0 ? (
          <div className="library__detail">
            {selectedItems.length === 1 ? (
              <ItemEditor key={selectedItems[0]!.id} item={selectedItems[0]!} snapshot={snapshot} />
            ) : (
              <BatchEditor items={selectedItems} snapshot={snapshot} />
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}

const CARD_SIZE_KEY = 'vitrine.library.cardSize';

/** The thumbnail size, a UI preference kept in the page's storage across sections and visits. */
function useCardSize(): [number, (size: number) => void] {
  const [size, setSize] = useState(() => {
    const stored = Number(globalThis.localStorage?.getItem(CARD_SIZE_KEY));
    return stored >= CARD_SIZES.min && stored <= CARD_SIZES.max ? stored : CARD_SIZES.default;
  });
  return [
    size,
    (next) => {
      setSize(next);
      globalThis.localStorage?.setItem(CARD_SIZE_KEY, String(next));
    },
  ];
}
