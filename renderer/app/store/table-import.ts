import type { ApiEventPayload } from '../../../shared/api';
import type { Command } from '../../../shared/domain';
import type { ErrorData } from '../../../shared/errors';
import type { VitrineClient } from '../api/client';
import { HISTORY_LIMIT } from './library';
import type { Creator } from './creator';
import type { TableImportState, TableImportSlice } from './table-import-types';

export type {
  TableEncoding,
  TableDelimiter,
  FolderFile,
  TableImportState,
  TableImportSlice,
} from './table-import-types';

const FRESH: TableImportState = {
  step: 'choose',
  busy: false,
  upload: null,
  preview: null,
  encoding: null,
  delimiter: null,
  mapping: [],
  mediaFolder: null,
  updateBy: '',
  mode: 'revise',
  saveAs: '',
  report: null,
  result: null,
  progress: null,
  taskId: null,
  error: null,
};

function newTaskId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `table-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function createTableImportSlice(client: VitrineClient): Creator<TableImportSlice> {
  return (set, get) => {
    const update = (patch: Partial<TableImportState>) => {
      const current = get().tableImport;
      if (current) set({ tableImport: { ...current, ...patch } });
    };
    const failed = (error: ErrorData) => update({ busy: false, error });

    /** What the import methods take besides the mapping: the table and its overrides. */
    function source(state: TableImportState) {
      return {
        upload: state.upload!,
        ...(state.encoding ? { encoding: state.encoding } : {}),
        ...(state.delimiter ? { delimiter: state.delimiter } : {}),
      };
    }
    function runInput(state: TableImportState) {
      return {
        ...source(state),
        mapping: state.mapping,
        mode: state.mode,
        ...(state.mediaFolder ? { mediaFolder: state.mediaFolder.folderId } : {}),
        ...(state.updateBy ? { updateBy: state.updateBy } : {}),
      };
    }

    async function preview(): Promise<void> {
      const state = get().tableImport;
      if (!state?.upload) return;
      update({ busy: true, error: null, report: null });
      const answer = await client.call('tables.preview', source(state));
      if (!answer.ok) return failed(answer.error);
      update({
        busy: false,
        step: 'mapping',
        preview: answer.value,
        mapping: answer.value.mapping,
      });
    }

    return {
      tableImport: null,

      tableImportOpened: () => set({ tableImport: { ...FRESH } }),
      tableImportClosed: () => {
        if (get().tableImport?.step === 'running') return;
        set({ tableImport: null });
      },

      async tableFileChosen(file) {
        if (!get().tableImport) return;
        update({ busy: true, error: null });
        let upload: { id: string; name: string };
        if (client.transport === 'electron') {
          const chosen = await client.call('files.chooseUpload', { kind: 'table' });
          if (!chosen.ok) return failed(chosen.error);
          if (!chosen.value) return update({ busy: false });
          upload = chosen.value.upload;
        } else {
          if (!file) return update({ busy: false });
          const sent = await client.upload(file);
          if (!sent.ok) return failed(sent.error);
          upload = { id: sent.value.uploadId, name: file.name || 'tabelle.csv' };
        }
        update({ upload, encoding: null, delimiter: null, preview: null, result: null });
        await preview();
      },

      async tableMediaChosen(name, files) {
        if (!get().tableImport) return;
        update({ busy: true, error: null, report: null });
        if (client.transport === 'electron') {
          const chosen = await client.call('tables.chooseMediaFolder', {});
          if (!chosen.ok) return failed(chosen.error);
          return update({ busy: false, ...(chosen.value ? { mediaFolder: chosen.value } : {}) });
        }
        if (!files || files.length === 0) return update({ busy: false });
        const staged: { id: string; path: string }[] = [];
        for (const f of files) {
          const sent = await client.upload(f.file);
          if (!sent.ok) return failed(sent.error);
          staged.push({ id: sent.value.uploadId, path: f.path });
        }
        const answer = await client.call('tables.stageMedia', {
          name: name || 'media',
          files: staged,
        });
        if (!answer.ok) return failed(answer.error);
        update({ busy: false, mediaFolder: answer.value });
      },

      async tableSourceOverridden(change) {
        const state = get().tableImport;
        if (!state) return;
        update({
          ...(change.encoding !== undefined ? { encoding: change.encoding } : {}),
          ...(change.delimiter !== undefined ? { delimiter: change.delimiter } : {}),
        });
        await preview();
      },

      tableMappingChanged: (mapping) => update({ mapping, report: null }),

      tableMappingLoaded(name) {
        const state = get().tableImport;
        const saved = state?.preview?.saved.find((m) => m.name === name);
        if (!state?.preview || !saved) return;
        // Columns the saved mapping knows take its setting; the others keep the automatic one.
        const byColumn = new Map(saved.columns.map((c) => [c.column, c]));
        update({
          mapping: state.mapping.map((m) => byColumn.get(m.column) ?? m),
          saveAs: name,
          report: null,
        });
      },

      tableOptionsChanged: (change) => update({ ...change, report: null }),

      async tableDryRunRequested() {
        const state = get().tableImport;
        if (!state?.upload) return;
        update({ busy: true, error: null });
        const answer = await client.call('tables.dryRun', runInput(state));
        if (!answer.ok) return failed(answer.error);
        update({ busy: false, report: answer.value });
      },

      async tableImportRequested() {
        const state = get().tableImport;
        if (!state?.upload) return;
        const taskId = newTaskId();
        update({ step: 'running', busy: true, error: null, taskId, progress: null });
        const off = client.on('progress', (p: ApiEventPayload<'progress'>) => {
          if (p.taskId !== taskId) return;
          update({
            progress: {
              done: p.done,
              total: p.total,
              ...(p.step !== undefined ? { step: p.step } : {}),
              ...(p.etaSeconds !== undefined ? { etaSeconds: p.etaSeconds } : {}),
            },
          });
        });
        const answer = await client.call('tables.import', {
          ...runInput(state),
          taskId,
          ...(state.saveAs.trim() ? { saveAs: state.saveAs.trim() } : {}),
        });
        off();
        if (!answer.ok) {
          // Cancelled or failed: the library is as before; back to the report to try again.
          update({
            step: 'mapping',
            busy: false,
            taskId: null,
            progress: null,
            error: answer.error,
          });
          return;
        }
        const undo: Command | null | undefined = answer.value.undo;
        if (undo) {
          // The whole import is ONE entry of the undo history, like any edit.
          set((s) => {
            const past = [...s.history.past, undo];
            return {
              history: {
                past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past,
                future: [],
              },
            };
          });
        }
        update({ step: 'done', busy: false, taskId: null, result: answer.value });
        if (answer.value.revision !== undefined) await get().libraryChanged(answer.value.revision);
      },

      async tableImportCancelRequested() {
        const taskId = get().tableImport?.taskId;
        if (taskId) await client.call('tasks.cancel', { taskId });
      },
    };
  };
}
