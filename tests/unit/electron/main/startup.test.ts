import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLibrary } from '../../../../electron/core/library';
import { WINDOW_STATE_FILE } from '../../../../electron/main/window-state';
import { FakeElectron, type FakeWebContents } from './fake-electron';

/**
 * Drives the real `electron/main/main.ts` against a fake `electron` module that keeps Electron's
 * documented order: the page's first IPC calls arrive while `loadURL` is still pending, and
 * `ready-to-show` comes before `did-finish-load`. Everything behind main is real: the API service,
 * a library on disk, the settings file.
 */
const holder = vi.hoisted(() => ({ fake: null as FakeElectron | null }));
vi.mock('electron', () => {
  if (!holder.fake) throw new Error('fake electron not prepared');
  return holder.fake.module();
});

const answers: Record<string, unknown> = {};
let root: string;
let libraryDir: string;
let fake: FakeElectron;
let argv: string[];
let pageDone: () => void;
const pageFinished = new Promise<void>((resolve) => (pageDone = resolve));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vitrine-main-'));
  libraryDir = join(root, 'Stadtgeschichte');
  const library = await createLibrary(libraryDir, {
    name: 'Stadtgeschichte',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  await library.close();
  const userData = join(root, 'profile');
  await mkdir(userData, { recursive: true });
  await writeFile(
    join(userData, WINDOW_STATE_FILE),
    JSON.stringify({ bounds: { x: 10, y: 10, width: 1200, height: 800 }, maximized: true }),
  );
  // The renderer's start-up (renderer/app/main.tsx → store/session.ts `appStarted`): two calls
  // from the module script, long before the page has finished loading.
  fake = new FakeElectron(
    async (contents: FakeWebContents) => {
      const [info, session] = await Promise.all([
        contents.invoke('app.setUiLanguage', { lang: 'en' }),
        contents.invoke('session.state', {}),
      ]);
      answers.info = info;
      answers.session = session;
      pageDone();
    },
    { userData, documents: root, appPath: resolve(__dirname, '../../../..') },
  );
  holder.fake = fake;
  argv = process.argv;
  process.argv = ['/opt/Vitrine/vitrine', '.', `--library=${libraryDir}`];
  await import('../../../../electron/main/main');
  fake.app.becomeReady();
  await pageFinished;
  // loadURL's promise resolves after the page script; wait for did-finish-load.
  await vi.waitFor(() => expect(fake.log).toContain('did-finish-load'), { timeout: 30_000 });
});

afterAll(async () => {
  process.argv = argv;
  // before-quit closes the service (releases the library lock).
  fake?.app.emit('before-quit', { preventDefault: () => undefined });
  await vi.waitFor(() => expect(fake.log).toContain('quit'), { timeout: 30_000 });
  await rm(root, { recursive: true, force: true });
});

describe('main process start-up in the documented order', () => {
  it('answers the page IPC that arrives before loadURL resolves', () => {
    expect(answers.info).toMatchObject({ ok: true, value: { uiLanguage: 'en' } });
    expect(answers.session).toMatchObject({ ok: true });
  });

  it('shows the library passed with --library=', () => {
    const session = answers.session as {
      ok: boolean;
      value?: { library: { name: string } | null };
    };
    expect(session.value?.library?.name).toBe('Stadtgeschichte');
  });

  it('shows and maximises the window only after ready-to-show', () => {
    const ready = fake.log.indexOf('ready-to-show');
    expect(ready).toBeGreaterThan(-1);
    expect(fake.log.indexOf('maximize')).toBeGreaterThan(ready);
    expect(fake.log.indexOf('show')).toBeGreaterThan(ready);
    expect(fake.windows[0]!.visible).toBe(true);
  });

  it('starts one worker process (utilityProcess) during start-up', () => {
    expect(fake.log.filter((l) => l.startsWith('fork '))).toEqual(['fork worker.cjs']);
  });

  it('still refuses a frame that is not the top frame of our window', async () => {
    const contents = fake.windows[0]!.webContents;
    const refused = await contents.invoke('session.state', {}, { parent: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const foreign = await contents.invoke('session.state', {}, { url: 'https://evil.example/' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('turns off third-party dictionary downloads before the window exists', () => {
    expect(fake.spell.url).toMatch(/\.invalid\//);
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({
      spellcheck: process.platform !== 'linux',
    });
  });

  it('opens library media with the system viewer, and nothing outside the library', async () => {
    await mkdir(join(libraryDir, 'media', 'ab'), { recursive: true });
    await writeFile(join(libraryDir, 'media', 'ab', 'bericht.pdf'), '%PDF-1.4\n');
    const contents = fake.windows[0]!.webContents;
    const open = (url: string) => contents.windowOpenHandler!({ url });
    expect(open('vitrine://app/media/media/ab/bericht.pdf')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.opened).toHaveLength(1), { timeout: 10_000 });
    expect(fake.opened[0]).toBe(await realpath(join(libraryDir, 'media', 'ab', 'bericht.pdf')));
    open('vitrine://app/media/media/..%2f..%2fmanifest.json');
    open('vitrine://app/media/library.json');
    open('file:///etc/passwd');
    // A second, valid link proves the refused ones had their turn and opened nothing.
    open('vitrine://app/media/media/ab/bericht.pdf');
    await vi.waitFor(() => expect(fake.opened).toHaveLength(2), { timeout: 10_000 });
    expect(new Set(fake.opened).size).toBe(1);
  });

  it('reloads a crashed page in a new process, and stops with a message when it keeps crashing', () => {
    const contents = fake.windows[0]!.webContents;
    const before = { reloads: contents.reloads, boxes: fake.errorBoxes.length };
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(contents.reloads).toBe(before.reloads);
    for (let i = 0; i < 3; i++)
      contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(contents.reloads).toBe(before.reloads + 3);
    contents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect(contents.reloads).toBe(before.reloads + 3);
    expect(fake.errorBoxes.slice(before.boxes)).toEqual([
      expect.stringMatching(/crashed several times.*Saved work is safe/),
    ]);
  });

  it('opens the library a second launch names, and tells the page', async () => {
    const other = join(root, 'Zweite');
    const library = await createLibrary(other, {
      name: 'Zweite',
      languages: ['de'],
      defaultLanguage: 'de',
    });
    await library.close();
    fake.app.emit('second-instance', {}, ['/opt/Vitrine/vitrine', '--some-switch'], '/', {
      library: other,
    });
    const contents = fake.windows[0]!.webContents;
    await vi.waitFor(
      () =>
        expect(contents.events()).toContainEqual({
          name: 'menu',
          payload: { command: 'sessionChanged' },
        }),
      { timeout: 30_000 },
    );
    const state = (await contents.invoke('session.state', {})) as {
      value: { library: { name: string } };
    };
    expect(state.value.library.name).toBe('Zweite');
    expect(fake.log).toContain('focus');
  });
});
