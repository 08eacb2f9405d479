import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkHref, textDirection, type RichDoc } from '../../../../shared/domain';
import { isEmptyDoc, toRichDoc } from './richdoc';

interface Props {
  id: string;
  label: string;
  lang: string;
  value: RichDoc | undefined;
  /** `undefined` when the text was emptied: the language then has no text. */
  onChange(doc: RichDoc | undefined): void;
}

const EMPTY: RichDoc = { type: 'doc', content: [] };

/**
 * TipTap limited to the model: headings 2 and 3, paragraphs, bold, italic, bullet and ordered
 * lists, and links to http(s) and mailto only. Everything typed or pasted is mapped to `RichDoc`
 * and validated before it reaches the store.
 */
export function RichTextEditor({ id, label, lang, value, onChange }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const [href, setHref] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  /** The document this editor sent last; the same value coming back needs no reset. */
  const lastSent = useRef(JSON.stringify(value ?? null));
  const editor = useEditor({
    immediatelyRender: true,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        blockquote: false,
        code: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        // One history for the whole app: Ctrl+Z undoes saved edits through the store.
        undoRedo: false,
        link: {
          openOnClick: false,
          autolink: false,
          linkOnPaste: false,
          protocols: [],
          isAllowedUri: (url) => LinkHref.safeParse(url).success,
        },
      }),
    ],
    content: value && value.content.length ? value : EMPTY,
    editorProps: {
      attributes: {
        id,
        lang,
        dir: textDirection(lang),
        class: 'rich-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
      },
    },
    onUpdate: ({ editor: e }) => {
      const doc = toRichDoc(e.getJSON());
      if (!doc) return;
      const next = isEmptyDoc(doc) ? undefined : doc;
      lastSent.current = JSON.stringify(next ?? null);
      onChange(next);
    },
  });

  // Changes from elsewhere (undo, another window) replace the editor's content.
  useEffect(() => {
    if (!editor) return;
    const incoming = JSON.stringify(value ?? null);
    if (incoming === lastSent.current) return;
    lastSent.current = incoming;
    editor.commands.setContent(value && value.content.length ? value : EMPTY, {
      emitUpdate: false,
    });
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e?.isActive('heading', { level: 2 }) ?? false,
      h3: e?.isActive('heading', { level: 3 }) ?? false,
      bold: e?.isActive('bold') ?? false,
      italic: e?.isActive('italic') ?? false,
      bullet: e?.isActive('bulletList') ?? false,
      ordered: e?.isActive('orderedList') ?? false,
      link: e?.isActive('link') ?? false,
    }),
  });

  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const tool = (key: string, pressed: boolean, run: () => void) => (
    <button type="button" className="rich-editor__tool" aria-pressed={pressed} onClick={run}>
      {t(`editor.rich.${key}`)}
    </button>
  );
  function setLink(e: React.FormEvent | React.MouseEvent) {
    e.preventDefault();
    if (!editor) return;
    if (!LinkHref.safeParse(href).success) {
      setLinkError(t('editor.rich.linkInvalid'));
      return;
    }
    setLinkError(null);
    chain().extendMarkRange('link').setLink({ href }).run();
    setHref('');
  }

  return (
    <div className="rich-editor" lang={lang}>
      <p id={labelId} className="rich-editor__label">
        {label}
      </p>
      <div
        className="rich-editor__toolbar"
        role="toolbar"
        aria-label={t('editor.rich.toolbar', { label })}
      >
        {tool('h2', state?.h2 ?? false, () => chain().toggleHeading({ level: 2 }).run())}
        {tool('h3', state?.h3 ?? false, () => chain().toggleHeading({ level: 3 }).run())}
        {tool('bold', state?.bold ?? false, () => chain().toggleBold().run())}
        {tool('italic', state?.italic ?? false, () => chain().toggleItalic().run())}
        {tool('bullet', state?.bullet ?? false, () => chain().toggleBulletList().run())}
        {tool('ordered', state?.ordered ?? false, () => chain().toggleOrderedList().run())}
        {state?.link ? tool('unlink', false, () => chain().unsetLink().run()) : null}
      </div>
      <EditorContent editor={editor} />
      <div className="rich-editor__link">
        <label htmlFor={`${id}-href`}>{t('editor.rich.linkLabel')}</label>
        <input
          id={`${id}-href`}
          type="url"
          value={href}
          placeholder="https://"
          aria-invalid={linkError ? true : undefined}
          aria-describedby={linkError ? `${id}-href-error` : undefined}
          onChange={(e) => setHref(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setLink(e);
          }}
        />
        <button type="button" className="button button--small" onClick={setLink}>
          {t('editor.rich.link')}
        </button>
        {linkError ? (
          <p id={`${id}-href-error`} className="field-error" role="alert">
            {linkError}
          </p>
        ) : null}
      </div>
    </div>
  );
}
