import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countBySeverity, runExhibitionChecks, type Problem } from '../../../../shared/check';
import type { Exhibition, LibrarySnapshot } from '../../../../shared/domain';
import { itemFocusOf, itemLanguages, useItemFocus } from '../../library/item-focus';
import { useApp } from '../../store';
import { locate } from './locate';
import { useEditorStore } from './state';

type Mode = 'both' | 'web' | 'kiosk';

/** The exhibition with the unsaved draft in place, as export would see it once saved. */
function withDraft(snapshot: LibrarySnapshot, x: Exhibition): LibrarySnapshot {
  return { ...snapshot, exhibitions: snapshot.exhibitions.map((e) => (e.id === x.id ? x : e)) };
}

/**
 * "Prüfen" / "Check": the same rules as `vitrine check` and export (shared/check), for this
 * exhibition. Each problem links to the place that fixes it.
 */
export function CheckPanel({ exhibition: x }: { exhibition: Exhibition }) {
  const { t, i18n } = useTranslation();
  const snapshot = useApp((s) => s.snapshot);
  const store = useEditorStore();
  const itemsSelected = useApp((s) => s.itemsSelected);
  const sectionSelected = useApp((s) => s.sectionSelected);
  const [mode, setMode] = useState<Mode>('both');
  const problems = useMemo(
    () => (snapshot ? runExhibitionChecks(withDraft(snapshot, x), x.id, mode) : []),
    [snapshot, x, mode],
  );
  const counts = countBySeverity(problems);
  const uiLang = i18n.language === 'en' ? 'en' : 'de';

  function jump(problem: Problem) {
    const at =
      problem.target.collection === 'exhibitions' ? problem.target : (problem.context ?? null);
    if (!at) return;
    const place = locate(x, at.path);
    store.setState({
      tab: place.tab,
      selection: place.selection,
      ...(place.translateLang ? { translateLang: place.translateLang } : {}),
    });
    focusWhenShown(place.elementId);
  }

  return (
    <section className="check-panel" aria-labelledby="check-heading">
      <h2 id="check-heading">{t('editor.check.heading')}</h2>
      <div className="field">
        <label htmlFor="check-mode">{t('editor.check.mode')}</label>
        <select id="check-mode" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <option value="both">{t('editor.check.modes.both')}</option>
          <option value="web">{t('editor.check.modes.web')}</option>
          <option value="kiosk">{t('editor.check.modes.kiosk')}</option>
        </select>
      </div>
      <p
        role="status"
        className="check-panel__summary"
        data-errors={counts.errors}
        data-warnings={counts.warnings}
      >
        {problems.length === 0
          ? t('editor.check.clean')
          : t('editor.check.summary', {
              errors: counts.errors,
              warnings: counts.warnings,
              infos: counts.infos,
            })}
      </p>
      {counts.errors > 0 ? <p className="muted">{t('editor.check.blocks')}</p> : null}
      <ul className="check-panel__list">
        {problems.map((problem, index) => (
          <li
            key={`${problem.rule}-${problem.target.id}-${problem.target.path}-${index}`}
            className={`problem problem--${problem.severity}`}
            data-rule={problem.rule}
          >
            <span className={`badge badge--${problem.severity}`}>
              {t(`editor.check.severity.${problem.severity}`)}
            </span>{' '}
            <span className="problem__message">{problem.message[uiLang]}</span>
            <span className="problem__hint muted"> {problem.hint[uiLang]}</span>{' '}
            {problem.target.collection === 'exhibitions' || problem.context ? (
              <button
                type="button"
                className="button button--small problem__jump"
                onClick={() => jump(problem)}
              >
                {t('editor.check.jump')}
                <span className="visually-hidden">: {problem.message[uiLang]}</span>
              </button>
            ) : null}
            {problem.target.collection === 'items' ? (
              <button
                type="button"
                className="button button--small button--quiet problem__item"
                onClick={() => {
                  // Item texts and rights are fixed on the item, in the library's item editor,
                  // opened at the language and field the problem is about.
                  const languages = snapshot ? itemLanguages(snapshot) : [];
                  useItemFocus
                    .getState()
                    .requested(itemFocusOf(problem.target.id, problem.target.path, languages));
                  itemsSelected([problem.target.id]);
                  sectionSelected('library');
                }}
              >
                {t('editor.check.openItem')}
                <span className="visually-hidden">: {problem.message[uiLang]}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Focuses an element as soon as React has rendered it (a tab switch takes a frame or two). */
export function focusWhenShown(id: string, tries = 20) {
  const el = document.getElementById(id);
  if (el) {
    el.focus();
    el.scrollIntoView({ block: 'center' });
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusWhenShown(id, tries - 1));
}
