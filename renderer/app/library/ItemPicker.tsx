import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEdtf, pickText, type Item, type LibrarySnapshot } from '../../../shared/domain';
import { useApp } from '../store';
import { indexFor } from './search';

/** Search the library (same index as the library view) and pick an item to link. */
export function ItemPicker({
  snapshot,
  exclude,
  onPick,
  label,
}: {
  snapshot: LibrarySnapshot;
  exclude: readonly string[];
  onPick: (item: Item) => void;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const libraryId = useApp((s) => s.library?.id ?? '');
  const [query, setQuery] = useState('');
  const index = indexFor(libraryId);
  const byId = useMemo(() => new Map(snapshot.items.map((i) => [i.id, i])), [snapshot.items]);
  const hits = useMemo(() => {
    index.sync(snapshot.items, snapshot.partnerships);
    return (index.search(query) ?? [])
      .filter((hit) => !exclude.includes(hit))
      .slice(0, 8)
      .map((hit) => byId.get(hit))
      .filter((i): i is Item => !!i);
  }, [index, query, snapshot, exclude, byId]);
  const lang = snapshot.manifest.defaultLanguage;
  return (
    <div className="item-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={t('curation.partnership.searchItems')}
        onChange={(event) => setQuery(event.target.value)}
      />
      {query.trim() !== '' ? (
        hits.length === 0 ? (
          <p className="hint">{t('curation.library.noMatch')}</p>
        ) : (
          <ul aria-label={t('curation.partnership.results')}>
            {hits.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(item);
                    setQuery('');
                  }}
                >
                  <span dir="auto">{pickText(item.title, i18n.language, lang)}</span>
                  {item.date ? ` · ${formatEdtf(item.date, i18n.language)}` : ''}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
