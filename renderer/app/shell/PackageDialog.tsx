import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { pickText } from '../../../shared/domain';
import { useApp } from '../store';
import type { ConflictChoice } from '../store/packages';
import { ErrorBanner } from '../components/ErrorBanner';
import { Dialog } from '../components/forms/Dialog';
import '../library/table-import.css';

const CHOICES: ConflictChoice[] = ['keep', 'replace', 'copy'];

/** Buttons for the browser, where there is no File menu; Electron has the menu entries too. */
export function PackageButtons() {
  const { t } = useTranslation();
  const open = useApp((s) => s.packageDialogOpened);
  const readOnly = useApp((s) => s.library?.readOnly ?? false);
  return (
    <>
      <button type="button" className="button" disabled={readOnly} onClick={() => open('import')}>
        {t('packages.importOpen')}
      </button>
      <button type="button" className="button" onClick={() => open('export')}>
        {t('packages.exportOpen')}
      </button>
    </>
  );
}

/**
 * File ▸ Import package … / Export package …: a modal dialog (the forms kit's `Dialog`). Import shows what the package
 * holds and how many of its ids the library has already, and asks keep / replace / copy before
 * anything is written; export asks for the exhibition.
 */
export function PackageDialog() {
  const { t, i18n } = useTranslation();
  const state = useApp((s) => s.packageDialog);
  const exhibitions = useApp((s) => s.snapshot?.exhibitions ?? null);
  const defaultLanguage = useApp((s) => s.snapshot?.manifest.defaultLanguage ?? 'de');
  const transport = useApp((s) => s.appInfo?.transport ?? 'web');
  const a = useApp(
    useShallow((s) => ({
      close: s.packageDialogClosed,
      chooseFile: s.packageFileChosen,
      conflicts: s.packageConflictsChosen,
      confirmImport: s.packageImportConfirmed,
      exhibition: s.packageExhibitionChosen,
      confirmExport: s.packageExportConfirmed,
    })),
  );
  const ids = useId();
  const inspection = state?.inspection ?? null;
  return (
    <Dialog
      open={state !== null}
      lazy
      size="wide"
      className="package-dialog"
      title={t(state?.mode === 'import' ? 'packages.importTitle' : 'packages.exportTitle')}
      onClose={a.close}
      closeLabel={t('packages.close')}
      closeDisabled={state?.busy ?? false}
      busy={state?.busy ?? false}
      testId="package-dialog"
    >
      {state ? (
        <>
          {state.error ? <ErrorBanner error={state.error} template="packages.failed" /> : null}
          {state.mode === 'import' ? (
            <>
              <div className="field">
                {transport === 'web' ? (
                  <>
                    <label htmlFor={`${ids}-file`}>{t('packages.fileLabel')}</label>
                    <input
                      id={`${ids}-file`}
                      type="file"
                      accept=".vitrine,application/zip"
                      data-testid="package-file"
                      disabled={state.busy}
                      onChange={(e) => {
                        const file = e.target.files?.[0];
                        e.target.value = '';
                        if (file) void a.chooseFile(file);
                      }}
                    />
                  </>
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={state.busy}
                    onClick={() => void a.chooseFile()}
                  >
                    {t('packages.chooseFile')}
                  </button>
                )}
              </div>
              {state.busy ? <p role="status">{t('packages.reading')}</p> : null}
              {inspection && !state.imported ? (
                <>
                  <p data-testid="package-holds">
                    {t('packages.holds', {
                      ...inspection.counts,
                      exhibition: inspection.exhibition,
                    })}
                  </p>
                  {inspection.conflicts > 0 ? (
                    <fieldset className="field">
                      <legend>{t('packages.conflicts', { count: inspection.conflicts })}</legend>
                      {CHOICES.map((choice) => (
                        <label key={choice}>
                          <input
                            type="radio"
                            name={`${ids}-conflicts`}
                            value={choice}
                            checked={state.conflicts === choice}
                            onChange={() => a.conflicts(choice)}
                          />{' '}
                          {t(`packages.conflictModes.${choice}`)}
                        </label>
                      ))}
                    </fieldset>
                  ) : (
                    <p>{t('packages.noConflicts')}</p>
                  )}
                  <div className="table-dialog__actions">
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={state.busy}
                      onClick={() => void a.confirmImport()}
                    >
                      {t('packages.import')}
                    </button>
                  </div>
                </>
              ) : null}
              {state.imported ? (
                <p role="status" data-testid="package-imported">
                  {t('packages.imported', state.imported)}
                </p>
              ) : null}
            </>
          ) : exhibitions && exhibitions.length > 0 ? (
            <>
              <div className="field">
                <label htmlFor={`${ids}-exhibition`}>{t('packages.exhibition')}</label>
                <select
                  id={`${ids}-exhibition`}
                  value={state.exhibitionId}
                  onChange={(e) => a.exhibition(e.target.value)}
                >
                  {exhibitions.map((x) => (
                    <option key={x.id} value={x.id}>
                      {pickText(x.title, i18n.language, defaultLanguage) || x.slug}
                    </option>
                  ))}
                </select>
              </div>
              <div className="table-dialog__actions">
                {state.busy ? <span role="status">{t('packages.exporting')}</span> : null}
                <button
                  type="button"
                  className="button button--primary"
                  disabled={state.busy || !state.exhibitionId}
                  onClick={() => void a.confirmExport()}
                >
                  {t('packages.export')}
                </button>
              </div>
              {state.exported ? (
                <p role="status" data-testid="package-exported" dir="auto">
                  {t('packages.exported', { path: state.exported.displayPath })}
                </p>
              ) : null}
            </>
          ) : (
            <p>{t('packages.noExhibitions')}</p>
          )}
        </>
      ) : null}
    </Dialog>
  );
}
