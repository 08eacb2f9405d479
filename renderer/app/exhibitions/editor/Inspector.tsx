import { useTranslation } from 'react-i18next';
import {
  formatEdtf,
  languageName,
  pickText,
  type Block,
  type Exhibition,
  type LocalizedText,
  type RichDoc,
} from '../../../../shared/domain';
import { moved } from '../../components/forms/array';
import { useApp } from '../../store';
import { ItemName, ItemPicker } from '../../components/forms/ItemPicker';
import { LocalizedField } from '../../components/forms/LocalizedField';
import { findBlock, moveBlock, updateBlock, updateChapter } from './operations';
import { RichTextEditor } from './RichTextEditor';
import { useEditedLanguages, useEditor } from './state';

interface Props {
  exhibition: Exhibition;
  onChange(next: Exhibition): void;
}

export function Inspector({ exhibition: x, onChange }: Props) {
  const { t } = useTranslation();
  const selection = useEditor((s) => s.selection);
  const chapter =
    selection?.kind === 'chapter' ? x.chapters.find((c) => c.id === selection.id) : undefined;
  const found = selection?.kind === 'block' ? findBlock(x, selection.id) : null;
  const select = useEditor((s) => s.selected);
  const langs = useEditedLanguages(x.defaultLanguage);

  return (
    <section
      className="inspector"
      aria-labelledby="inspector-heading"
      // The panel belongs to the selection: Escape (or its close button) deselects and closes it.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        select(null);
      }}
    >
      <div className="inspector__head">
        <h2 id="inspector-heading">
          {found
            ? t('editor.inspector.block', { type: t(`editor.blockTypes.${found.block.type}`) })
            : chapter
              ? t('editor.inspector.chapter')
              : t('editor.inspector.heading')}
        </h2>
        <button
          type="button"
          className="button button--quiet button--small"
          aria-label={t('workspace.inspectorClose')}
          onClick={() => select(null)}
        >
          ×
        </button>
      </div>
      {chapter ? (
        <LocalizedField
          id={`chapter-${chapter.id}-title`}
          label={t('editor.inspector.chapterTitle')}
          text={chapter.title}
          reference={x.defaultLanguage}
          langs={langs}
          onChange={(title) => onChange(updateChapter(x, { ...chapter, title }))}
        />
      ) : found ? (
        <>
          <BlockInspector
            key={found.block.id}
            block={found.block}
            exhibition={x}
            onChange={(block) => onChange(updateBlock(x, block))}
          />
          {x.chapters.length > 1 ? (
            <div className="field">
              <label htmlFor="move-to-chapter">{t('editor.inspector.moveTo')}</label>
              <select
                id="move-to-chapter"
                value={found.chapter.id}
                onChange={(e) => onChange(moveBlock(x, found.block.id, e.target.value))}
              >
                {x.chapters.map((c, i) => (
                  <option key={c.id} value={c.id}>
                    {i + 1}. {pickText(c.title, x.defaultLanguage) || '—'}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('editor.inspector.none')}</p>
      )}
    </section>
  );
}

interface BlockProps<B extends Block = Block> {
  block: B;
  exhibition: Exhibition;
  onChange(block: Block): void;
}

function BlockInspector(props: BlockProps) {
  const { block } = props;
  switch (block.type) {
    case 'text':
      return <TextInspector {...props} block={block} />;
    case 'item':
      return <ItemInspector {...props} block={block} />;
    case 'gallery':
      return <GalleryInspector {...props} block={block} />;
    case 'timeline':
      return <TimelineInspector {...props} block={block} />;
    case 'quote':
      return <QuoteInspector {...props} block={block} />;
    case 'comparison':
      return <ComparisonInspector {...props} block={block} />;
    case 'map':
      return <MapInspector {...props} block={block} />;
  }
}

type Of<T extends Block['type']> = Extract<Block, { type: T }>;

function TextInspector({ block, exhibition: x, onChange }: BlockProps<Of<'text'>>) {
  const { t } = useTranslation();
  const langs = useEditedLanguages(x.defaultLanguage);
  const set = (lang: string, doc: RichDoc | undefined) => {
    const body = { ...block.body };
    if (doc) body[lang] = doc;
    else delete body[lang];
    onChange({ ...block, body });
  };
  return (
    <div className={`lang-columns lang-columns--${langs.length}`}>
      {langs.map((lang) => (
        <RichTextEditor
          key={`${block.id}-${lang}`}
          id={`block-${block.id}-body-${lang}`}
          label={t('editor.inspector.textIn', { lang: languageName(lang) })}
          lang={lang}
          value={block.body[lang]}
          onChange={(doc) => set(lang, doc)}
        />
      ))}
    </div>
  );
}

function Field({
  block,
  name,
  label,
  value,
  x,
  multiline,
  onChange,
}: {
  block: Block;
  name: string;
  label: string;
  value: LocalizedText | undefined;
  x: Exhibition;
  multiline?: boolean;
  onChange(v: LocalizedText): void;
}) {
  const langs = useEditedLanguages(x.defaultLanguage);
  return (
    <LocalizedField
      id={`block-${block.id}-${name}`}
      label={label}
      text={value}
      reference={x.defaultLanguage}
      langs={langs}
      multiline={multiline}
      onChange={onChange}
    />
  );
}

function ItemInspector({ block, exhibition: x, onChange }: BlockProps<Of<'item'>>) {
  const { t } = useTranslation();
  return (
    <>
      <p>
        {t('editor.inspector.shows')} <ItemName itemId={block.itemId} lang={x.defaultLanguage} />
      </p>
      <ItemPicker
        id={`block-${block.id}-picker`}
        label={t('editor.inspector.chooseItem')}
        lang={x.defaultLanguage}
        onPick={(itemId) => onChange({ ...block, itemId })}
      />
      <Field
        block={block}
        name="caption"
        x={x}
        label={t('editor.inspector.caption')}
        value={block.caption}
        onChange={(caption) => onChange({ ...block, caption })}
      />
      <label className="field">
        <input
          type="checkbox"
          checked={block.wide === true}
          onChange={(e) => {
            // Off removes the flag, so a block never switched on stays as it was stored.
            const { wide: _drop, ...rest } = block;
            onChange(e.target.checked ? { ...rest, wide: true } : rest);
          }}
        />{' '}
        {t('forms.fullBleed')}
      </label>
    </>
  );
}

function GalleryInspector({ block, exhibition: x, onChange }: BlockProps<Of<'gallery'>>) {
  const { t } = useTranslation();
  const move = (from: number, to: number) =>
    onChange({ ...block, itemIds: moved(block.itemIds, from, to) });
  return (
    <>
      <Field
        block={block}
        name="title"
        x={x}
        label={t('editor.inspector.title')}
        value={block.title}
        onChange={(title) => onChange({ ...block, title })}
      />
      <h3>{t('editor.inspector.galleryItems')}</h3>
      <ol className="gallery-list">
        {block.itemIds.map((id, i) => (
          <li key={`${id}-${i}`}>
            <ItemName itemId={id} lang={x.defaultLanguage} />
            <span className="gallery-list__tools">
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                aria-label={t('editor.inspector.up', { position: i + 1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={i === block.itemIds.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={t('editor.inspector.down', { position: i + 1 })}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                disabled={block.itemIds.length === 1}
                onClick={() =>
                  onChange({ ...block, itemIds: block.itemIds.filter((_, j) => j !== i) })
                }
                aria-label={t('editor.inspector.removeItem', { position: i + 1 })}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <ItemPicker
        id={`block-${block.id}-picker`}
        label={t('editor.inspector.addItem')}
        lang={x.defaultLanguage}
        exclude={block.itemIds}
        onPick={(itemId) =>
          block.itemIds.length < 200 && onChange({ ...block, itemIds: [...block.itemIds, itemId] })
        }
      />
    </>
  );
}

function PartnershipChecks({
  id,
  selected,
  lang,
  onChange,
}: {
  id: string;
  selected: string[];
  lang: string;
  onChange(ids: string[]): void;
}) {
  const { t } = useTranslation();
  const partnerships = useApp((s) => s.snapshot?.partnerships ?? []);
  return (
    <fieldset className="field" id={id}>
      <legend>{t('editor.inspector.partnerships')}</legend>
      <ul className="checkbox-list">
        {partnerships.map((p) => (
          <li key={p.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(p.id)}
                onChange={(e) =>
                  onChange(
                    e.target.checked ? [...selected, p.id] : selected.filter((s) => s !== p.id),
                  )
                }
              />{' '}
              {pickText(p.city, lang) || p.id}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function TimelineInspector({ block, exhibition: x, onChange }: BlockProps<Of<'timeline'>>) {
  const { t } = useTranslation();
  const partnerships = useApp((s) => s.snapshot?.partnerships ?? []);
  const chosen = partnerships.filter((p) => block.partnershipIds.includes(p.id));
  const lang = x.defaultLanguage;
  return (
    <>
      <Field
        block={block}
        name="title"
        x={x}
        label={t('editor.inspector.title')}
        value={block.title}
        onChange={(title) => onChange({ ...block, title })}
      />
      <PartnershipChecks
        id={`block-${block.id}-partnerships`}
        selected={block.partnershipIds}
        lang={lang}
        onChange={(partnershipIds) => {
          const allowed = new Set(
            partnerships
              .filter((p) => partnershipIds.includes(p.id))
              .flatMap((p) => p.history.map((e) => e.id)),
          );
          onChange({
            ...block,
            partnershipIds,
            eventIds: block.eventIds.filter((e) => allowed.has(e)),
          });
        }}
      />
      {chosen.length > 0 ? (
        <fieldset className="field">
          <legend>{t('editor.inspector.events')}</legend>
          <p className="muted">{t('editor.inspector.eventsHelp')}</p>
          {chosen.map((p) => (
            <div key={p.id}>
              <h3>{pickText(p.city, lang)}</h3>
              <ul className="checkbox-list">
                {p.history.map((event) => (
                  <li key={event.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={block.eventIds.includes(event.id)}
                        onChange={(e) =>
                          onChange({
                            ...block,
                            eventIds: e.target.checked
                              ? [...block.eventIds, event.id]
                              : block.eventIds.filter((id) => id !== event.id),
                          })
                        }
                      />{' '}
                      {formatEdtf(event.date, lang)}: {pickText(event.title, lang)}
                    </label>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </fieldset>
      ) : null}
      <label className="field">
        <input
          type="checkbox"
          checked={block.includeAwards}
          onChange={(e) => onChange({ ...block, includeAwards: e.target.checked })}
        />{' '}
        {t('editor.inspector.includeAwards')}
      </label>
    </>
  );
}

function QuoteInspector({ block, exhibition: x, onChange }: BlockProps<Of<'quote'>>) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        block={block}
        name="text"
        x={x}
        multiline
        label={t('editor.inspector.quote')}
        value={block.text}
        onChange={(text) => onChange({ ...block, text })}
      />
      <Field
        block={block}
        name="attribution"
        x={x}
        label={t('editor.inspector.attribution')}
        value={block.attribution}
        onChange={(attribution) => onChange({ ...block, attribution })}
      />
      <p>
        {t('editor.inspector.quoteItem')}{' '}
        {block.itemId ? (
          <ItemName itemId={block.itemId} lang={x.defaultLanguage} />
        ) : (
          t('editor.inspector.noItem')
        )}
        {block.itemId ? (
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => {
              const { itemId: _drop, ...rest } = block;
              onChange(rest);
            }}
          >
            {t('editor.inspector.clearItem')}
          </button>
        ) : null}
      </p>
      <ItemPicker
        id={`block-${block.id}-picker`}
        label={t('editor.inspector.chooseItem')}
        lang={x.defaultLanguage}
        onPick={(itemId) => onChange({ ...block, itemId })}
      />
    </>
  );
}

function ComparisonInspector({ block, exhibition: x, onChange }: BlockProps<Of<'comparison'>>) {
  const { t } = useTranslation();
  const side = (key: 'before' | 'after') => (
    <fieldset className="field" key={key}>
      <legend>{t(`editor.inspector.${key}`)}</legend>
      <p>
        <ItemName itemId={block[key].itemId} lang={x.defaultLanguage} />
      </p>
      <ItemPicker
        id={`block-${block.id}-${key}-picker`}
        label={t('editor.inspector.chooseItem')}
        lang={x.defaultLanguage}
        onPick={(itemId) => onChange({ ...block, [key]: { ...block[key], itemId } })}
      />
      <Field
        block={block}
        name={`${key}-label`}
        x={x}
        label={t('editor.inspector.label')}
        value={block[key].label}
        onChange={(label) => onChange({ ...block, [key]: { ...block[key], label } })}
      />
    </fieldset>
  );
  return (
    <>
      {side('before')}
      {side('after')}
      <Field
        block={block}
        name="caption"
        x={x}
        label={t('editor.inspector.caption')}
        value={block.caption}
        onChange={(caption) => onChange({ ...block, caption })}
      />
    </>
  );
}

function MapInspector({ block, exhibition: x, onChange }: BlockProps<Of<'map'>>) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        block={block}
        name="title"
        x={x}
        label={t('editor.inspector.title')}
        value={block.title}
        onChange={(title) => onChange({ ...block, title })}
      />
      <PartnershipChecks
        id={`block-${block.id}-partnerships`}
        selected={block.partnershipIds}
        lang={x.defaultLanguage}
        onChange={(partnershipIds) => onChange({ ...block, partnershipIds })}
      />
    </>
  );
}
