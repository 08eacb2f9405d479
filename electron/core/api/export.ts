import { randomBytes } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ApiEventName, ApiEventPayload, ExportSummary } from '../../../shared/api';
import { AppError, toAppError, type UiLanguage } from '../../../shared/errors';
import { findExhibition } from '../../../shared/render/model';
import { pickText } from '../../../shared/domain/language';
import {
  checkSnapshotForExport,
  exportBlocked,
  type ExportPhase,
  type ExportProgress,
} from '../export';
import type { Library } from '../library';
import { inProcessHost, type WorkerHost } from '../worker';
import type { Dialogs } from './dialogs';
import type { ApiHandlers } from './dispatch';

export const EXPORTS_DIR = 'exports';

type ExportMethods =
  | 'exhibitions.checkForExport'
  | 'exhibitions.chooseExportTarget'
  | 'exhibitions.export'
  | 'exhibitions.revealExport'
  | 'tasks.cancel';

export interface ExportHandlerDeps {
  appDataDir: string;
  dialogs: Dialogs;
  /** The open library; throws NOT_FOUND when none is open. */
  library: () => Library;
  lang: () => UiLanguage;
  emit: <E extends ApiEventName>(event: E, payload: ApiEventPayload<E>) => void;
  clock?: () => number;
  /** Where the export runs: the worker process in the apps, in-process when omitted (tests). */
  worker?: WorkerHost;
}

const PHASES: Record<ExportPhase, { de: string; en: string }> = {
  prepare: { de: 'Vorbereiten', en: 'Preparing' },
  images: { de: 'Bildvarianten', en: 'Image derivatives' },
  files: { de: 'Medien kopieren', en: 'Copying media' },
  pages: { de: 'Seiten schreiben', en: 'Writing pages' },
  zip: { de: 'ZIP-Datei packen', en: 'Packing the zip file' },
  commit: { de: 'Abschließen', en: 'Finishing' },
  done: { de: 'Fertig', en: 'Done' },
};

/**
 * Share of the whole run each phase takes (measured on the sample exhibition): images dominate.
 * One overall done/total lets the page show one bar and estimate the remaining time from it.
 */
const SPAN: Record<ExportPhase, [number, number]> = {
  prepare: [0, 2],
  images: [2, 85],
  files: [85, 90],
  pages: [90, 96],
  zip: [96, 99],
  commit: [99, 100],
  done: [100, 100],
};
export const PROGRESS_TOTAL = 1000;

export function overallProgress(p: ExportProgress): number {
  const [from, to] = SPAN[p.phase];
  const within = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  return Math.round((from + (to - from) * within) * (PROGRESS_TOTAL / 100));
}

interface Target {
  path: string;
  exhibitionId: string;
  mode: 'web' | 'kiosk';
  zip: boolean;
}

async function isNonEmpty(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? (await readdir(path)).length > 0 : true;
  } catch {
    return false;
  }
}

function unknownTarget(): AppError {
  return new AppError('NOT_FOUND', {
    de: 'Dieses Exportziel ist nicht (mehr) bekannt. Bitte das Ziel erneut wählen.',
    en: 'This export target is not known (any more). Please choose the target again.',
  });
}

/**
 * The export methods of the API. Main owns every path: the page gets a target id from
 * `chooseExportTarget` and sends it back; it can never name a folder to write into.
 */
export function createExportHandlers(deps: ExportHandlerDeps): Pick<ApiHandlers, ExportMethods> {
  const now = deps.clock ?? (() => Date.now());
  const targets = new Map<string, Target>();
  const running = new Map<string, AbortController>();
  const finished = new Map<string, string>();
  const worker = deps.worker ?? inProcessHost();

  return {
    'exhibitions.checkForExport': async ({ exhibitionId, mode }) => {
      const library = deps.library();
      return checkSnapshotForExport(library.snapshot(), library.dir, exhibitionId, mode);
    },

    'exhibitions.chooseExportTarget': async ({ exhibitionId, mode, zip }) => {
      const library = deps.library();
      const exhibition = findExhibition(library.snapshot(), exhibitionId);
      const name = `${exhibition.slug}-${mode}`;
      let path: string | null;
      if (deps.dialogs.chooseExportTarget) {
        path = await deps.dialogs.chooseExportTarget({ name, zip });
        if (!path) return null;
        if (zip && !path.toLowerCase().endsWith('.zip')) path = `${path}.zip`;
      } else {
        const exportsDir = join(resolve(deps.appDataDir), EXPORTS_DIR);
        // The folder where exports land exists from the moment one is chosen, also when the
        // export is cancelled before the worker has started on it.
        await mkdir(exportsDir, { recursive: true });
        path = join(exportsDir, zip ? `${name}.zip` : name);
      }
      const targetId = `target-${randomBytes(8).toString('hex')}`;
      targets.set(targetId, { path, exhibitionId: exhibition.id, mode, zip });
      return { targetId, displayPath: path, nonEmpty: await isNonEmpty(path), zip };
    },

    'exhibitions.export': async (input) => {
      const library = deps.library();
      const target = targets.get(input.targetId);
      if (!target) throw unknownTarget();
      if (running.has(input.taskId) || finished.has(input.taskId))
        throw new AppError('INVALID_INPUT', {
          de: 'Diese Aufgaben-Id ist schon vergeben.',
          en: 'This task id is already in use.',
        });
      const snapshot = library.snapshot();
      const exhibition = findExhibition(snapshot, input.exhibitionId);
      if (exhibition.id !== target.exhibitionId || input.mode !== target.mode)
        throw unknownTarget();
      // Checked here as well as in the engine, so a blocked export is refused by this call.
      const checked = checkSnapshotForExport(snapshot, library.dir, exhibition.id, input.mode);
      if (checked.errors.length) throw exportBlocked(checked);
      if (!input.replace && (await isNonEmpty(target.path)))
        throw new AppError(
          'EXPORT_TARGET_NOT_EMPTY',
          {
            de: `Am Ziel „${target.path}“ liegt schon etwas. Ersetzen bestätigen oder ein anderes Ziel wählen.`,
            en: `There is something at “${target.path}” already. Confirm replacing it or choose another target.`,
          },
          { location: { file: target.path } },
        );

      const controller = new AbortController();
      running.set(input.taskId, controller);
      const title = pickText(exhibition.title, exhibition.defaultLanguage) || exhibition.slug;
      const lang = deps.lang();
      const label = lang === 'de' ? `Export „${title}“` : `Export “${title}”`;
      const started = now();
      let lastEmit = 0;
      let lastPhase: ExportPhase | null = null;
      const onProgress = (p: ExportProgress) => {
        // Pages are written by the hundred within milliseconds; one event per 100 ms is plenty.
        const t = now();
        if (p.phase === lastPhase && t - lastEmit < 100 && p.done < p.total) return;
        lastEmit = t;
        lastPhase = p.phase;
        deps.emit('progress', {
          taskId: input.taskId,
          label,
          done: overallProgress(p),
          total: PROGRESS_TOTAL,
          step: `${PHASES[p.phase][lang]}${p.total > 1 ? ` ${p.done}/${p.total}` : ''}`,
        });
      };
      onProgress({ phase: 'prepare', done: 0, total: 1 });

      // Derivatives, pages and the zip run in the worker process: this process keeps answering
      // calls while they run. Progress comes back as messages; cancel aborts the worker's task.
      void worker
        .run(
          'export',
          {
            libraryDir: library.dir,
            snapshot,
            exhibition: exhibition.id,
            mode: input.mode,
            outDir: target.path,
            zip: target.zip,
            force: input.replace,
            ...(input.languages ? { languages: input.languages } : {}),
            ...(input.baseUrl && input.mode === 'web' ? { baseUrl: input.baseUrl } : {}),
            ...(input.idleSeconds !== undefined && input.mode === 'kiosk'
              ? { idleSeconds: input.idleSeconds }
              : {}),
          },
          { signal: controller.signal, onProgress: (p) => onProgress(p as ExportProgress) },
        )
        .then(
          (result) => {
            running.delete(input.taskId);
            finished.set(input.taskId, result.outPath);
            const summary: ExportSummary = {
              taskId: input.taskId,
              displayPath: result.outPath,
              files: result.files,
              bytes: result.bytes,
              pages: result.pages,
              languages: result.languages,
              derivatives: result.derivatives,
              warnings: result.warnings.length,
              seconds: Math.round((now() - started) / 100) / 10,
            };
            deps.emit('exportFinished', { taskId: input.taskId, summary });
          },
          (error: unknown) => {
            running.delete(input.taskId);
            deps.emit('exportFinished', {
              taskId: input.taskId,
              error: toAppError(error).toData(deps.lang()),
            });
          },
        );
      return { taskId: input.taskId };
    },

    'exhibitions.revealExport': async ({ taskId }) => {
      const path = finished.get(taskId);
      if (!path)
        throw new AppError('NOT_FOUND', {
          de: 'Zu dieser Aufgabe gibt es keinen fertigen Export.',
          en: 'There is no finished export for this task.',
        });
      if (deps.dialogs.showInFolder) {
        deps.dialogs.showInFolder(path);
        return { path, shown: true };
      }
      return { path, shown: false };
    },

    'tasks.cancel': async ({ taskId }) => {
      const controller = running.get(taskId);
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },
  };
}
