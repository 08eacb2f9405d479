import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  pickText,
  type Item,
  type LibrarySnapshot,
  type Rights,
  type SingleCommand,
} from '../../../shared/domain';
import { useApp } from '../store';
import { RightsInput } from '../components/forms/RightsInput';

/** The change a batch edit makes; absent parts leave the items as they are. */
export interface BatchPatch {
  addTags?: string[];
  removeTags?: string[];
  addPartnershipId?: string;
  creator?: string;
  rights?: Rights;
}

/** One putItem per changed item, for a single all-or-nothing batch (one undo step). */
export function batchCommands(items: readonly Item[], patch: BatchPatch): SingleCommand[] {
  const out: SingleCommand[] = [];
  for (const item of items) {
    const next: Item = { ...item };
    if (patch.addTags?.length || patch.removeTags?.length) {
      const tags = item.tags.filter((tag) => !patch.removeTags?.includes(tag));
      for (const tag of patch.addTags ?? []) if (!tags.includes(tag)) tags.push(tag);
      next.tags = tags;
    }
    if (patch.addPartnershipId && !item.partnershipIds.includes(patch.addPartnershipId))
      next.partnershipIds = [...item.partnershipIds, patch.addPartnershipId];
    if (patch.creator !== undefined) next.creator = patch.creator;
    if (patch.rights) next.rights = patch.rights;
    if (JSON.stringify(next) !== JSON.stringify(item)) out.push({ type: 'putItem', item: next });
  }
  return out;
}

const split = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

export function BatchEditor({ items, snapshot }: { items: Item[]; snapshot: LibrarySnapshot }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const submit = useApp((s) => s.commandSubmitted);
  const id = useId();
  const [addTags, setAddTags] = useState('');
  const [removeTags, setRemoveTags] = useState('');
  const [partnership, setPartnership] = useState('');
  const [creator, setCreator] = useState('');
  const [setCreatorOn, setSetCreatorOn] = useState(false);
  const [rights, setRights] = useState<Rights | undefined>(undefined);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const lang = snapshot.manifest.defaultLanguage;

  const apply = async () => {
    const patch: BatchPatch = {
      addTags: split(addTags),
      removeTags: split(removeTags),
      ...(partnership ? { addPartnershipId: partnership } : {}),
      ...(setCreatorOn ? { creator } : {}),
      ...(rights ? { rights } : {}),
    };
    const commands = batchCommands(items, patch);
    if (commands.length === 0) {
      setMessage({ ok: true, text: t('curation.batch.nothing') });
      return;
    }
    const result = await submit({ type: 'batch', commands });
    setMessage(
      result.ok
        ? { ok: true, text: t('curation.batch.done', { count: commands.length }) }
        : { ok: false, text: result.error.message },
    );
  };

  return (
    <article className="editor" aria-labelledby={`${id}-h`} data-testid="batch-editor">
      <h2 id={`${id}-h`}>{t('curation.batch.heading', { count: items.length })}</h2>
      <p className="hint">{t('curation.batch.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-add`}>{t('curation.batch.addTags')}</label>
        <input
          id={`${id}-add`}
          type="text"
          value={addTags}
          onChange={(e) => setAddTags(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-rm`}>{t('curation.batch.removeTags')}</label>
        <input
          id={`${id}-rm`}
          type="text"
          value={removeTags}
          onChange={(e) => setRemoveTags(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-p`}>{t('curation.batch.partnership')}</label>
        <select id={`${id}-p`} value={partnership} onChange={(e) => setPartnership(e.target.value)}>
          <option value="">{t('curation.batch.keep')}</option>
          {snapshot.partnerships.map((p) => (
            <option key={p.id} value={p.id}>
              {pickText(p.city, ui, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={setCreatorOn}
            onChange={(e) => setSetCreatorOn(e.target.checked)}
          />
          {t('curation.batch.setCreator')}
        </label>
        <label htmlFor={`${id}-c`} className="visually-hidden">
          {t('curation.field.creator')}
        </label>
        <input
          id={`${id}-c`}
          type="text"
          dir="auto"
          value={creator}
          disabled={!setCreatorOn}
          onChange={(e) => setCreator(e.target.value)}
        />
      </div>
      <RightsInput rights={rights} onChange={setRights} showCredit lang={lang} />
      <button type="button" className="button button--primary" onClick={() => void apply()}>
        {t('curation.batch.apply', { count: items.length })}
      </button>
      {message ? (
        <p
          role={message.ok ? 'status' : 'alert'}
          className={message.ok ? 'hint' : 'field__warning'}
        >
          {message.text}
        </p>
      ) : null}
    </article>
  );
}
