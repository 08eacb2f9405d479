import type { Creator } from './creator';
import type { ApiEventPayload, MediaImportResult } from '../../../shared/api';
import type { VitrineClient } from '../api/client';
import { flushPendingEdits } from '../components/forms/autosave';
import { EMPTY_FILTER } from '../library/facets';
import type { CurationSlice, ImportFileResult } from './types';

/** Turns the API's answer into one line per chosen file, in the order the files were chosen. */
export function importResults(names: string[], result: MediaImportResult): ImportFileResult[] {
  const failed = new Map<string, MediaImportResult['failed']>();
  for (const f of result.failed) failed.set(f.name, [...(failed.get(f.name) ?? []), f]);
  const imported = [...result.itemIds];
  return names.map((name) => {
    const f = failed.get(name)?.shift();
    if (f) {
      return {
        name,
        status: f.error.code === 'MEDIA_DUPLICATE' ? 'duplicate' : 'rejected',
        message: f.error.message,
      };
    }
    const itemId = imported.shift();
    return itemId ? { name, status: 'imported', itemId } : { name, status: 'imported' };
  });
}

export function createCurationSlice(client: VitrineClient): Creator<CurationSlice> {
  return (set, get) => {
    async function finish(
      names: string[],
      result: Awaited<ReturnType<typeof client.call<'media.importUploads'>>>,
    ) {
      if (!result.ok) {
        set((s) => ({ importState: { ...s.importState, status: 'failed', error: result.error } }));
        return;
      }
      set((s) => ({
        importState: {
          ...s.importState,
          status: 'done',
          done: s.importState.total,
          results: importResults(names, result.value),
        },
      }));
      await get().libraryChanged(result.value.revision);
    }

    return {
      libraryQuery: '',
      libraryFilter: EMPTY_FILTER,
      librarySort: 'date',
      libraryView: 'grid',
      selectedItemIds: [],
      selectionAnchor: null,
      importState: { status: 'idle', done: 0, total: 0, results: [], error: null },
      partnershipTab: 'list',

      curationLibraryClosed: () =>
        set({
          selectedItemIds: [],
          selectionAnchor: null,
          libraryQuery: '',
          libraryFilter: EMPTY_FILTER,
        }),
      libraryQueryChanged: (libraryQuery) => set({ libraryQuery }),
      libraryFilterChanged: (libraryFilter) => set({ libraryFilter }),
      librarySortChanged: (librarySort) => set({ librarySort }),
      libraryViewChanged: (libraryView) => set({ libraryView }),
      itemsSelected: (selectedItemIds, selectionAnchor) =>
        set((s) => ({
          selectedItemIds,
          selectionAnchor: selectionAnchor === undefined ? s.selectionAnchor : selectionAnchor,
        })),
      partnershipTabSelected: (partnershipTab) => set({ partnershipTab }),

      async importFilesDropped(files) {
        if (files.length === 0 || get().importState.status === 'running') return;
        const names = files.map((f) => f.name || 'unbenannt');
        if (client.transport === 'electron') {
          // Main reads the files itself (paths found by the preload): no upload half of the bar.
          set({
            importState: {
              status: 'running',
              done: 0,
              total: files.length,
              results: [],
              error: null,
            },
          });
          await finish(names, await client.importDropped(files));
          return;
        }
        // Uploads count as the first half of the bar, importing as the second.
        const total = files.length * 2;
        set({ importState: { status: 'running', done: 0, total, results: [], error: null } });
        const uploads: { id: string; name: string }[] = [];
        const uploadFailures: ImportFileResult[] = [];
        for (const [i, file] of files.entries()) {
          const answer = await client.upload(file);
          if (answer.ok) uploads.push({ id: answer.value.uploadId, name: names[i]! });
          else
            uploadFailures.push({
              name: names[i]!,
              status: 'rejected',
              message: answer.error.message,
            });
          set((s) => ({ importState: { ...s.importState, done: i + 1 } }));
        }
        if (uploads.length === 0) {
          set((s) => ({
            importState: { ...s.importState, status: 'done', done: total, results: uploadFailures },
          }));
          return;
        }
        const result = await client.call('media.importUploads', { uploads });
        await finish(
          uploads.map((u) => u.name),
          result,
        );
        if (uploadFailures.length > 0) {
          set((s) => ({
            importState: {
              ...s.importState,
              results: [...s.importState.results, ...uploadFailures],
            },
          }));
        }
      },

      async importDialogRequested() {
        if (get().importState.status === 'running') return;
        set({ importState: { status: 'running', done: 0, total: 0, results: [], error: null } });
        const result = await client.call('media.importDialog');
        if (!result.ok) {
          set((s) => ({
            importState: { ...s.importState, status: 'failed', error: result.error },
          }));
          return;
        }
        const names = [
          ...result.value.failed.map((f) => f.name),
          ...result.value.itemIds.map(() => ''),
        ];
        set((s) => ({
          importState: {
            ...s.importState,
            status: 'done',
            results: importResults(names, result.value).map((r) =>
              r.name === '' ? { ...r, name: r.itemId ?? '' } : r,
            ),
          },
        }));
        await get().libraryChanged(result.value.revision);
      },

      importDismissed: () =>
        set({ importState: { status: 'idle', done: 0, total: 0, results: [], error: null } }),

      progressReported(payload: ApiEventPayload<'progress'>) {
        if (!payload.taskId.startsWith('import-')) return;
        const state = get().importState;
        if (state.status !== 'running') return;
        if (client.transport === 'web') {
          // Second half of the bar: files imported after the uploads.
          const files = state.total / 2;
          set({ importState: { ...state, done: files + Math.min(payload.done, files) } });
        } else {
          set({ importState: { ...state, done: payload.done, total: payload.total } });
        }
      },

      async undoShortcut() {
        await flushPendingEdits();
        await get().undoRequested();
      },

      async redoShortcut() {
        await flushPendingEdits();
        await get().redoRequested();
      },
    };
  };
}
