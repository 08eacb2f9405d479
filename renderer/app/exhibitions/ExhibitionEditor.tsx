import { useTranslation } from 'react-i18next';
import { exhibitionCompleteness } from '../../../shared/check';
import { languageName, pickText, textDirection } from '../../../shared/domain';
import { CheckPanel } from './editor/CheckPanel';
import { useOpenExhibition } from './editor/hooks';
import { Inspector } from './editor/Inspector';
import { Outline } from './editor/Outline';
import { Settings } from './editor/Settings';
import { useEditor, useEditorStore, type EditorTab } from './editor/state';
import { Preview } from './preview/Preview';
import { selectCanRedo, selectCanUndo, useApp } from '../store';

const TABS: EditorTab[] = ['content', 'settings', 'check'];

export function ExhibitionEditor() {
  const { t } = useTranslation();
  const x = useOpenExhibition();
  const store = useEditorStore();
  const tab = useEditor((s) => s.tab);
  const tabSelected = useEditor((s) => s.tabSelected);
  const opened = useEditor((s) => s.opened);
  const edited = useEditor((s) => s.edited);
  const translate = useEditor((s) => s.translateLang);
  const translateSelected = useEditor((s) => s.translateLangSelected);
  const hasDraft = useEditor((s) => s.draft !== null);
  const selection = useEditor((s) => s.selection);
  const canUndo = useApp(selectCanUndo) || hasDraft;
  const canRedo = useApp(selectCanRedo);

  if (!x) {
    return (
      <section className="section">
        <p>{t('editor.gone')}</p>
        <button type="button" className="button" onClick={() => opened(null)}>
          {t('editor.back')}
        </button>
      </section>
    );
  }
  const title = pickText(x.title, x.defaultLanguage);
  const others = x.languages.filter((l) => l !== x.defaultLanguage);

  return (
    <section
      className="xeditor"
      aria-labelledby="editor-heading"
      data-exhibition={x.id}
      // "pending" while an edit waits for its autosave; with the header's save state at "saved"
      // the library has acknowledged every edit (what tests wait for before a reload).
      data-draft={hasDraft ? 'pending' : 'none'}
    >
      <div className="xeditor__bar">
        <button type="button" className="button button--quiet" onClick={() => opened(null)}>
          {t('editor.back')}
        </button>
        <h1 id="editor-heading" className="xeditor__title">
          {title}
        </h1>
        <div className="xeditor__tools">
          <button
            type="button"
            className="button button--quiet"
            disabled={!canUndo}
            onClick={() => void store.getState().undo()}
          >
            {t('editor.undo')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={!canRedo}
            onClick={() => void store.getState().redo()}
          >
            {t('editor.redo')}
          </button>
          <label htmlFor="translate-lang">{t('editor.translate')}</label>
          <select
            id="translate-lang"
            value={translate ?? ''}
            onChange={(e) => translateSelected(e.target.value || null)}
          >
            <option value="">
              {t('editor.translateNone', { lang: languageName(x.defaultLanguage) })}
            </option>
            {others.map((lang) => (
              <option key={lang} value={lang}>
                {languageName(lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="xeditor__completeness">
        <span>{t('editor.completeness')}</span>{' '}
        {x.languages.map((lang, index) => (
          <span key={lang} data-lang={lang}>
            {index > 0 ? ', ' : null}
            <span lang={lang} dir={textDirection(lang)}>
              {languageName(lang)}
            </span>{' '}
            {t('editor.percent', { percent: Math.round(exhibitionCompleteness(x, lang) * 100) })}
          </span>
        ))}
      </p>
      {/* The preview is the canvas; one narrow rail beside it holds the outline (with the
          inspector under it while a chapter or block is selected), the settings or the check's
          findings, chosen by the tabs. */}
      <div className="xeditor__body">
        <div className="xeditor__rail">
          <div className="xeditor__tabs" role="tablist" aria-label={t('editor.tabsLabel')}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`editor-tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`editor-panel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                className="xeditor__tab"
                onClick={() => tabSelected(id)}
                onKeyDown={(e) => {
                  const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                  if (!step) return;
                  const next = TABS[(TABS.indexOf(id) + step + TABS.length) % TABS.length]!;
                  tabSelected(next);
                  document.getElementById(`editor-tab-${next}`)?.focus();
                }}
              >
                {t(`editor.tabs.${id}`)}
              </button>
            ))}
          </div>
          <div
            className="xeditor__work"
            role="tabpanel"
            id={`editor-panel-${tab}`}
            aria-labelledby={`editor-tab-${tab}`}
          >
            {tab === 'content' ? (
              <div
                className={`xeditor__content${selection ? ' xeditor__content--inspecting' : ''}`}
              >
                <Outline exhibition={x} onChange={edited} />
                {selection ? <Inspector exhibition={x} onChange={edited} /> : null}
              </div>
            ) : tab === 'settings' ? (
              <Settings exhibition={x} onChange={edited} />
            ) : (
              <CheckPanel exhibition={x} />
            )}
          </div>
        </div>
        <div className="xeditor__canvas">
          <Preview exhibition={x} />
        </div>
      </div>
    </section>
  );
}
