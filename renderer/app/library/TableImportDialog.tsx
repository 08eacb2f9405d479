import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { TABLE_DELIMITERS, TABLE_ENCODINGS, type TableRowReport } from '../../../shared/api';
import {
  IMPORT_FIELDS,
  LOCALIZED_IMPORT_FIELDS,
  MULTI_IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
} from '../../../shared/domain/import-mapping';
import { ErrorBanner } from '../components/ErrorBanner';
import { Dialog } from '../components/forms/Dialog';
import { useApp } from '../store';
import type { FolderFile, TableDelimiter, TableEncoding } from '../store/table-import';
import {
  nextReportSort,
  reasonText,
  REPORT_SORT_KEYS,
  sortReportRows,
  type ReportSort,
  type ReportSortKey,
} from './table-report';
import './table-import.css';

/** `webkitdirectory` is not in React's input props; browsers read it as a plain attribute. */
const FOLDER_INPUT = { webkitdirectory: '', directory: '' } as Record<string, string>;

/** A browser folder choice: each file with its path inside the folder, and the folder's name. */
function folderFiles(list: FileList | null): { name: string; files: FolderFile[] } {
  const files: FolderFile[] = [];
  let name = '';
  for (const file of list ?? []) {
    const parts = (file.webkitRelativePath || file.name).split('/');
    if (parts.length > 1) name ||= parts[0]!;
    const path = parts.length > 1 ? parts.slice(1).join('/') : parts[0]!;
    files.push({ file, path });
  }
  return { name, files };
}

/** Button in the library toolbar that opens the wizard. */
export function TableImportButton() {
  const { t } = useTranslation();
  const open = useApp((s) => s.tableImportOpened);
  const readOnly = useApp((s) => s.library?.readOnly ?? false);
  return (
    <button type="button" className="button" disabled={readOnly} onClick={open}>
      {t('tables.open')}
    </button>
  );
}

/**
 * The table-import wizard in the forms kit's modal `Dialog` (focus stays inside, Escape closes):
 * choose a table and a media folder, check what was detected, map the columns, run the dry run
 * and read its sortable report, import with progress and cancel, read the result. The whole
 * import is one undo step.
 */
export function TableImportDialog() {
  const { t } = useTranslation();
  const state = useApp((s) => s.tableImport);
  const close = useApp((s) => s.tableImportClosed);
  return (
    <Dialog
      open={state !== null}
      lazy
      size="wide"
      title={t('tables.title')}
      onClose={close}
      closeLabel={t('tables.close')}
      closeDisabled={state?.step === 'running'}
      busy={state?.busy ?? false}
      testId="table-import"
    >
      {state ? (
        <>
          {state.error ? <ErrorBanner error={state.error} template="tables.failed" /> : null}
          {state.step === 'running' ? (
            <Running />
          ) : state.step === 'done' ? (
            <Done />
          ) : (
            <>
              <Sources />
              {state.step === 'mapping' ? <Mapping /> : null}
            </>
          )}
        </>
      ) : null}
    </Dialog>
  );
}

function Sources() {
  const { t } = useTranslation();
  const fileId = useId();
  const folderId = useId();
  const transport = useApp((s) => s.appInfo?.transport ?? 'web');
  const s = useApp(
    useShallow((x) => ({
      busy: x.tableImport!.busy,
      upload: x.tableImport!.upload,
      media: x.tableImport!.mediaFolder,
      step: x.tableImport!.step,
      chooseFile: x.tableFileChosen,
      chooseMedia: x.tableMediaChosen,
    })),
  );
  return (
    <div className="table-dialog__sources">
      <div className="field">
        {transport === 'web' ? (
          <>
            <label htmlFor={fileId}>{t('tables.fileLabel')}</label>
            <input
              id={fileId}
              type="file"
              data-testid="table-file"
              accept=".csv,.tsv,.txt,.xlsx,.ods,.xls,text/csv"
              disabled={s.busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void s.chooseFile(file);
              }}
            />
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={s.busy}
            onClick={() => void s.chooseFile()}
          >
            {t('tables.chooseFile')}
          </button>
        )}
        {s.upload ? (
          <p className="hint" data-testid="table-chosen">
            {t('tables.chosenFile', { name: s.upload.name })}
          </p>
        ) : null}
        {s.busy && s.step === 'choose' ? <p role="status">{t('tables.reading')}</p> : null}
      </div>
      {s.step === 'mapping' ? (
        <div className="field">
          {transport === 'web' ? (
            <>
              <label htmlFor={folderId}>{t('tables.media')}</label>
              <input
                id={folderId}
                type="file"
                multiple
                data-testid="table-media"
                disabled={s.busy}
                {...FOLDER_INPUT}
                onChange={(e) => {
                  const { name, files } = folderFiles(e.target.files);
                  e.target.value = '';
                  if (files.length > 0) void s.chooseMedia(name, files);
                }}
              />
            </>
          ) : (
            <button
              type="button"
              className="button"
              disabled={s.busy}
              onClick={() => void s.chooseMedia()}
            >
              {t('tables.chooseMedia')}
            </button>
          )}
          <p className="hint" data-testid="table-media-chosen">
            {s.media
              ? s.media.files === null
                ? t('tables.mediaChosen', { name: s.media.name })
                : t('tables.mediaFiles', { name: s.media.name, count: s.media.files })
              : t('tables.noMedia')}{' '}
            {t('tables.mediaHint')}
          </p>
        </div>
      ) : null}
    </div>
  );
}

function Mapping() {
  const { t } = useTranslation();
  const ids = useId();
  const state = useApp((x) => x.tableImport!);
  const languages = useApp((x) => x.snapshot?.manifest.languages ?? []);
  const actions = useApp(
    useShallow((x) => ({
      override: x.tableSourceOverridden,
      mappingChanged: x.tableMappingChanged,
      load: x.tableMappingLoaded,
      options: x.tableOptionsChanged,
      dryRun: x.tableDryRunRequested,
      run: x.tableImportRequested,
    })),
  );
  const [savedChoice, setSavedChoice] = useState('');
  const preview = state.preview!;
  const setColumn = (index: number, change: Partial<ColumnMapping>) => {
    const next = state.mapping.map((m, i) => {
      if (i !== index) return m;
      const merged: ColumnMapping = { ...m, ...change };
      // Settings that no longer apply to the chosen field are dropped, not carried along.
      if (!LOCALIZED_IMPORT_FIELDS.includes(merged.field)) delete merged.lang;
      if (!MULTI_IMPORT_FIELDS.includes(merged.field)) delete merged.separator;
      // Empty means the default (the library's language, `;`), which the API takes as absent.
      if (!merged.lang) delete merged.lang;
      if (!merged.separator) delete merged.separator;
      return merged;
    });
    actions.mappingChanged(next);
  };
  const isText = preview.format === 'csv' || preview.format === 'tsv';

  return (
    <>
      <section className="table-dialog__detected" aria-labelledby={`${ids}-detected`}>
        <h3 id={`${ids}-detected`}>{t('tables.detected')}</h3>
        <p data-testid="table-detected">
          {t('tables.format')}: {preview.format.toUpperCase()} ·{' '}
          {t('tables.rows', { count: preview.rowCount })}
        </p>
        {isText ? (
          <div className="table-dialog__row">
            <div className="field">
              <label htmlFor={`${ids}-enc`}>{t('tables.encoding')}</label>
              <select
                id={`${ids}-enc`}
                data-testid="table-encoding"
                value={state.encoding ?? preview.encoding ?? ''}
                disabled={state.busy}
                onChange={(e) =>
                  void actions.override({ encoding: e.target.value as TableEncoding })
                }
              >
                {TABLE_ENCODINGS.map((enc) => (
                  <option key={enc} value={enc}>
                    {t(`tables.encodings.${enc}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-del`}>{t('tables.delimiter')}</label>
              <select
                id={`${ids}-del`}
                data-testid="table-delimiter"
                value={state.delimiter ?? preview.delimiter ?? ''}
                disabled={state.busy}
                onChange={(e) =>
                  void actions.override({ delimiter: e.target.value as TableDelimiter })
                }
              >
                {TABLE_DELIMITERS.map((d) => (
                  <option key={d} value={d}>
                    {t(`tables.delimiters.${d}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby={`${ids}-mapping`}>
        <h3 id={`${ids}-mapping`}>{t('tables.mapping')}</h3>
        <div className="table-dialog__row">
          <div className="field">
            <label htmlFor={`${ids}-saved`}>{t('tables.saved')}</label>
            <div className="table-dialog__inline">
              <select
                id={`${ids}-saved`}
                value={savedChoice}
                onChange={(e) => setSavedChoice(e.target.value)}
              >
                <option value="">{t('tables.savedNone')}</option>
                {preview.saved.map((m) => (
                  <option key={m.name} value={m.name}>
                    {m.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                disabled={savedChoice === ''}
                onClick={() => actions.load(savedChoice)}
              >
                {t('tables.load')}
              </button>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-saveas`}>{t('tables.saveAs')}</label>
            <input
              id={`${ids}-saveas`}
              type="text"
              maxLength={100}
              value={state.saveAs}
              onChange={(e) => actions.options({ saveAs: e.target.value })}
            />
          </div>
        </div>
        <div className="table-dialog__scroll">
          <table className="table-dialog__table" data-testid="table-mapping">
            <thead>
              <tr>
                <th scope="col">{t('tables.column')}</th>
                <th scope="col">{t('tables.example')}</th>
                <th scope="col">{t('tables.field')}</th>
                <th scope="col">{t('tables.language')}</th>
                <th scope="col">{t('tables.separator')}</th>
              </tr>
            </thead>
            <tbody>
              {state.mapping.map((m, i) => {
                const example = preview.sample.find((r) => (r[i] ?? '') !== '')?.[i] ?? '';
                return (
                  <tr key={`${m.column}-${i}`}>
                    <th scope="row" dir="auto">
                      {m.column}
                    </th>
                    <td dir="auto" className="table-dialog__example">
                      {example}
                    </td>
                    <td>
                      <select
                        aria-label={t('tables.fieldFor', { column: m.column })}
                        value={m.field}
                        onChange={(e) => setColumn(i, { field: e.target.value as ImportField })}
                      >
                        {IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {t(`tables.fields.${f}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {LOCALIZED_IMPORT_FIELDS.includes(m.field) ? (
                        <select
                          aria-label={t('tables.languageFor', { column: m.column })}
                          value={m.lang ?? ''}
                          onChange={(e) => setColumn(i, { lang: e.target.value })}
                        >
                          <option value="">{t('tables.languageDefault')}</option>
                          {languages.map((l) => (
                            <option key={l} value={l}>
                              {l}
                            </option>
                          ))}
                        </select>
                      ) : null}
                    </td>
                    <td>
                      {MULTI_IMPORT_FIELDS.includes(m.field) ? (
                        <input
                          type="text"
                          size={3}
                          maxLength={5}
                          aria-label={t('tables.separatorFor', { column: m.column })}
                          value={m.separator ?? ';'}
                          onChange={(e) => setColumn(i, { separator: e.target.value })}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <fieldset className="table-dialog__update">
        <legend>{t('tables.update')}</legend>
        <div className="table-dialog__row">
          <div className="field">
            <label htmlFor={`${ids}-key`}>{t('tables.updateBy')}</label>
            <select
              id={`${ids}-key`}
              value={state.updateBy}
              onChange={(e) => actions.options({ updateBy: e.target.value })}
            >
              <option value="">{t('tables.updateNone')}</option>
              {preview.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="field" disabled={state.updateBy === ''}>
            <legend>{t('tables.mode')}</legend>
            {(['revise', 'replace'] as const).map((mode) => (
              <label key={mode}>
                <input
                  type="radio"
                  name={`${ids}-mode`}
                  value={mode}
                  checked={state.mode === mode}
                  onChange={() => actions.options({ mode })}
                />{' '}
                {t(`tables.modes.${mode}`)}
              </label>
            ))}
          </fieldset>
        </div>
      </fieldset>

      <div className="table-dialog__actions">
        {state.busy ? <span role="status">{t('tables.dryRunning')}</span> : null}
        <button
          type="button"
          className="button"
          disabled={state.busy}
          onClick={() => void actions.dryRun()}
        >
          {t('tables.dryRun')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={state.busy || state.report === null}
          onClick={() => void actions.run()}
        >
          {t('tables.import')}
        </button>
      </div>
      {state.report ? (
        <Report rows={state.report.rows} counts={state.report.counts} heading="report" />
      ) : null}
    </>
  );
}

function Report({
  rows,
  counts,
  heading,
}: {
  rows: TableRowReport[];
  counts: { create: number; update: number; unchanged: number; skipped: number };
  heading: 'report' | 'done';
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [sort, setSort] = useState<ReportSort>({ key: 'row', direction: 'ascending' });
  const sorted = useMemo(() => sortReportRows(rows, sort, i18n.language), [rows, sort, i18n]);
  const label: Record<ReportSortKey, string> = {
    row: t('tables.row'),
    action: t('tables.action'),
    title: t('tables.itemTitle'),
    reason: t('tables.reason'),
  };
  return (
    <section aria-labelledby={id} className="table-dialog__report">
      <h3 id={id}>{t(`tables.${heading}`)}</h3>
      <p role="status" data-testid={`table-${heading}-counts`}>
        {t('tables.counts', counts)}
      </p>
      {heading === 'report' ? <p className="hint">{t('tables.reportHint')}</p> : null}
      <div className="table-dialog__scroll">
        <table className="table-dialog__table" data-testid={`table-${heading}`}>
          <thead>
            <tr>
              {REPORT_SORT_KEYS.map((key) => (
                <th key={key} scope="col" aria-sort={sort.key === key ? sort.direction : undefined}>
                  <button
                    type="button"
                    className="table-dialog__sort"
                    aria-label={t('tables.sortBy', { column: label[key] })}
                    onClick={() => setSort((s) => nextReportSort(s, key))}
                  >
                    {label[key]}
                    <span aria-hidden="true">
                      {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.row} data-action={r.action}>
                <td>{r.row}</td>
                <td>{t(`tables.actions.${r.action}`)}</td>
                <td dir="auto">{r.title ?? ''}</td>
                <td dir="auto">{reasonText(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Running() {
  const { t } = useTranslation();
  const progress = useApp((x) => x.tableImport!.progress);
  const cancel = useApp((x) => x.tableImportCancelRequested);
  const total = Math.max(progress?.total ?? 1, 1);
  return (
    <section className="table-dialog__running" aria-label={t('tables.running')}>
      <progress
        max={total}
        value={progress?.done ?? 0}
        aria-label={t('tables.running')}
        data-testid="table-progress"
      />
      <p role="status">
        {progress?.step === 'media'
          ? t('tables.phase.media', { done: progress.done, total: progress.total })
          : t('tables.phase.write')}
        {progress?.etaSeconds !== undefined
          ? ` · ${t('tables.eta', { seconds: progress.etaSeconds })}`
          : ''}
      </p>
      <div className="table-dialog__actions">
        <button type="button" className="button" onClick={() => void cancel()}>
          {t('tables.cancel')}
        </button>
      </div>
    </section>
  );
}

function Done() {
  const { t } = useTranslation();
  const result = useApp((x) => x.tableImport!.result!);
  const undo = useApp((x) => x.undoShortcut);
  const canUndo = useApp((x) => x.history.past.at(-1) === result.undo);
  const [undone, setUndone] = useState(false);
  return (
    <>
      {result.undo ? (
        <div className="table-dialog__actions table-dialog__actions--start">
          <p className="hint">{t('tables.undoHint')}</p>
          <button
            type="button"
            className="button"
            disabled={!canUndo || undone}
            onClick={() => void undo().then(() => setUndone(true))}
          >
            {t('tables.undo')}
          </button>
        </div>
      ) : (
        <p>{t('tables.nothing')}</p>
      )}
      {undone ? (
        <p role="status" data-testid="table-undone">
          {t('tables.undone')}
        </p>
      ) : null}
      <Report rows={result.rows} counts={result.counts} heading="done" />
    </>
  );
}
