import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  dateSortKey,
  formatEdtf,
  pickText,
  type Award,
  type LibrarySnapshot,
} from '../../../shared/domain';
import { DateInput } from '../components/forms/DateInput';
import { LanguageTabs, LocalizedField } from '../components/forms/LocalizedField';
import { ItemPicker } from '../components/forms/ItemPicker';
import { newId } from './PartnershipEditor';
import { useDraft } from '../library/useDraft';
import { useApp } from '../store';

/** The awards: a list to choose from, a new-award button, and the editor of the chosen one. */
export function AwardsPane({ snapshot }: { snapshot: LibrarySnapshot }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const lang = snapshot.manifest.defaultLanguage;
  const submit = useApp((s) => s.commandSubmitted);
  const [selected, setSelected] = useState<string | null>(null);
  const awards = [...snapshot.awards].sort((a, b) =>
    dateSortKey(a.date).localeCompare(dateSortKey(b.date)),
  );
  const current = awards.find((a) => a.id === selected) ?? null;
  const create = async () => {
    const now = new Date().toISOString();
    const id = newId('award');
    const name = ui === 'de' ? 'Neue Auszeichnung' : 'New award';
    const result = await submit({
      type: 'putAward',
      award: {
        id,
        name: { [lang]: name },
        level: {},
        date: String(new Date().getFullYear()),
        awardingBody: { [lang]: '–' },
        partnershipIds: [],
        text: {},
        itemIds: [],
        createdAt: now,
        updatedAt: now,
      },
    });
    if (result.ok) setSelected(id);
  };
  return (
    <div className="split">
      <div className="split__list">
        <button type="button" className="button" onClick={() => void create()}>
          {t('curation.award.new')}
        </button>
        <ul className="plain-list award-list" data-testid="award-list">
          {awards.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="row-button"
                aria-current={a.id === selected ? 'true' : undefined}
                onClick={() => setSelected(a.id)}
              >
                <span dir="auto">{pickText(a.name, ui, lang)}</span> · {formatEdtf(a.date, ui)}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="split__detail">
        {current ? (
          <AwardEditor
            key={current.id}
            award={current}
            snapshot={snapshot}
            onDeleted={() => setSelected(null)}
          />
        ) : (
          <p className="empty">{t('curation.award.select')}</p>
        )}
      </div>
    </div>
  );
}

export function AwardEditor({
  award,
  snapshot,
  onDeleted,
}: {
  award: Award;
  snapshot: LibrarySnapshot;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const reference = snapshot.manifest.defaultLanguage;
  const [lang, setLang] = useState(reference);
  const draft = useDraft(award, (value) => ({ type: 'putAward', award: value }));
  const submit = useApp((s) => s.commandSubmitted);
  const a = draft.value;
  const idBase = useId();
  const set = (change: Partial<Award>) => draft.update((c) => ({ ...c, ...change }));
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  return (
    <article className="editor" aria-labelledby={`${idBase}-h`} data-testid="award-editor">
      <header className="editor__head">
        <h2 id={`${idBase}-h`}>
          <span dir="auto">{pickText(a.name, ui, reference)}</span>
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
        languages={snapshot.manifest.languages}
        active={lang}
        onChange={setLang}
        complete={(l) => Boolean(a.name[l]?.trim()) && Boolean(a.awardingBody[l]?.trim())}
        idBase={idBase}
      />
      <div role="tabpanel" id={`${idBase}-panel`} aria-labelledby={`${idBase}-tab-${lang}`}>
        <LocalizedField
          label={t('curation.award.name')}
          text={a.name}
          lang={lang}
          reference={reference}
          onChange={(name) => set({ name })}
        />
        <LocalizedField
          label={t('curation.award.level')}
          text={a.level}
          lang={lang}
          reference={reference}
          onChange={(level) => set({ level })}
        />
        <LocalizedField
          label={t('curation.award.body')}
          text={a.awardingBody}
          lang={lang}
          reference={reference}
          onChange={(awardingBody) => set({ awardingBody })}
        />
        <LocalizedField
          label={t('curation.award.text')}
          text={a.text}
          lang={lang}
          reference={reference}
          onChange={(text) => set({ text })}
          multiline
        />
      </div>
      <DateInput
        label={t('curation.field.date')}
        value={a.date}
        required
        onChange={(date) => date && set({ date })}
      />
      <fieldset className="field">
        <legend>{t('curation.field.partnerships')}</legend>
        <div className="check-grid">
          {snapshot.partnerships.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={a.partnershipIds.includes(p.id)}
                onChange={(event) =>
                  set({
                    partnershipIds: event.target.checked
                      ? [...a.partnershipIds, p.id]
                      : a.partnershipIds.filter((id) => id !== p.id),
                  })
                }
              />
              <span dir="auto">{pickText(p.city, ui, reference)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <h3>{t('curation.partnership.linked')}</h3>
      <ul className="tl-editor__linked">
        {a.itemIds.map((itemId) => {
          const title = items.get(itemId)
            ? pickText(items.get(itemId)!.title, ui, reference)
            : itemId;
          return (
            <li key={itemId} className="chip">
              <span dir="auto">{title}</span>
              <button
                type="button"
                aria-label={t('curation.partnership.unlink', { title })}
                onClick={() => set({ itemIds: a.itemIds.filter((x) => x !== itemId) })}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ul>
      <ItemPicker
        lang={snapshot.manifest.defaultLanguage}
        exclude={a.itemIds}
        label={t('curation.partnership.linkItem')}
        onPick={(itemId) => set({ itemIds: [...a.itemIds, itemId] })}
      />
      <div className="danger-zone">
        <button
          type="button"
          className="button button--danger"
          onClick={async () => {
            const result = await submit({
              type: 'delete',
              collection: 'awards',
              id: a.id,
              force: false,
            });
            if (result.ok) onDeleted();
          }}
        >
          {t('curation.award.delete')}
        </button>
      </div>
    </article>
  );
}
