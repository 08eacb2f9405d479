import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEdtf, pickText, thumbnailPath } from '../../../../shared/domain';
import { useMediaUrl } from '../../api/context';
import { useApp } from '../../store';
import { useItemQuery } from '../../store/use-item-query';
import { pickerChoices, pickerQuery } from './item-picker';

interface Props {
  /** Id of the search field (the check panel focuses it); a generated one when omitted. */
  id?: string;
  label: string;
  /** Language titles are shown and sorted in. */
  lang: string;
  onPick(itemId: string): void;
  /** Items that cannot be picked again (already in the gallery, the event, the award). */
  exclude?: readonly string[];
}

const NONE: readonly string[] = [];

/**
 * The one item picker: a search field answered by main's search index (`items.query`), so it
 * works the same on a library of 50 or 50,000 items without the page holding them all.
 */
export function ItemPicker({ id, label, lang, onPick, exclude = NONE }: Props) {
  const { t } = useTranslation();
  const ownId = useId();
  const inputId = id ?? ownId;
  const mediaUrl = useMediaUrl();
  const [text, setText] = useState('');
  const query = pickerQuery(text, lang, exclude.length);
  const { result, loading } = useItemQuery(query);
  const choices = query && result ? pickerChoices(result.items, exclude) : [];
  const answered = query !== null && result !== null && !loading;
  return (
    <div className="item-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        placeholder={t('editor.picker.placeholder')}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${inputId}-status`}
      />
      <p id={`${inputId}-status`} className="visually-hidden" role="status">
        {answered ? t('editor.picker.results', { count: choices.length }) : ''}
      </p>
      {choices.length > 0 ? (
        <ul className="item-picker__results" aria-label={t('editor.picker.resultsLabel')}>
          {choices.map((item) => {
            const image = item.media.find((m) => m.kind === 'image');
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className="item-picker__choice"
                  data-item={item.id}
                  onClick={() => {
                    onPick(item.id);
                    setText('');
                  }}
                >
                  {image ? (
                    <img src={mediaUrl(thumbnailPath(image.sha256))} alt="" />
                  ) : (
                    <span className="item-picker__noimg" />
                  )}
                  <span dir="auto">
                    {pickText(item.title, lang) || item.id}
                    {item.date ? (
                      <span className="muted"> · {formatEdtf(item.date, lang)}</span>
                    ) : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : answered ? (
        <p className="hint">{t('curation.library.noMatch')}</p>
      ) : null}
    </div>
  );
}

/** The item a block or entry shows now, by title. */
export function ItemName({ itemId, lang }: { itemId: string; lang: string }) {
  const { t } = useTranslation();
  const item = useApp((s) => s.snapshot?.items.find((i) => i.id === itemId));
  return item ? (
    <strong>{pickText(item.title, lang) || item.id}</strong>
  ) : (
    <strong className="field-error">{t('editor.picker.missing', { id: itemId })}</strong>
  );
}
