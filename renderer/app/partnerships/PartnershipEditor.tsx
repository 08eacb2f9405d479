import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dateSortKey,
  formatEdtf,
  hasText,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  pickText,
  type HistoryEvent,
  type LibrarySnapshot,
  type Partnership,
} from '../../../shared/domain';
import { moved } from '../components/forms/array';
import { useApp } from '../store';
import { countryName } from '../view/text';
import { DateInput } from '../components/forms/DateInput';
import { LanguageTabs, LocalizedField } from '../components/forms/LocalizedField';
import { ItemPicker } from '../components/forms/ItemPicker';
import { useDraft } from '../library/useDraft';

/** A fresh id that fits the Id schema (lowercase, digits, hyphens). */
export function newId(prefix: string): string {
  const random = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return `${prefix}-${random[0]!.toString(36)}${random[1]!.toString(36)}`.slice(0, 64);
}

export function PartnershipEditor({
  partnership,
  snapshot,
}: {
  partnership: Partnership;
  snapshot: LibrarySnapshot;
}) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const languages = snapshot.manifest.languages;
  const reference = snapshot.manifest.defaultLanguage;
  const [lang, setLang] = useState(reference);
  const draft = useDraft(partnership, (value) => ({ type: 'putPartnership', partnership: value }));
  const p = draft.value;
  const idBase = useId();
  const set = (change: Partial<Partnership>) => draft.update((c) => ({ ...c, ...change }));
  const setEvent = (index: number, change: Partial<HistoryEvent>) =>
    draft.update((c) => ({
      ...c,
      history: c.history.map((e, i) => (i === index ? { ...e, ...change } : e)),
    }));
  const awards = snapshot.awards.filter((a) => a.partnershipIds.includes(p.id));
  const items = new Map(snapshot.items.map((i) => [i.id, i]));

  return (
    <article className="editor" aria-labelledby={`${idBase}-h`} data-testid="partnership-editor">
      <header className="editor__head">
        <h2 id={`${idBase}-h`}>
          <span dir="auto">{pickText(p.city, ui, reference)}</span>
        </h2>
        <p className="muted editor__state" role="status">
          {draft.error
            ? null
            : draft.dirty
              ? t('curation.editor.unsaved')
              : t('curation.editor.saved')}
        </p>
      </header>
      {draft.error ? (
        <div className="error-banner" role="alert">
          <p>{t('curation.editor.saveFailed', { message: draft.error.message })}</p>
        </div>
      ) : null}

      <LanguageTabs
        languages={languages}
        active={lang}
        onChange={setLang}
        complete={(l) =>
          hasText(p.city, l) &&
          (Object.keys(p.summary).length === 0 || hasText(p.summary, l)) &&
          p.history.every((e) => hasText(e.title, l))
        }
        idBase={idBase}
      />
      <div role="tabpanel" id={`${idBase}-panel`} aria-labelledby={`${idBase}-tab-${lang}`}>
        <LocalizedField
          label={t('partnerships.city')}
          text={p.city}
          lang={lang}
          reference={reference}
          onChange={(city) => set({ city })}
        />
        <LocalizedField
          label={t('partnerships.summary')}
          text={p.summary}
          lang={lang}
          reference={reference}
          onChange={(summary) => set({ summary })}
          multiline
        />
      </div>

      <div className="editor__grid">
        <div className="field">
          <label htmlFor={`${idBase}-country`}>
            {t('partnerships.country')} ({countryName(p.country, ui)})
          </label>
          <input
            id={`${idBase}-country`}
            type="text"
            maxLength={2}
            value={p.country}
            onChange={(event) => set({ country: event.target.value.toUpperCase() })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-kind`}>{t('partnerships.kindLabel')}</label>
          <select
            id={`${idBase}-kind`}
            value={p.kind}
            onChange={(event) => set({ kind: event.target.value as Partnership['kind'] })}
          >
            {PARTNERSHIP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`partnerships.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idBase}-status`}>{t('partnerships.statusLabel')}</label>
          <select
            id={`${idBase}-status`}
            value={p.status}
            onChange={(event) => set({ status: event.target.value as Partnership['status'] })}
          >
            {PARTNERSHIP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`partnerships.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <DateInput
          label={t('partnerships.since')}
          value={p.since}
          onChange={(since) =>
            draft.update((c) => {
              const next = { ...c };
              if (since) next.since = since;
              else delete next.since;
              return next;
            })
          }
        />
      </div>

      <div className="tl-editor__row">
        <h3>{t('partnerships.history')}</h3>
        {p.history.length > 1 ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              draft.update((c) => ({
                ...c,
                history: [...c.history].sort((a, b) =>
                  dateSortKey(a.date).localeCompare(dateSortKey(b.date)),
                ),
              }))
            }
          >
            {t('curation.partnership.sortByDate')}
          </button>
        ) : null}
      </div>
      {p.history.length === 0 ? <p className="muted">{t('partnerships.historyEmpty')}</p> : null}
      <ol className="tl-editor" data-testid="history-editor">
        {p.history.map((event, index) => (
          <li
            key={event.id}
            className="tl-editor__event timeline__event"
            data-testid="history-event"
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes(ITEM_DRAG_TYPE)) e.preventDefault();
            }}
            onDrop={(e) => {
              const itemId = e.dataTransfer.getData(ITEM_DRAG_TYPE);
              if (!itemId || !items.has(itemId)) return;
              e.preventDefault();
              if (!event.itemIds.includes(itemId))
                setEvent(index, { itemIds: [...event.itemIds, itemId] });
            }}
          >
            <div className="tl-editor__row">
              <strong>{formatEdtf(event.date, ui)}</strong>
              <span dir="auto">{pickText(event.title, ui, reference)}</span>
              <span className="tl-editor__tools">
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={index === 0}
                  aria-label={t('curation.partnership.up', {
                    title: pickText(event.title, ui, reference),
                  })}
                  onClick={() =>
                    draft.update((c) => ({ ...c, history: moved(c.history, index, index - 1) }))
                  }
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={index === p.history.length - 1}
                  aria-label={t('curation.partnership.down', {
                    title: pickText(event.title, ui, reference),
                  })}
                  onClick={() =>
                    draft.update((c) => ({ ...c, history: moved(c.history, index, index + 1) }))
                  }
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('curation.partnership.remove', {
                    title: pickText(event.title, ui, reference),
                  })}
                  onClick={() =>
                    draft.update((c) => ({
                      ...c,
                      history: c.history.filter((e) => e.id !== event.id),
                    }))
                  }
                >
                  ✕
                </button>
              </span>
            </div>
            <details>
              <summary>{t('curation.partnership.editEvent')}</summary>
              <DateInput
                label={t('curation.field.date')}
                value={event.date}
                required
                onChange={(date) => date && setEvent(index, { date })}
              />
              <LocalizedField
                label={t('curation.field.title')}
                text={event.title}
                lang={lang}
                reference={reference}
                onChange={(title) => setEvent(index, { title })}
                testId="event-title"
              />
              <LocalizedField
                label={t('curation.partnership.eventText')}
                text={event.text}
                lang={lang}
                reference={reference}
                onChange={(text) => setEvent(index, { text })}
                multiline
              />
            </details>
            {event.itemIds.length > 0 ? (
              <ul className="tl-editor__linked" aria-label={t('curation.partnership.linked')}>
                {event.itemIds.map((itemId) => {
                  const item = items.get(itemId);
                  const title = item ? pickText(item.title, ui, reference) : itemId;
                  return (
                    <li key={itemId} className="chip">
                      <span dir="auto">{title}</span>
                      <button
                        type="button"
                        aria-label={t('curation.partnership.unlink', { title })}
                        onClick={() =>
                          setEvent(index, { itemIds: event.itemIds.filter((x) => x !== itemId) })
                        }
                      >
                        ✕
                      </button>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            <ItemPicker
              lang={snapshot.manifest.defaultLanguage}
              exclude={event.itemIds}
              label={t('curation.partnership.linkItem')}
              onPick={(itemId) => setEvent(index, { itemIds: [...event.itemIds, itemId] })}
            />
          </li>
        ))}
      </ol>
      <LibraryStrip snapshot={snapshot} partnershipId={p.id} />
      <AddEvent
        onAdd={(date, title) =>
          draft.update((c) => ({
            ...c,
            history: [
              ...c.history,
              {
                id: newId('event'),
                date,
                title: { [lang]: title },
                text: {},
                itemIds: [],
                tags: [],
              },
            ],
          }))
        }
      />

      <h3>{t('partnerships.awards')}</h3>
      {awards.length === 0 ? (
        <p className="muted">{t('curation.partnership.noAwards')}</p>
      ) : (
        <ul className="plain-list">
          {awards.map((a) => (
            <li key={a.id}>
              <span dir="auto">{pickText(a.name, ui, reference)}</span> · {formatEdtf(a.date, ui)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function AddEvent({ onAdd }: { onAdd: (date: string, title: string) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | undefined>(undefined);
  const [title, setTitle] = useState('');
  const id = useId();
  return (
    <fieldset className="field tl-add" data-testid="add-event">
      <legend>{t('curation.partnership.addEvent')}</legend>
      <DateInput label={t('curation.field.date')} value={date} onChange={setDate} />
      <label htmlFor={id}>{t('curation.field.title')}</label>
      <input
        id={id}
        type="text"
        dir="auto"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <button
        type="button"
        className="button"
        disabled={!date || title.trim() === ''}
        onClick={() => {
          if (!date) return;
          onAdd(date, title.trim());
          setTitle('');
          setDate(undefined);
        }}
      >
        {t('curation.partnership.add')}
      </button>
    </fieldset>
  );
}

/** Selects a partnership after creating it, from the list's "new" button. */
export function useCreatePartnership(): () => Promise<void> {
  const submit = useApp((s) => s.commandSubmitted);
  const choose = useApp((s) => s.partnershipSelected);
  const lang = useApp((s) => s.snapshot?.manifest.defaultLanguage ?? 'de');
  const label = useApp((s) => (s.language === 'de' ? 'Neue Partnerschaft' : 'New partnership'));
  return async () => {
    const now = new Date().toISOString();
    const id = newId('partnership');
    const result = await submit({
      type: 'putPartnership',
      partnership: {
        id,
        city: { [lang]: label },
        country: 'DE',
        kind: 'project',
        status: 'active',
        summary: {},
        history: [],
        createdAt: now,
        updatedAt: now,
      },
    });
    if (result.ok) choose(id);
  };
}

/** Drag payload for an item id (library strip → history event). */
export const ITEM_DRAG_TYPE = 'application/x-vitrine-item';

/**
 * The library's items of this partnership, to drag onto a history event (linking by search
 * works everywhere; this is the quicker way for items already tagged with the partnership).
 */
function LibraryStrip({
  snapshot,
  partnershipId,
}: {
  snapshot: LibrarySnapshot;
  partnershipId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = snapshot.manifest.defaultLanguage;
  const items = snapshot.items.filter((i) => i.partnershipIds.includes(partnershipId));
  if (items.length === 0) return null;
  return (
    <details className="library-strip">
      <summary>{t('curation.partnership.dragHint', { count: items.length })}</summary>
      <ul className="tl-editor__linked" data-testid="library-strip">
        {items.map((item) => (
          <li
            key={item.id}
            className="chip chip--drag"
            draggable
            data-item-id={item.id}
            onDragStart={(e) => {
              e.dataTransfer.setData(ITEM_DRAG_TYPE, item.id);
              e.dataTransfer.effectAllowed = 'link';
            }}
          >
            <span dir="auto">{pickText(item.title, i18n.language, lang)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
