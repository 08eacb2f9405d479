import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEdtf, pickText, thumbnailPath, type Item } from '../../../../shared/domain';
import { useMediaUrl } from '../../api/context';
import { indexFor } from '../../library/search';
import { selectItems, useApp } from '../../store';

interface Props {
  id: string;
  label: string;
  lang: string;
  onPick(itemId: string): void;
  /** Items that cannot be picked again (already in the gallery). */
  exclude?: readonly string[];
}

const MAX_RESULTS = 24;

export function ItemPicker({ id, label, lang, onPick, exclude }: Props) {
  const { t } = useTranslation();
  const items = useApp(selectItems);
  const partnerships = useApp((s) => s.snapshot?.partnerships);
  const libraryId = useApp((s) => s.library?.id ?? '');
  const mediaUrl = useMediaUrl();
  const [query, setQuery] = useState('');
  // The library view's own full-text index (every language, people, tags, partnerships).
  const results = useMemo(() => {
    if (!query.trim()) return [];
    const index = indexFor(libraryId);
    index.sync(items, partnerships ?? []);
    const byId = new Map(items.map((i) => [i.id, i]));
    const skip = new Set(exclude ?? []);
    return (index.search(query) ?? [])
      .filter((id) => !skip.has(id))
      .slice(0, MAX_RESULTS)
      .map((id) => byId.get(id))
      .filter((i): i is Item => i !== undefined);
  }, [libraryId, items, partnerships, query, exclude]);
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
