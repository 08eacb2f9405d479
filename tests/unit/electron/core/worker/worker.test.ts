import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiEventPayload,
  ExportTarget,
  MediaFolder,
  TableImportReport,
  TablePreview,
} from '../../../../../shared/api';
import { createApiHandlers, webDialogs, type ApiService } from '../../../../../electron/core/api';
import {
  createWorkerHost,
  forkWorker,
  type HostEnd,
  type WorkerHost,
} from '../../../../../electron/core/worker';
import { WORKER_NICE } from '../../../../../electron/core/worker/priority';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { makeLibrary, makeStoreLibrary } from '../export/library-fixture';
import { runCli } from '../../../../../electron/core/cli';
import type { CliContext } from '../../../../../electron/core/cli/context';
import { readLibrarySnapshot } from '../../../../../electron/core/library';
import { treeContents } from '../api/helpers';
import { exhibition } from '../../../../fixtures/snapshot';

/**
 * The worker bundle the web host forks (and Electron runs in a utilityProcess), built as
 * `npm run build` builds it, into a scratch folder inside dist/ so that it finds node_modules.
 */
const repo = resolve(__dirname, '../../../../..');
let out: string;
let bundle: string;
let lib: Awaited<ReturnType<typeof makeLibrary>>;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  out = join(repo, 'dist', `test-worker-${process.pid}`);
  const { buildAll } = (await import(join(repo, 'electron/build.mjs'))) as {
    buildAll(o: { outDir: string; only: string[] }): Promise<Array<{ error?: unknown }>>;
  };
  const results = await buildAll({ outDir: out, only: ['bundle', 'worker'] });
  expect(results.filter((r) => r.error)).toEqual([]);
  bundle = join(out, 'electron', 'worker.cjs');
  lib = await makeLibrary();
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await rm(out, { recursive: true, force: true });
  await rm(lib.dir, { recursive: true, force: true });
});

/** A forked worker host that also records which tasks the host sent it. */
function trackedHost(): { host: WorkerHost; ends: HostEnd[]; tasks: string[] } {
  const ends: HostEnd[] = [];
  const tasks: string[] = [];
  const spawn = forkWorker(bundle);
  const host = createWorkerHost(() => {
    const end = spawn();
    ends.push(end);
    return {
      ...end,
      send: (message) => {
        if (message.type === 'run') tasks.push(message.task);
        end.send(message);
      },
    };
  });
  cleanups.push(() => host.close());
  return { host, ends, tasks };
}

async function serviceWithWorker(name: string) {
  const libraryDir = await makeStoreLibrary(lib, `${name}-${Date.now()}`);
  const appDataDir = await mkdtemp(join(tmpdir(), 'vitrine-worker-app-'));
  const { host, ends, tasks } = trackedHost();
  const s: ApiService = await createApiHandlers({
    appDataDir,
    lang: 'en',
    dialogs: webDialogs,
    transport: 'web',
    version: 'test',
    libraryDirOnStart: libraryDir,
    worker: host,
    logError: () => undefined,
  });
  cleanups.push(async () => {
    await s.close();
    await rm(libraryDir, { recursive: true, force: true });
    await rm(appDataDir, { recursive: true, force: true });
  });
  const progress: Array<ApiEventPayload<'progress'>> = [];
  s.on('progress', (p) => progress.push(p));
  const finished = new Promise<ApiEventPayload<'exportFinished'>>((done) =>
    s.on('exportFinished', done),
  );
  /** What the web host's `POST /upload` does: the bytes under a random id in the upload folder. */
  const upload = async (name: string, bytes: Buffer | string | Uint8Array) => {
    const id = randomBytes(16).toString('hex');
    await writeFile(join(s.uploadDir(), id), bytes);
    return { id, name };
  };
  return { s, host, ends, tasks, progress, finished, libraryDir, appDataDir, upload };
}

function ok<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.value as T;
}

async function chooseZip(s: ApiService): Promise<ExportTarget> {
  const result = await s.dispatch('exhibitions.chooseExportTarget', {
    exhibitionId: 'x1',
    mode: 'kiosk',
    zip: true,
  });
  expect(result.ok).toBe(true);
  return (result as { value: ExportTarget }).value;
}

describe('heavy work in a worker process', () => {
  it('loads sharp in its own process, not in the host', async () => {
    const { host } = trackedHost();
    const info = await host.run('imageBackend', undefined as never);
    expect(info.pid).not.toBe(process.pid);
    expect(info.backend).toBe('native');
    expect(info.versions.vips).toMatch(/^\d+\.\d+/);
    // Below the host's priority, so the host wins the CPU while an export runs; on Linux every
    // thread that exists by now (libuv's pool that loaded sharp included) inherited it.
    expect(getPriority(info.pid)).toBeGreaterThanOrEqual(Math.max(getPriority(), WORKER_NICE));
    if (process.platform === 'linux') {
      const threads = await readdir(`/proc/${info.pid}/task`);
      expect(threads.length).toBeGreaterThan(1);
      for (const tid of threads) {
        const stat = await readFile(`/proc/${info.pid}/task/${tid}/stat`, 'utf8');
        // Field 19 is the nice value; fields after the command's closing parenthesis.
        const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
        expect(nice, `thread ${tid}`).toBeGreaterThanOrEqual(WORKER_NICE);
      }
    }
  });

  it('imports media in the worker: thumbnails there, items written here, bad files named', async () => {
    const { s, host } = await serviceWithWorker('import');
    const dir = await mkdtemp(join(tmpdir(), 'vitrine-worker-import-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const photo = join(dir, 'hafen.jpg');
    await writeFile(photo, await createSyntheticJpeg({ width: 900, height: 600, seed: 7 }));
    const broken = join(dir, 'kaputt.jpg');
    await writeFile(broken, (await readFile(photo)).subarray(0, 2000));
    const progress: number[] = [];
    s.on('progress', (p) => progress.push(p.done));
    const result = await s.importDropped({
      files: [
        { path: photo, name: 'hafen.jpg' },
        { path: broken, name: 'kaputt.jpg' },
      ],
    });
    expect(result.ok).toBe(true);
    const value = (
      result as {
        value: {
          itemIds: string[];
          failed: Array<{ name: string; error: { code: string; message: string } }>;
        };
      }
    ).value;
    expect(value.itemIds).toHaveLength(1);
    expect(value.failed).toEqual([
      { name: 'kaputt.jpg', error: expect.objectContaining({ code: 'MEDIA_CORRUPT' }) },
    ]);
    expect(value.failed[0]!.error.message).toContain('kaputt.jpg');
    expect(progress.at(-1)).toBe(2);
    const state = (await s.dispatch('library.snapshot', {})) as {
      ok: boolean;
      value: { items: Array<{ id: string; media: Array<{ sha256: string }> }> };
    };
    const item = state.value.items.find((i) => i.id === value.itemIds[0]);
    expect(item?.media).toHaveLength(1);
    // The worker really was another process.
    expect((await host.run('imageBackend', undefined as never)).pid).not.toBe(process.pid);
  });

  it('exports a zip through the API with progress from the worker', async () => {
    const { s, progress, finished } = await serviceWithWorker('zip');
    const target = await chooseZip(s);
    const started = await s.dispatch('exhibitions.export', {
      taskId: 'task-worker-zip',
      exhibitionId: 'x1',
      mode: 'kiosk',
      targetId: target.targetId,
      languages: ['de'],
    });
    expect(started.ok).toBe(true);
    const end = await finished;
    expect(end.error).toBeUndefined();
    expect(end.summary?.displayPath).toBe(target.displayPath);
    const files = unzipSync(new Uint8Array(await readFile(target.displayPath)));
    expect(Object.keys(files)).toContain('de/index.html');
    expect(progress.some((p) => p.step?.startsWith('Packing the zip file'))).toBe(true);
    expect(progress.at(-1)?.done).toBe(1000);
  });

  it('cancels a running export in the worker and leaves nothing behind', async () => {
    const { s, finished } = await serviceWithWorker('cancel');
    const target = await chooseZip(s);
    await s.dispatch('exhibitions.export', {
      taskId: 'task-worker-cancel',
      exhibitionId: 'x1',
      mode: 'kiosk',
      targetId: target.targetId,
    });
    expect(await s.dispatch('tasks.cancel', { taskId: 'task-worker-cancel' })).toMatchObject({
      ok: true,
      value: { cancelled: true },
    });
    expect((await finished).error).toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(target.displayPath)).toBe(false);
  });

  it('fails the task with a clear message when the worker dies, and starts a new one', async () => {
    const { s, ends, finished } = await serviceWithWorker('crash');
    const target = await chooseZip(s);
    let killed = false;
    s.on('progress', () => {
      // Kill the worker the first time it reports: mid-task, tied to an event it sent.
      if (!killed && ends[0]) {
        killed = true;
        ends[0].kill();
      }
    });
    await s.dispatch('exhibitions.export', {
      taskId: 'task-worker-crash',
      exhibitionId: 'x1',
      mode: 'kiosk',
      targetId: target.targetId,
    });
    const end = await finished;
    expect(end.error?.code).toBe('INTERNAL');
    expect(end.error?.message).toContain('background process');
    // The service still answers, and the next task gets a fresh worker.
    expect((await s.dispatch('session.state', {})).ok).toBe(true);
    const { host } = trackedHost();
    expect((await host.run('imageBackend', undefined as never)).pid).not.toBe(process.pid);
  });
});

describe('table import and exchange packages in the worker process', () => {
  it('reads, plans and imports a table with media there while this process answers; cancel and packages too', async () => {
    const { s, tasks, libraryDir, appDataDir, upload } = await serviceWithWorker('tables');
    const files = [];
    const lines = ['Titel;Datei'];
    for (let i = 0; i < 3; i++) {
      const bytes = await createSyntheticJpeg({ width: 320 + i, height: 240, seed: i + 1 });
      files.push({ id: (await upload(`f${i}.jpg`, bytes)).id, path: `f${i}.jpg` });
      lines.push(`Bild „${i}“;f${i}.jpg`);
    }
    const folder = ok<MediaFolder>(await s.dispatch('tables.stageMedia', { name: 'F', files }));
    const table = await upload('Bestand.csv', `${lines.join('\n')}\n`);
    const preview = ok<TablePreview>(await s.dispatch('tables.preview', { upload: table }));
    expect(preview).toMatchObject({ rowCount: 3, delimiter: ';' });
    const request = { upload: table, mapping: preview.mapping, mediaFolder: folder.folderId };
    const dry = ok<TableImportReport>(await s.dispatch('tables.dryRun', request));
    expect(dry.counts).toMatchObject({ create: 3, skipped: 0 });

    // Cancel tied to the import's first progress report: the library stays exactly as before.
    const before = await treeContents(libraryDir);
    let cancel: Promise<unknown> | null = null;
    const off = s.on('progress', (e) => {
      if (e.taskId === 'worker-table-cancel' && !cancel)
        cancel = s.dispatch('tasks.cancel', { taskId: 'worker-table-cancel' });
    });
    const cancelled = await s.dispatch('tables.import', {
      ...request,
      taskId: 'worker-table-cancel',
    });
    off();
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await cancel).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(await treeContents(libraryDir)).toEqual(before);

    // While the worker brings the media in, this process answers another call.
    let importAnswered = false;
    let answeredMeanwhile: Promise<boolean> | null = null;
    s.on('progress', (e) => {
      if (e.taskId === 'worker-table' && e.step === 'media' && !answeredMeanwhile)
        // A call answered from memory: nothing but a busy event loop could delay it.
        answeredMeanwhile = s.dispatch('app.info', {}).then((r) => r.ok && !importAnswered);
    });
    const done = ok<TableImportReport & { undo: unknown }>(
      await s.dispatch('tables.import', { ...request, taskId: 'worker-table' }),
    );
    importAnswered = true;
    expect(done.counts).toMatchObject({ create: 3, skipped: 0 });
    expect(await answeredMeanwhile).toBe(true);
    const state = ok<{
      items: Array<{ id: string; title: Record<string, string>; media: unknown[] }>;
    }>(await s.dispatch('library.snapshot', {}));
    const imported = state.items.filter((i) => i.title.de?.startsWith('Bild „'));
    expect(imported.map((i) => i.media.length)).toEqual([1, 1, 1]);

    // Packages: zipped, read and unpacked (media) there; the entities written here.
    const gallery = { id: 'b1', type: 'gallery', itemIds: imported.map((i) => i.id) };
    const show = exhibition('tafel', {
      chapters: [{ id: 'c1', title: { de: 'Bilder' }, blocks: [gallery] }],
    });
    ok(await s.dispatch('library.apply', { command: { type: 'putExhibition', exhibition: show } }));
    const packed = ok<{ displayPath: string; bytes: number }>(
      await s.dispatch('packages.export', { exhibitionId: 'tafel' }),
    );
    expect(packed.displayPath.startsWith(appDataDir)).toBe(true);
    const pkg = await upload('tafel.vitrine', await readFile(packed.displayPath));
    const inspected = ok<{ conflicts: number }>(
      await s.dispatch('packages.inspect', { upload: pkg }),
    );
    expect(inspected.conflicts).toBeGreaterThan(0);
    const unpacked = ok<{ copied: number; exhibitionSlug: string }>(
      await s.dispatch('packages.import', { upload: pkg, conflicts: 'copy' }),
    );
    expect(unpacked.copied).toBe(inspected.conflicts);
    const after = ok<{ exhibitions: Array<{ slug: string }> }>(
      await s.dispatch('library.snapshot', {}),
    );
    expect(after.exhibitions.map((x) => x.slug)).toContain(unpacked.exhibitionSlug);

    expect(new Set(tasks)).toEqual(
      new Set([
        'tablePreview',
        'tableDryRun',
        'tablePrepare',
        'packagePack',
        'packageRead',
        'packageUnpack',
      ]),
    );
  });
});

describe('one worker for every transport: the CLI and the sample library', () => {
  function cli(workerBundle: string) {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      lang: 'en',
      version: 'test',
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      isTTY: false,
      exitCode: undefined,
      workerBundle,
      sampleMediaScale: 0.2,
    };
    return { ctx, out: () => out.join(''), err: () => err.join('') };
  }

  /** A stand-in worker that dies at once: a command that ends with its message went through it. */
  async function dyingBundle(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'vitrine-worker-dying-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'worker.cjs');
    await writeFile(file, 'process.exit(3);\n');
    return file;
  }

  it('runs `vitrine export` and `vitrine init --sample` in the forked worker', async () => {
    const libraryDir = await makeStoreLibrary(lib, `cli-${Date.now()}`);
    const root = await mkdtemp(join(tmpdir(), 'vitrine-worker-cli-'));
    cleanups.push(async () => {
      await rm(libraryDir, { recursive: true, force: true });
      await rm(root, { recursive: true, force: true });
    });
    const exportArgs = (out: string) =>
      ['export', libraryDir, '--exhibition', '50-jahre-dortmund-leeds', '--mode', 'kiosk'].concat([
        '--out',
        out,
        '--lang',
        'de',
        '--zip',
      ]);

    const done = cli(bundle);
    expect(await runCli(exportArgs(join(root, 'kiosk.zip')), done.ctx), done.err()).toBe(0);
    expect(done.err()).toMatch(/Export 100%/);
    const files = unzipSync(new Uint8Array(await readFile(join(root, 'kiosk.zip'))));
    expect(Object.keys(files)).toContain('de/index.html');

    const sample = cli(bundle);
    expect(await runCli(['init', join(root, 'beispiel'), '--sample'], sample.ctx)).toBe(0);
    expect(sample.err()).toContain('Sample library 100%');
    expect(sample.out()).toMatch(/9 partnerships, 2 awards, 3 exhibitions, 32 media files/);
    const snapshot = await readLibrarySnapshot(join(root, 'beispiel'));
    const photo = snapshot.items.flatMap((i) => i.media).find((m) => m.kind === 'image');
    expect(photo?.width).toBeLessThan(1000); // rendered at the test scale, by the worker

    // The same commands with a worker that dies: they fail with its message, so they used it.
    const dying = await dyingBundle();
    const failedExport = cli(dying);
    expect(await runCli(exportArgs(join(root, 'zweite.zip')), failedExport.ctx)).toBe(2);
    expect(failedExport.err()).toMatch(/background process .* ended unexpectedly \(code 3\)/);
    expect(existsSync(join(root, 'zweite.zip'))).toBe(false);
    const failedSample = cli(dying);
    expect(await runCli(['init', join(root, 'zweite'), '--sample'], failedSample.ctx)).toBe(2);
    expect(failedSample.err()).toMatch(/ended unexpectedly \(code 3\)/);
  }, 180_000);

  it('builds the service’s sample copy in the worker, with progress events', async () => {
    const appDataDir = await mkdtemp(join(tmpdir(), 'vitrine-worker-sample-'));
    const { host, ends } = trackedHost();
    const s = await createApiHandlers({
      appDataDir,
      lang: 'en',
      dialogs: webDialogs,
      transport: 'web',
      version: 'test',
      worker: host,
      sampleMediaScale: 0.2,
      logError: () => undefined,
    });
    cleanups.push(async () => {
      await s.close();
      await rm(appDataDir, { recursive: true, force: true });
    });
    const progress: Array<ApiEventPayload<'progress'>> = [];
    s.on('progress', (p) => progress.push(p));
    const opened = await s.dispatch('library.openSample', {});
    expect(opened).toMatchObject({ ok: true, value: { isSample: true } });
    expect(progress.length).toBeGreaterThan(60);
    expect(progress.at(-1)).toMatchObject({ step: 'library', done: progress[0]!.total });
    // The media came from the worker: the sample build started it (nothing else ran a task).
    expect(ends).toHaveLength(1);
  }, 180_000);
});
