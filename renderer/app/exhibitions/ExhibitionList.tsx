import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  languageName,
  pickText,
  textDirection,
  thumbnailPath,
  type Exhibition,
} from '../../../shared/domain';
import { useMediaUrl } from '../api/context';
import { Localized } from '../components/Localized';
import { MenuButton } from '../components/MenuButton';
import { ConfirmDialog } from './editor/ConfirmDialog';
import { createExhibition, duplicateExhibition, renameExhibition } from './editor/operations';
import { useEditor } from './editor/state';
import { selectDefaultContentLanguage, selectExhibitions, useApp } from '../store';

export function ExhibitionList() {
  const { t, i18n } = useTranslation();
  const exhibitions = useApp(selectExhibitions);
  const snapshot = useApp((s) => s.snapshot);
  const submit = useApp((s) => s.commandSubmitted);
  const contentLang = useApp(selectDefaultContentLanguage);
  const open = useEditor((s) => s.opened);
  const [newTitle, setNewTitle] = useState('');
  const [renaming, setRenaming] = useState<Exhibition | null>(null);
  const [deleting, setDeleting] = useState<Exhibition | null>(null);
  const renameInput = useRef<HTMLInputElement>(null);
  const [renameValue, setRenameValue] = useState('');
  const slugs = new Set(exhibitions.map((x) => x.slug));
  const now = () => new Date().toISOString();

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const title = newTitle.trim();
    if (!title || !snapshot) return;
    const x = createExhibition(
      // German first, English second: more languages are added in the settings when needed.
      {
        title,
        lang: contentLang,
        languages: [contentLang, 'en'].filter((l, i, all) => all.indexOf(l) === i),
        now: now(),
      },
      slugs,
    );
    const result = await submit({ type: 'putExhibition', exhibition: x });
    if (result.ok) {
      setNewTitle('');
      open(x.id);
    }
  }

  async function duplicate(x: Exhibition) {
    const copy = duplicateExhibition(x, slugs, now(), { de: '(Kopie)', en: '(copy)' });
    await submit({ type: 'putExhibition', exhibition: copy });
  }

  async function rename(event: React.FormEvent) {
    event.preventDefault();
    if (!renaming || !renameValue.trim()) return;
    const lang = renaming.defaultLanguage;
    await submit({
      type: 'putExhibition',
      exhibition: renameExhibition(renaming, lang, renameValue.trim()),
    });
    setRenaming(null);
  }

  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );

  return (
    <section className="section exhibition-list" aria-labelledby="exhibitions-heading">
      <div className="section__head">
        <h1 id="exhibitions-heading">{t('exhibitions.heading')}</h1>
        <p className="muted">{t('exhibitions.count', { count: exhibitions.length })}</p>
      </div>
      <form className="editor-inline-form" onSubmit={(e) => void create(e)}>
        <label htmlFor="new-exhibition-title">{t('editor.list.newTitle')}</label>
        <input
          id="new-exhibition-title"
          value={newTitle}
          maxLength={200}
          onChange={(e) => setNewTitle(e.target.value)}
        />
        <button type="submit" className="button" disabled={!newTitle.trim()}>
          {t('editor.list.create')}
        </button>
      </form>
      {exhibitions.length === 0 ? (
        <p className="empty">{t('exhibitions.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table exhibition-table">
            <caption className="visually-hidden">{t('exhibitions.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('editor.list.cover')}</span>
                </th>
                <th scope="col">{t('exhibitions.title')}</th>
                <th scope="col">{t('exhibitions.languages')}</th>
                <th scope="col" className="num">
                  {t('exhibitions.chapters')}
                </th>
                <th scope="col">{t('exhibitions.statusLabel')}</th>
                <th scope="col">{t('editor.list.changed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('editor.list.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {exhibitions.map((x) => (
                <ExhibitionRow
                  key={x.id}
                  exhibition={x}
                  changed={date(x.updatedAt)}
                  onOpen={() => open(x.id)}
                  onDuplicate={() => void duplicate(x)}
                  onRename={() => {
                    setRenameValue(pickText(x.title, x.defaultLanguage));
                    setRenaming(x);
                  }}
                  onDelete={() => setDeleting(x)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={renaming !== null}
        title={t('editor.list.renameTitle')}
        confirmLabel={t('editor.list.rename')}
        onCancel={() => setRenaming(null)}
        onConfirm={(e) => void rename(e)}
        initialFocus={renameInput}
      >
        <label htmlFor="rename-input">
          {t('editor.list.renameLabel', {
            lang: renaming ? languageName(renaming.defaultLanguage) : '',
          })}
        </label>
        <input
          id="rename-input"
          ref={renameInput}
          value={renameValue}
          maxLength={200}
          onChange={(e) => setRenameValue(e.target.value)}
        />
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t('editor.list.deleteTitle')}
        confirmLabel={t('editor.list.delete')}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={(e) => {
          e.preventDefault();
          if (deleting)
            void submit({
              type: 'delete',
              collection: 'exhibitions',
              id: deleting.id,
              force: false,
            });
          setDeleting(null);
        }}
      >
        <p>
          {t('editor.list.deleteBody', {
            title: deleting ? pickText(deleting.title, deleting.defaultLanguage) : '',
          })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

interface RowProps {
  exhibition: Exhibition;
  changed: string;
  onOpen(): void;
  onDuplicate(): void;
  onRename(): void;
  onDelete(): void;
}

function ExhibitionRow({
  exhibition: x,
  changed,
  onOpen,
  onDuplicate,
  onRename,
  onDelete,
}: RowProps) {
  const { t } = useTranslation();
  const mediaUrl = useMediaUrl();
  const cover = useApp((s) =>
    x.coverItemId
      ? s.snapshot?.items.find((i) => i.id === x.coverItemId)?.media.find((m) => m.kind === 'image')
      : undefined,
  );
  const name = pickText(x.title, x.defaultLanguage);
  return (
    <tr data-exhibition={x.id}>
      <td className="exhibition-table__cover">
        {cover ? <img src={mediaUrl(thumbnailPath(cover.sha256))} alt="" loading="lazy" /> : null}
      </td>
      <th scope="row">
        {/* The title opens the exhibition; its name says so and contains the visible title. */}
        <button
          type="button"
          className="row-button exhibition-table__open"
          onClick={onOpen}
          aria-label={t('editor.list.openNamed', { title: name })}
        >
          <Localized text={x.title} className="cell-title" />
        </button>
        <Localized text={x.subtitle} className="cell-sub" />
      </th>
      <td>
        {x.languages.map((lang, index) => (
          <span key={lang}>
            {index > 0 ? ', ' : null}
            <span lang={lang} dir={textDirection(lang) === 'rtl' ? 'rtl' : undefined}>
              {languageName(lang)}
            </span>
          </span>
        ))}
      </td>
      <td className="num">{x.chapters.length}</td>
      <td>
        <span className={`badge badge--${x.status}`}>{t(`exhibitions.status.${x.status}`)}</span>
      </td>
      <td>
        <time dateTime={x.updatedAt}>{changed}</time>
      </td>
      <td className="exhibition-table__actions">
        <MenuButton
          label={t('workspace.more', { name })}
          actions={[
            {
              label: t('editor.list.duplicate'),
              name: t('editor.list.duplicateNamed', { title: name }),
              onSelect: onDuplicate,
            },
            {
              label: t('editor.list.rename'),
              name: t('editor.list.renameNamed', { title: name }),
              onSelect: onRename,
            },
            {
              label: t('editor.list.delete'),
              name: t('editor.list.deleteNamed', { title: name }),
              danger: true,
              onSelect: onDelete,
            },
          ]}
        />
      </td>
    </tr>
  );
}
