import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickText, type Item, type LibrarySnapshot } from '../../../shared/domain';
import { CARD_SIZES, ItemGrid, nextSelection } from '../components/ItemGrid';
import { BatchEditor } from './BatchEditor';
import { FacetPanel } from './FacetPanel';
import { applyFacets, countFacets, EMPTY_FILTER, SORT_KEYS, sortItems } from './facets';
import { ImportButton, ImportPanel } from './ImportPanel';
import { ItemEditor } from './ItemEditor';
import { TableImportButton, TableImportDialog } from './TableImportDialog';
import { PackageButtons } from '../shell/PackageDialog';
import { indexFor } from './search';
import './library.css';
import { useApp } from '../store';

export function LibrarySection() {
  const snapshot = useApp((s) => s.snapshot);
  if (!snapshot) return <></>;
  return <LibraryView snapshot={snapshot} />;
}

function LibraryView({ snapshot }: { snapshot: LibrarySnapshot }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const libraryId = useApp((s) => s.library?.id ?? '');
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
  const [cardSize, setCardSize] = useCardSize();
  const { items, partnerships, manifest } = snapshot;
  const defaultLanguage = manifest.defaultLanguage;

  const index = indexFor(libraryId);
  // Indexing 10,000 items takes about a second: it runs in slices after the first paint, and a
  // search typed meanwhile sees what is indexed so far (the header says the index is building).
  const [indexState, setIndexState] = useState({ version: 0, building: true });
  useEffect(() => {
    let live = true;
    setIndexState((s) => (s.building ? s : { ...s, building: true }));
    void index.syncInSlices(items, partnerships, afterPaint).then(() => {
      if (live) setIndexState((s) => ({ version: s.version + 1, building: false }));
    });
    return () => {
      live = false;
    };
  }, [index, items, partnerships]);
  const sorted = useMemo(
    () => sortItems(items, { key: sort, lang, defaultLanguage, partnerships }),
    [items, sort, lang, defaultLanguage, partnerships],
  );
  const hits = useMemo(
    () => index.search(query),
    // indexState.version: the index is mutable; a finished slice run means new answers.
    [index, query, indexState.version],
  );
  const visible = useMemo(
    () => applyFacets(sorted, hits, filter, defaultLanguage),
    [sorted, hits, filter, defaultLanguage],
  );
  // Facet counts follow one frame behind the result list (and start empty), so neither the
  // first paint nor a keystroke waits for counting 10,000 items.
  const [countBase, setCountBase] = useState<{ items: Item[]; hits: string[] | null }>({
    items: NO_ITEMS,
    hits: null,
  });
  useEffect(() => {
    let live = true;
    void afterPaint().then(() => live && setCountBase({ items, hits }));
    return () => {
      live = false;
    };
  }, [items, hits]);
  const counts = useMemo(
    () =>
      countFacets(
        countBase.hits === null
          ? countBase.items
          : applyFacets(countBase.items, countBase.hits, EMPTY_FILTER, defaultLanguage),
        manifest.languages,
        defaultLanguage,
      ),
    [countBase, manifest.languages, defaultLanguage],
  );

  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  const selectedItems = selectedIds.map((id) => byId.get(id)).filter((i): i is Item => !!i);
  const order = useMemo(() => visible.map((i) => i.id), [visible]);
  const cities = useMemo(
    () => new Map(partnerships.map((p) => [p.id, pickText(p.city, lang, defaultLanguage)])),
    [partnerships, lang, defaultLanguage],
  );

  return (
    <section className="section section--fill library" aria-labelledby="library-heading">
      <div className="section__head library__head">
        <h1 id="library-heading">{t('library.heading')}</h1>
        <p className="muted" role="status" data-testid="library-count">
          {visible.length === items.length
            ? t('library.count', { count: items.length })
            : t('curation.library.shown', { count: visible.length, total: items.length })}
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
          {indexState.building && query.trim() !== '' ? (
            <span className="hint" role="status">
              {t('curation.library.indexing')}
            </span>
          ) : null}
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
        <div className="library__results" data-results-for={query}>
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
          {items.length === 0 ? (
            <p className="empty">{t('library.empty')}</p>
          ) : visible.length === 0 ? (
            <p className="empty">{t('curation.library.noMatch')}</p>
          ) : (
            <ItemGrid
              items={visible}
              layout={view}
              selectedIds={selectedIds}
              onSelect={(id, mode) => {
                const next = nextSelection(order, selectedIds, anchor, id, mode);
                select(next.ids, next.anchor);
              }}
              onSelectAll={() => select(order, order[0] ?? null)}
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

const NO_ITEMS: Item[] = [];
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

/** Resolves after the browser painted the current frame (rAF, then a task). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
