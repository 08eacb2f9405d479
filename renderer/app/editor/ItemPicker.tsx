import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEdtf, pickText, thumbnailPath, type Item } from '../../../shared/domain';
import { useMediaUrl } from '../api/context';
import { selectItems, useApp } from '../store';

interface Props {
  id: string;
  label: string;
  lang: string;
  onPick(itemId: string): void;
  /** Items that cannot be picked again (already in the gallery). */
  exclude?: readonly string[];
}

const MAX_RESULTS = 24;

/** Every word of the query must appear in the item's titles, creator, tags, places or id. */
export function matchItems(
  items: readonly Item[],
  query: string,
  exclude: readonly string[] = [],
): Item[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const skip = new Set(exclude);
  const out: Item[] = [];
  for (const item of items) {
    if (skip.has(item.id)) continue;
    const hay = [
      ...Object.values(item.title),
      item.creator ?? '',
      item.id,
      ...item.tags,
      ...item.places,
      item.date ?? '',
    ]
      .join(' ')
      .toLowerCase();
    if (words.every((w) => hay.includes(w))) out.push(item);
    if (out.length >= MAX_RESULTS) break;
  }
  return out;
}

export function ItemPicker({ id, label, lang, onPick, exclude }: Props) {
  const { t } = useTranslation();
  const items = useApp(selectItems);
  const mediaUrl = useMediaUrl();
  const [query, setQuery] = useState('');
  const results = useMemo(
    () => (query.trim() ? matchItems(items, query, exclude) : []),
    [items, query, exclude],
  );
  return (
    <div className="item-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        value={query}
        placeholder={t('editor.picker.placeholder')}
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} className="visually-hidden" role="status">
        {query.trim() ? t('editor.picker.results', { count: results.length }) : ''}
      </p>
      {results.length > 0 ? (
        <ul className="item-picker__results" aria-label={t('editor.picker.resultsLabel')}>
          {results.map((item) => {
            const image = item.media.find((m) => m.kind === 'image');
            const title = pickText(item.title, lang) || item.id;
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className="item-picker__choice"
                  data-item={item.id}
                  onClick={() => {
                    onPick(item.id);
                    setQuery('');
                  }}
                >
                  {image ? (
                    <img src={mediaUrl(thumbnailPath(image.sha256))} alt="" />
                  ) : (
                    <span className="item-picker__noimg" />
                  )}
                  <span>
                    {title}
                    {item.date ? (
                      <span className="muted"> · {formatEdtf(item.date, lang)}</span>
                    ) : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/** The item a block shows now, by title. */
export function ItemName({ itemId, lang }: { itemId: string; lang: string }) {
  const { t } = useTranslation();
  const item = useApp((s) => s.snapshot?.items.find((i) => i.id === itemId));
  return item ? (
    <strong>{pickText(item.title, lang) || item.id}</strong>
  ) : (
    <strong className="field-error">{t('editor.picker.missing', { id: itemId })}</strong>
  );
}
