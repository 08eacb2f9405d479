import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  hasText,
  ITEM_KINDS,
  languageName,
  mediaPath,
  pickText,
  thumbnailPath,
  usagesOf,
  type Item,
  type ItemKind,
  type LibrarySnapshot,
  type MediaAsset,
  type Rights,
} from '../../../shared/domain';
import { useMediaUrl } from '../api/context';
import { useApp } from '../store';
import { DateInput } from '../components/forms/DateInput';
import { ListField, TextField } from '../components/forms/FieldRow';
import { LanguageTabs, LocalizedField } from '../components/forms/LocalizedField';
import { RightsInput } from '../components/forms/RightsInput';
import { itemLanguages, useItemFocus } from './item-focus';
import { PdfFirstPage } from './PdfFirstPage';
import { useDraft } from './useDraft';

/** What a language still needs for this item: title, alt text (images), description/transcript if begun. */
export function missingIn(item: Item, lang: string): string[] {
  const missing: string[] = [];
  if (!hasText(item.title, lang)) missing.push('title');
  if (item.kind === 'image' && !hasText(item.altText, lang)) missing.push('altText');
  const begun = (text: Record<string, string>) => Object.values(text).some((v) => v.trim() !== '');
  if (begun(item.description) && !hasText(item.description, lang)) missing.push('description');
  if (begun(item.transcript) && !hasText(item.transcript, lang)) missing.push('transcript');
  if (item.rights && begun(item.rights.creditLine) && !hasText(item.rights.creditLine, lang))
    missing.push('creditLine');
  return missing;
}

export function ItemEditor({ item, snapshot }: { item: Item; snapshot: LibrarySnapshot }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language as 'de' | 'en';
  const languages = useMemo(() => itemLanguages(snapshot), [snapshot]);
  const reference = snapshot.manifest.defaultLanguage;
  const [lang, setLang] = useState(reference);
  const articleRef = useRef<HTMLElement>(null);
  const focusRequest = useItemFocus((s) => s.request);
  const [focusField, setFocusField] = useState<string | null>(null);
  const draft = useDraft(item, (value) => ({ type: 'putItem', item: value }));
  const value = draft.value;
  const idBase = useId();
  const set = (change: Partial<Item>) => draft.update((current) => ({ ...current, ...change }));
  const setRights = (rights: Rights | undefined) =>
    draft.update((current) => {
      const next = { ...current };
      if (rights) next.rights = rights;
      else delete next.rights;
      return next;
    });

  useEffect(() => {
    if (!languages.includes(lang)) setLang(reference);
  }, [languages, lang, reference]);

  // The check panel's "open item": show the finding's language and focus its field.
  useEffect(() => {
    if (focusRequest?.itemId !== item.id || !languages.includes(focusRequest.lang)) return;
    setLang(focusRequest.lang);
    setFocusField(focusRequest.field);
    useItemFocus.getState().requested(null);
  }, [focusRequest, item.id, languages]);
  useEffect(() => {
    if (!focusField) return;
    const input = articleRef.current?.querySelector<HTMLElement>(
      `[data-testid="field-${focusField}"]`,
    );
    input?.focus();
    input?.scrollIntoView({ block: 'center' });
    setFocusField(null);
  }, [focusField, lang]);

  const missing = missingIn(value, lang);
  const altMissing = value.kind === 'image' && !hasText(value.altText, reference);

  return (
    <article
      ref={articleRef}
      className="editor"
      aria-labelledby={`${idBase}-heading`}
      data-testid="item-editor"
    >
      <header className="editor__head">
        <h2 id={`${idBase}-heading`}>
          <span dir="auto">{pickText(value.title, ui, reference) || t('library.untitled')}</span>
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
        <div className="error-banner" role="alert" data-testid="item-save-error">
          <p>{t('curation.editor.saveFailed', { message: draft.error.message })}</p>
        </div>
      ) : null}

      <MediaPreview media={value.media} title={pickText(value.title, ui, reference)} />

      {altMissing ? (
        <p className="field__warning" role="note" data-testid="alt-warning">
          {t('curation.editor.altMissing', { language: languageName(reference) })}
        </p>
      ) : null}

      <section aria-label={t('curation.editor.texts')}>
        <LanguageTabs
          languages={languages}
          active={lang}
          onChange={setLang}
          complete={(l) => missingIn(value, l).length === 0}
          idBase={idBase}
        />
        <div
          role="tabpanel"
          id={`${idBase}-panel`}
          aria-labelledby={`${idBase}-tab-${lang}`}
          className="lang-panel"
        >
          {missing.length > 0 ? (
            <p className="hint">
              {t('curation.editor.missing', {
                fields: missing.map((f) => t(`curation.field.${f}`)).join(', '),
              })}
            </p>
          ) : null}
          <LocalizedField
            label={t('curation.field.title')}
            text={value.title}
            lang={lang}
            reference={reference}
            onChange={(title) => set({ title })}
            testId="field-title"
          />
          <LocalizedField
            label={t('curation.field.description')}
            text={value.description}
            lang={lang}
            reference={reference}
            onChange={(description) => set({ description })}
            multiline
            testId="field-description"
          />
          {value.kind === 'image' || value.altText[lang] ? (
            <LocalizedField
              label={t('curation.field.altText')}
              text={value.altText}
              lang={lang}
              reference={reference}
              onChange={(altText) => set({ altText })}
              multiline
              testId="field-altText"
              warning={
                value.kind === 'image' && !hasText(value.altText, lang)
                  ? t('curation.editor.altMissingHere')
                  : null
              }
            />
          ) : null}
          {value.kind === 'audio' || value.kind === 'video' || value.transcript[lang] ? (
            <LocalizedField
              label={t('curation.field.transcript')}
              text={value.transcript}
              lang={lang}
              reference={reference}
              onChange={(transcript) => set({ transcript })}
              multiline
              testId="field-transcript"
            />
          ) : null}
          {value.rights ? (
            <LocalizedField
              label={t('curation.field.creditLine')}
              text={value.rights.creditLine}
              lang={lang}
              reference={reference}
              onChange={(creditLine) => setRights({ ...value.rights!, creditLine })}
              testId="field-creditLine"
            />
          ) : null}
        </div>
      </section>

      <section className="editor__grid" aria-label={t('curation.editor.facts')}>
        <div className="field">
          <label htmlFor={`${idBase}-kind`}>{t('curation.field.kind')}</label>
          <select
            id={`${idBase}-kind`}
            value={value.kind}
            onChange={(event) => set({ kind: event.target.value as ItemKind })}
          >
            {ITEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`library.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <DateInput
          label={t('curation.field.date')}
          value={value.date}
          testId="field-date"
          onChange={(date) =>
            draft.update((current) => {
              const next = { ...current };
              if (date) next.date = date;
              else delete next.date;
              return next;
            })
          }
        />
        <TextField
          label={t('curation.field.creator')}
          value={value.creator}
          testId="field-creator"
          onChange={(creator) => set({ creator })}
        />
        <TextField
          label={t('curation.field.source')}
          value={value.source}
          onChange={(source) => set({ source })}
        />
        <TextField
          label={t('curation.field.archiveRef')}
          value={value.archiveRef}
          onChange={(archiveRef) => set({ archiveRef })}
        />
        <ListField
          label={t('curation.field.tags')}
          values={value.tags}
          hint={t('curation.editor.commaHint')}
          testId="field-tags"
          onChange={(tags) => set({ tags })}
        />
        <ListField
          label={t('curation.field.places')}
          values={value.places}
          hint={t('curation.editor.commaHint')}
          onChange={(places) => set({ places })}
        />
      </section>

      <RightsInput rights={value.rights} onChange={setRights} />

      <fieldset className="field">
        <legend>{t('curation.field.partnerships')}</legend>
        <div className="check-grid">
          {snapshot.partnerships.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={value.partnershipIds.includes(p.id)}
                onChange={(event) =>
                  set({
                    partnershipIds: event.target.checked
                      ? [...value.partnershipIds, p.id]
                      : value.partnershipIds.filter((id) => id !== p.id),
                  })
                }
              />
              <span dir="auto">{pickText(p.city, ui, reference)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <label className="check">
        <input
          type="checkbox"
          checked={value.sample === true}
          onChange={(event) => set({ sample: event.target.checked ? true : undefined })}
        />
        {t('curation.field.sample')}
      </label>

      <UsedIn snapshot={snapshot} itemId={item.id} />
      <DeleteItem snapshot={snapshot} item={item} />
    </article>
  );
}

function MediaPreview({ media, title }: { media: MediaAsset[]; title: string }) {
  const { t } = useTranslation();
  const mediaUrl = useMediaUrl();
  const [zoomed, setZoomed] = useState<MediaAsset | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (zoomed) dialog.current?.showModal?.();
  }, [zoomed]);
  if (media.length === 0) return <p className="muted">{t('curation.media.none')}</p>;
  return (
    <div className="media-preview">
      {media.map((asset) => {
        const url = mediaUrl(mediaPath(asset));
        switch (asset.kind) {
          case 'image':
            return (
              <button
                key={asset.sha256}
                type="button"
                className="media-preview__image"
                onClick={() => setZoomed(asset)}
                aria-label={t('curation.media.zoom', { name: asset.originalName })}
              >
                <img src={mediaUrl(thumbnailPath(asset.sha256))} alt="" />
              </button>
            );
          case 'audio':
            return (
              <audio key={asset.sha256} controls preload="metadata" src={url}>
                <a href={url}>{asset.originalName}</a>
              </audio>
            );
          case 'video':
            return (
              <video key={asset.sha256} controls preload="metadata" src={url} width={320}>
                <a href={url}>{asset.originalName}</a>
              </video>
            );
          default:
            if (asset.mime === 'application/pdf')
              return (
                <PdfFirstPage
                  key={asset.sha256}
                  url={url}
                  title={title}
                  name={asset.originalName}
                  pages={asset.pages}
                />
              );
            return (
              <a
                key={asset.sha256}
                className="media-preview__doc"
                href={url}
                target="_blank"
                rel="noopener noreferrer"
              >
                <span aria-hidden="true">▤</span> {asset.originalName}
                {asset.pages ? ` · ${t('curation.media.pages', { count: asset.pages })}` : ''}
              </a>
            );
        }
      })}
      {zoomed ? (
        <dialog
          ref={dialog}
          className="zoom"
          aria-label={title}
          onClose={() => setZoomed(null)}
          onClick={(event) => {
            if (event.target === dialog.current) dialog.current?.close();
          }}
        >
          <img src={mediaUrl(mediaPath(zoomed))} alt="" />
          <form method="dialog">
            <button type="submit" className="button">
              {t('curation.close')}
            </button>
          </form>
        </dialog>
      ) : null}
    </div>
  );
}

function UsedIn({ snapshot, itemId }: { snapshot: LibrarySnapshot; itemId: string }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language as 'de' | 'en';
  const usages = usagesOf(snapshot, 'items', itemId);
  return (
    <section aria-label={t('curation.usedIn.heading')} data-testid="used-in">
      <h3>{t('curation.usedIn.heading')}</h3>
      {usages.length === 0 ? (
        <p className="muted">{t('curation.usedIn.none')}</p>
      ) : (
        <ul className="plain-list">
          {usages.map((u, i) => (
            <li key={`${u.collection}-${u.id}-${i}`}>{u.label[ui]}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeleteItem({ snapshot, item }: { snapshot: LibrarySnapshot; item: Item }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language as 'de' | 'en';
  const submit = useApp((s) => s.commandSubmitted);
  const select = useApp((s) => s.itemsSelected);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const usages = usagesOf(snapshot, 'items', item.id);
  const confirm = async () => {
    const result = await submit({
      type: 'delete',
      collection: 'items',
      id: item.id,
      force: usages.length > 0,
    });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setAsking(false);
    select([], null);
  };
  return (
    <div className="danger-zone">
      {!asking ? (
        <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
          {t('curation.delete.button')}
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="delete-q" className="confirm">
          <p id="delete-q">
            <strong>{t('curation.delete.question')}</strong>
          </p>
          {usages.length > 0 ? (
            <>
              <p>{t('curation.delete.usedIn', { count: usages.length })}</p>
              <ul className="plain-list" data-testid="delete-usages">
                {usages.map((u, i) => (
                  <li key={`${u.id}-${i}`}>{u.label[ui]}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('curation.delete.unused')}</p>
          )}
          {error ? <p className="field__warning">{error}</p> : null}
          <div className="confirm__actions">
            <button type="button" className="button button--danger" onClick={() => void confirm()}>
              {usages.length > 0 ? t('curation.delete.anyway') : t('curation.delete.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('curation.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
