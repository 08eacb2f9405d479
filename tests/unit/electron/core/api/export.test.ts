import { existsSync } from 'node:fs';
import { readdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEventPayload, ExportCheckResult, ExportTarget } from '../../../../../shared/api';
import {
  createApiHandlers,
  webDialogs,
  type ApiService,
  type Dialogs,
} from '../../../../../electron/core/api';
import { overallProgress } from '../../../../../electron/core/api/export';
import { mediaPath } from '../../../../../shared/domain';
import { makeLibrary, makeStoreLibrary } from '../export/library-fixture';
import { tempDir } from './helpers';

/** The export methods of the API over a real library, with the web host's (absent) dialogs. */
const X = 'x1';
let lib: Awaited<ReturnType<typeof makeLibrary>>;
const open: ApiService[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await rm(lib.dir, { recursive: true, force: true });
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function value<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.value as T;
}

async function service(dialogs: Dialogs = webDialogs, name = 'api') {
  const libraryDir = await makeStoreLibrary(lib, `${name}-${open.length}-${Date.now()}`);
  const appDataDir = await tempDir();
  dirs.push(libraryDir, appDataDir);
  const s = await createApiHandlers({
    appDataDir,
    lang: 'en',
    dialogs,
    transport: dialogs === webDialogs ? 'web' : 'electron',
    version: 'test',
    libraryDirOnStart: libraryDir,
    logError: () => undefined,
  });
  open.push(s);
  const events: Array<{ name: string; payload: unknown }> = [];
  s.on('progress', (payload) => events.push({ name: 'progress', payload }));
  const finished = new Promise<ApiEventPayload<'exportFinished'>>((resolve) =>
    s.on('exportFinished', resolve),
  );
  return { s, libraryDir, appDataDir, events, finished };
}

describe('export through the API', () => {
  it('checks, picks the app data folder without dialogs, exports with progress and reveals the path', async () => {
    const { s, appDataDir, events, finished } = await service();
    const check = value<ExportCheckResult>(
      await s.dispatch('exhibitions.checkForExport', { exhibitionId: X, mode: 'web' }),
    );
    expect(check.errors).toEqual([]);
    expect(check.warnings.length).toBeGreaterThan(0);

    const target = value<ExportTarget>(
      await s.dispatch('exhibitions.chooseExportTarget', {
        exhibitionId: X,
        mode: 'web',
        zip: false,
      }),
    );
    expect(target.displayPath).toBe(join(appDataDir, 'exports', '50-jahre-dortmund-leeds-web'));
    expect(target.nonEmpty).toBe(false);

    const taskId = 'task-0001-web';
    expect(
      value(
        await s.dispatch('exhibitions.export', {
          taskId,
          exhibitionId: X,
          mode: 'web',
          targetId: target.targetId,
          languages: ['de', 'en'],
          baseUrl: 'https://example.org/',
        }),
      ),
    ).toEqual({ taskId });
    const end = await finished;
    expect(end.error).toBeUndefined();
    expect(end.summary).toMatchObject({
      taskId,
      displayPath: target.displayPath,
      languages: ['de', 'en'],
    });
    expect(end.summary!.warnings).toBeGreaterThan(0);
    expect(existsSync(join(target.displayPath, 'index.html'))).toBe(true);
    expect(existsSync(join(target.displayPath, 'sitemap.xml'))).toBe(true);

    const progress = events.map((e) => e.payload as ApiEventPayload<'progress'>);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p) => p.taskId === taskId && p.total === 1000)).toBe(true);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(1000);
    expect(progress.some((p) => p.step?.startsWith('Image derivatives'))).toBe(true);

    expect(value(await s.dispatch('exhibitions.revealExport', { taskId }))).toEqual({
      path: target.displayPath,
      shown: false,
    });
    expect(value(await s.dispatch('tasks.cancel', { taskId }))).toEqual({ cancelled: false });
  });

  it('asks before replacing: a second export to the same place needs replace', async () => {
    const { s, finished } = await service();
    const choose = async () =>
      value<ExportTarget>(
        await s.dispatch('exhibitions.chooseExportTarget', {
          exhibitionId: X,
          mode: 'kiosk',
          zip: true,
        }),
      );
    const first = await choose();
    expect(first.displayPath.endsWith('50-jahre-dortmund-leeds-kiosk.zip')).toBe(true);
    value(
      await s.dispatch('exhibitions.export', {
        taskId: 'task-zip-1',
        exhibitionId: X,
        mode: 'kiosk',
        targetId: first.targetId,
        languages: ['de'],
        idleSeconds: 30,
      }),
    );
    expect((await finished).summary).toBeDefined();
    const second = await choose();
    expect(second.nonEmpty).toBe(true);
    const refused = await s.dispatch('exhibitions.export', {
      taskId: 'task-zip-2',
      exhibitionId: X,
      mode: 'kiosk',
      targetId: second.targetId,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'EXPORT_TARGET_NOT_EMPTY' } });
    const mismatched = await s.dispatch('exhibitions.export', {
      taskId: 'task-zip-3',
      exhibitionId: X,
      mode: 'web',
      targetId: second.targetId,
      replace: true,
    });
    expect(mismatched).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a blocked exhibition with the problems, and an unknown target', async () => {
    const { s, libraryDir, appDataDir } = await service();
    const item = lib.snapshot.items.find((i) => i.id === 'item-3')!;
    await unlink(join(libraryDir, mediaPath(item.media[0]!)));
    const check = value<ExportCheckResult>(
      await s.dispatch('exhibitions.checkForExport', { exhibitionId: X, mode: 'kiosk' }),
    );
    expect(check.errors.map((p) => [p.rule, p.target.id])).toEqual([['media-missing', 'item-3']]);
    const target = value<ExportTarget>(
      await s.dispatch('exhibitions.chooseExportTarget', {
        exhibitionId: X,
        mode: 'kiosk',
        zip: false,
      }),
    );
    const blocked = await s.dispatch('exhibitions.export', {
      taskId: 'task-blocked',
      exhibitionId: X,
      mode: 'kiosk',
      targetId: target.targetId,
    });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'EXPORT_BLOCKED', details: { errors: [{ rule: 'media-missing' }] } },
    });
    expect(existsSync(join(appDataDir, 'exports', '50-jahre-dortmund-leeds-kiosk'))).toBe(false);
    const unknown = await s.dispatch('exhibitions.export', {
      taskId: 'task-unknown',
      exhibitionId: X,
      mode: 'kiosk',
      targetId: 'target-nope',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.dispatch('exhibitions.revealExport', { taskId: 'task-blocked' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('cancels a running export and leaves nothing at the target', async () => {
    const { s, appDataDir, finished } = await service();
    const target = value<ExportTarget>(
      await s.dispatch('exhibitions.chooseExportTarget', {
        exhibitionId: X,
        mode: 'web',
        zip: false,
      }),
    );
    value(
      await s.dispatch('exhibitions.export', {
        taskId: 'task-cancel',
        exhibitionId: X,
        mode: 'web',
        targetId: target.targetId,
      }),
    );
    expect(value(await s.dispatch('tasks.cancel', { taskId: 'task-cancel' }))).toEqual({
      cancelled: true,
    });
    const end = await finished;
    expect(end.error).toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(join(appDataDir, 'exports'))).toEqual([]);
  });

  it('uses the native dialog and file manager where there are some', async () => {
    const root = await tempDir();
    dirs.push(root);
    const shown: string[] = [];
    const dialogs: Dialogs = {
      ...webDialogs,
      chooseExportTarget: async ({ name, zip }) => (zip ? null : join(root, `${name}-chosen`)),
      showInFolder: (p) => void shown.push(p),
    };
    const { s, finished } = await service(dialogs);
    expect(
      value(
        await s.dispatch('exhibitions.chooseExportTarget', {
          exhibitionId: X,
          mode: 'web',
          zip: true,
        }),
      ),
    ).toBeNull();
    const target = value<ExportTarget>(
      await s.dispatch('exhibitions.chooseExportTarget', {
        exhibitionId: X,
        mode: 'web',
        zip: false,
      }),
    );
    expect(target.displayPath).toBe(join(root, '50-jahre-dortmund-leeds-web-chosen'));
    value(
      await s.dispatch('exhibitions.export', {
        taskId: 'task-native',
        exhibitionId: X,
        mode: 'web',
        targetId: target.targetId,
        languages: ['en'],
      }),
    );
    expect((await finished).summary?.languages).toEqual(['en']);
    expect(value(await s.dispatch('exhibitions.revealExport', { taskId: 'task-native' }))).toEqual({
      path: target.displayPath,
      shown: true,
    });
    expect(shown).toEqual([target.displayPath]);
  });
});

describe('overallProgress', () => {
  it('maps each phase onto one bar, images taking most of it', () => {
    expect(overallProgress({ phase: 'prepare', done: 0, total: 1 })).toBe(0);
    expect(overallProgress({ phase: 'images', done: 0, total: 10 })).toBe(20);
    expect(overallProgress({ phase: 'images', done: 5, total: 10 })).toBe(435);
    expect(overallProgress({ phase: 'images', done: 0, total: 0 })).toBe(850);
    expect(overallProgress({ phase: 'done', done: 1, total: 1 })).toBe(1000);
  });
});
