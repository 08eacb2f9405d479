import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, pickText, type Exhibition } from '../../../../shared/domain';
import stylesheetUrl from '../../../bundle/vitrine.css?url';
import { useMediaUrl } from '../../api/context';
import { findBlock } from '../editor/operations';
import { PREVIEW_FRAMES, useEditor } from '../editor/state';
import { useApp } from '../../store';
import { frameScale } from './fit';
import { FRAME_SIZES, renderPreview } from './render';

/**
 * The exhibition as visitors will see it, rendered by `shared/render` (the exporter's code) into
 * a sandboxed frame: `allow-same-origin` without `allow-scripts`, so nothing in the page can run,
 * while the editor can read clicks on blocks and update the page in place as the curator types.
 */
export function Preview({ exhibition: x }: { exhibition: Exhibition }) {
  const { t } = useTranslation();
  const snapshot = useApp((s) => s.snapshot);
  const mediaUrl = useMediaUrl();
  const frame = useEditor((s) => s.previewFrame);
  const frameSelected = useEditor((s) => s.previewFrameSelected);
  const previewLang = useEditor((s) => s.previewLang);
  const translateLang = useEditor((s) => s.translateLang);
  const previewLangSelected = useEditor((s) => s.previewLangSelected);
  const selection = useEditor((s) => s.selection);
  const select = useEditor((s) => s.selected);
  const lang = previewLang ?? translateLang ?? x.defaultLanguage;
  const [pageChoice, setPageChoice] = useState<string | null>(null);

  // The page follows the selection: the chapter of the selected block or chapter.
  const selectedChapter =
    selection?.kind === 'chapter'
      ? selection.id
      : selection?.kind === 'block'
        ? (findBlock(x, selection.id)?.chapter.id ?? null)
        : null;
  useEffect(() => {
    if (selectedChapter) setPageChoice(selectedChapter);
  }, [selectedChapter]);
  // Settings (title, cover, theme) show best on the start page.
  const tab = useEditor((s) => s.tab);
  useEffect(() => {
    if (tab === 'settings') setPageChoice('index.html');
  }, [tab]);
  const page =
    pageChoice && (pageChoice.endsWith('.html') || x.chapters.some((c) => c.id === pageChoice))
      ? pageChoice
      : (x.chapters[0]?.id ?? 'index.html');

  const html = useMemo(() => {
    if (!snapshot) return '';
    try {
      return renderPreview({ snapshot, exhibition: x, lang, frame, page, mediaUrl, stylesheetUrl });
    } catch (error) {
      return `<!DOCTYPE html><p>${String(error).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`;
    }
  }, [snapshot, x, lang, frame, page, mediaUrl]);

  const iframe = useRef<HTMLIFrameElement>(null);
  const [srcDoc, setSrcDoc] = useState(html);
  /** The page the frame shows now, loaded or patched in. */
  const shown = useRef(html);
  const loaded = useRef(false);
  const reloads = useRef(0);
  // A reload must happen even when the page equals the one first loaded (edits were patched in).
  const reload = (next: string) => {
    loaded.current = false;
    reloads.current += 1;
    setSrcDoc(`${next}<!-- ${reloads.current} -->`);
  };
  const selectRef = useRef(select);
  selectRef.current = select;
  const selectedBlock = selection?.kind === 'block' ? selection.id : null;

  // Later renders replace the page in place: no reload, no flash, the scroll position stays.
  useLayoutEffect(() => {
    if (html === shown.current) return;
    shown.current = html;
    const doc = iframe.current?.contentDocument;
    if (!loaded.current || !doc?.documentElement || !patchDocument(doc, html)) {
      reload(html);
      return;
    }
    highlight(doc, selectedBlock, false);
  }, [html]);

  useEffect(() => {
    const doc = iframe.current?.contentDocument;
    if (loaded.current && doc) highlight(doc, selectedBlock, true);
  }, [selectedBlock]);

  function onLoad() {
    const doc = iframe.current?.contentDocument;
    // The blank document before the first page is no page of ours.
    if (!doc?.documentElement.hasAttribute('data-mode')) return;
    loaded.current = true;
    doc.addEventListener('click', (event) => {
      // The preview never navigates; a click on a block selects it in the outline.
      const target = event.target as Element | null;
      if (target?.closest('a, button, summary')) event.preventDefault();
      const block = target?.closest('[data-block]')?.getAttribute('data-block');
      if (block) selectRef.current({ kind: 'block', id: block });
    });
    doc.addEventListener('submit', (event) => event.preventDefault());
    highlight(doc, selectedBlock, true);
  }

  const pane = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState({ width: 480, height: 360 });
  useLayoutEffect(() => {
    const el = pane.current;
    if (!el) return;
    // The canvas is what is left of the window beside the rail and under the bar: the frame
    // is scaled to fit both ways, so the whole device shows without scrolling.
    const measure = () => {
      const top = el.getBoundingClientRect().top;
      setRoom({
        width: Math.max(200, el.clientWidth),
        height: Math.max(240, window.innerHeight - Math.max(0, top) - 24),
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  const size = FRAME_SIZES[frame];
  const scale = frameScale(size, room);

  return (
    <section className="preview" aria-labelledby="preview-heading">
      <div className="preview__bar">
        <h2 id="preview-heading">{t('editor.preview.heading')}</h2>
        <label htmlFor="preview-frame">{t('editor.preview.frame')}</label>
        <select
          id="preview-frame"
          value={frame}
          onChange={(e) => frameSelected(e.target.value as typeof frame)}
        >
          {PREVIEW_FRAMES.map((f) => (
            <option key={f} value={f}>
              {t(`editor.preview.frames.${f}`)}
            </option>
          ))}
        </select>
        <label htmlFor="preview-lang">{t('editor.preview.language')}</label>
        <select
          id="preview-lang"
          value={lang}
          onChange={(e) => previewLangSelected(e.target.value)}
        >
          {x.languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
        <label htmlFor="preview-page">{t('editor.preview.page')}</label>
        <select id="preview-page" value={page} onChange={(e) => setPageChoice(e.target.value)}>
          <option value="index.html">{t('editor.preview.start')}</option>
          {x.chapters.map((c, i) => (
            <option key={c.id} value={c.id}>
              {i + 1}. {pickText(c.title, lang, x.defaultLanguage) || '—'}
            </option>
          ))}
          <option value="credits.html">{t('editor.preview.credits')}</option>
        </select>
      </div>
      <div className="preview__pane" ref={pane}>
        <div
          className="preview__frame"
          style={{ width: size.width * scale, height: size.height * scale }}
        >
          <iframe
            ref={iframe}
            title={t('editor.preview.frameTitle', { frame: t(`editor.preview.frames.${frame}`) })}
            sandbox="allow-same-origin"
            srcDoc={srcDoc}
            onLoad={onLoad}
            data-frame={frame}
            data-lang={lang}
            style={{ width: size.width, height: size.height, transform: `scale(${scale})` }}
          />
        </div>
      </div>
    </section>
  );
}

const HIGHLIGHT_STYLE = 'vitrine-preview-highlight';

function highlight(doc: Document, blockId: string | null, scroll: boolean) {
  let style = doc.getElementById(HIGHLIGHT_STYLE);
  if (!style) {
    style = doc.createElement('style');
    style.id = HIGHLIGHT_STYLE;
    doc.head?.appendChild(style);
  }
  // Ids are `[a-z0-9-]` by the model's rule, so they are safe inside the selector.
  style.textContent = `[data-block]{cursor:pointer}${
    blockId && /^[a-z0-9-]+$/.test(blockId)
      ? `[data-block="${blockId}"]{outline:3px solid #d4351c;outline-offset:4px}`
      : ''
  }`;
  if (scroll && blockId) {
    const el = doc.querySelector(`[data-block="${blockId}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }
}

/**
 * Swaps in a freshly rendered page without reloading the frame. Returns false when the root
 * element's attributes differ (language, theme, accent, mode): Chromium treats any attribute
 * change on a script-less sandboxed document's root as a refused script, so those changes, which
 * are rare, reload the frame instead.
 */
export function patchDocument(doc: Document, html: string): boolean {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.documentElement;
  const wanted = next.documentElement;
  if (
    root.attributes.length !== wanted.attributes.length ||
    [...wanted.attributes].some((a) => root.getAttribute(a.name) !== a.value)
  )
    return false;
  // The head holds the stylesheet (never changes here) and metadata nobody sees in a preview;
  // only the title is carried over.
  if (doc.title !== next.title) doc.title = next.title;
  doc.body.replaceWith(doc.importNode(next.body, true));
  return true;
}
