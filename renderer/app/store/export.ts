import type { ApiEventPayload } from '../../../shared/api';
import type { ErrorData } from '../../../shared/errors';
import type { VitrineClient } from '../api/client';
import type { Creator } from './creator';
import type { ExportForm, ExportRun, ExportSlice } from './export-types';

export type {
  ExportMode,
  ExportForm,
  ExportRunStatus,
  ExportRun,
  ExportCheckState,
  ExportSlice,
} from './export-types';

const IDLE_RUN: ExportRun = {
  status: 'idle',
  taskId: null,
  target: null,
  done: 0,
  total: 0,
  step: null,
  startedAt: null,
  remainingSeconds: null,
  summary: null,
  error: null,
  revealed: null,
};

const checkKey = (form: ExportForm) => `${form.exhibitionId ?? ''}:${form.mode}`;

function newTaskId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `export-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Remaining time from the share done and the time spent; silent until there is a basis. */
export function estimateRemaining(done: number, total: number, elapsedMs: number): number | null {
  if (total <= 0 || done <= 0 || done >= total) return done >= total && total > 0 ? 0 : null;
  if (done / total < 0.03 || elapsedMs < 500) return null;
  return Math.max(1, Math.round(((elapsedMs / done) * (total - done)) / 1000));
}

/** The export panel (issue 6): check, destination, progress, cancel and "open folder". */
export function createExportSlice(client: VitrineClient): Creator<ExportSlice> {
  return (set, get) => {
    let offs: Array<() => void> = [];
    const unsubscribe = () => {
      for (const off of offs) off();
      offs = [];
    };
    const patchRun = (patch: Partial<ExportRun>) =>
      set({ exportRun: { ...get().exportRun, ...patch } });

    function onProgress(p: ApiEventPayload<'progress'>) {
      const run = get().exportRun;
      if (p.taskId !== run.taskId || (run.status !== 'running' && run.status !== 'cancelling'))
        return;
      const now = Date.now();
      const startedAt = run.startedAt ?? now;
      patchRun({
        done: p.done,
        total: p.total,
        step: p.step ?? null,
        startedAt,
        remainingSeconds: estimateRemaining(p.done, p.total, now - startedAt),
      });
    }

    function onFinished(e: ApiEventPayload<'exportFinished'>) {
      if (e.taskId !== get().exportRun.taskId) return;
      unsubscribe();
      if (e.summary)
        patchRun({
          status: 'done',
          summary: e.summary,
          done: get().exportRun.total || 1,
          remainingSeconds: 0,
        });
      else if (e.error?.code === 'CANCELLED') patchRun({ status: 'cancelled', error: null });
      else patchRun({ status: 'failed', error: (e.error as ErrorData | undefined) ?? null });
    }

    async function start(replace: boolean) {
      const { exportForm: form, exportRun: run, snapshot } = get();
      const exhibition = snapshot?.exhibitions.find((x) => x.id === form.exhibitionId);
      if (!exhibition || !run.target) return;
      const taskId = newTaskId();
      patchRun({
        status: 'running',
        taskId,
        done: 0,
        total: 1000,
        step: null,
        startedAt: Date.now(),
      });
      unsubscribe();
      offs = [client.on('progress', onProgress), client.on('exportFinished', onFinished)];
      const languages = form.languages.filter((l) => exhibition.languages.includes(l));
      const idle = Number(form.idleSeconds);
      const result = await client.call('exhibitions.export', {
        taskId,
        exhibitionId: exhibition.id,
        mode: form.mode,
        targetId: run.target.targetId,
        replace,
        ...(languages.length ? { languages } : {}),
        ...(form.mode === 'web' && form.baseUrl.trim() ? { baseUrl: form.baseUrl.trim() } : {}),
        ...(form.mode === 'kiosk' && form.idleSeconds.trim() && Number.isInteger(idle)
          ? { idleSeconds: idle }
          : {}),
      });
      if (!result.ok) {
        unsubscribe();
        patchRun({ status: 'failed', error: result.error });
      }
    }

    return {
      exportForm: {
        exhibitionId: null,
        mode: 'web',
        languages: [],
        zip: false,
        baseUrl: '',
        idleSeconds: '',
      },
      exportCheck: { status: 'idle', key: null, result: null, error: null },
      exportRun: IDLE_RUN,

      exportFormChanged(patch) {
        const exportForm = { ...get().exportForm, ...patch };
        if (
          patch.exhibitionId !== undefined &&
          patch.exhibitionId !== get().exportForm.exhibitionId
        )
          exportForm.languages = [];
        set({ exportForm });
      },

      async exportCheckRequested() {
        const form = get().exportForm;
        if (!form.exhibitionId) return;
        const key = checkKey(form);
        set({ exportCheck: { status: 'checking', key, result: null, error: null } });
        const result = await client.call('exhibitions.checkForExport', {
          exhibitionId: form.exhibitionId,
          mode: form.mode,
        });
        // The person may have picked another exhibition or mode meanwhile.
        if (checkKey(get().exportForm) !== key) return;
        set({
          exportCheck: result.ok
            ? { status: 'ready', key, result: result.value, error: null }
            : { status: 'failed', key, result: null, error: result.error },
        });
      },

      async exportStartRequested() {
        const form = get().exportForm;
        if (!form.exhibitionId) return;
        const status = get().exportRun.status;
        if (status === 'running' || status === 'cancelling' || status === 'choosing') return;
        await get().exportCheckRequested();
        const check = get().exportCheck;
        if (check.status !== 'ready' || !check.result || check.result.errors.length) return;
        set({ exportRun: { ...IDLE_RUN, status: 'choosing' } });
        const chosen = await client.call('exhibitions.chooseExportTarget', {
          exhibitionId: form.exhibitionId,
          mode: form.mode,
          zip: form.zip,
        });
        if (!chosen.ok) {
          patchRun({ status: 'failed', error: chosen.error });
          return;
        }
        if (!chosen.value) {
          set({ exportRun: IDLE_RUN });
          return;
        }
        patchRun({ target: chosen.value });
        if (chosen.value.nonEmpty) {
          patchRun({ status: 'confirm' });
          return;
        }
        await start(false);
      },

      async exportReplaceConfirmed() {
        if (get().exportRun.status !== 'confirm') return;
        await start(true);
      },

      exportReplaceDeclined() {
        set({ exportRun: IDLE_RUN });
      },

      async exportCancelRequested() {
        const { taskId, status } = get().exportRun;
        if (!taskId || status !== 'running') return;
        patchRun({ status: 'cancelling' });
        const result = await client.call('tasks.cancel', { taskId });
        // Already over: the finished event says how.
        if (!result.ok) patchRun({ status: 'running' });
      },

      async exportRevealRequested() {
        const { taskId } = get().exportRun;
        if (!taskId) return;
        const result = await client.call('exhibitions.revealExport', { taskId });
        if (result.ok) patchRun({ revealed: result.value });
        else patchRun({ error: result.error });
      },

      exportRunDismissed() {
        unsubscribe();
        set({ exportRun: IDLE_RUN });
      },
    };
  };
}
