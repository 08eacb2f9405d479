import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary } from '../../../../../electron/core/library';
import { tempDir } from '../api/helpers';

const repo = resolve(__dirname, '../../../../..');
let outDir: string;
let rendererDir: string;

/** Runs the real bundle as a person would (`vitrine web …`) and reads what it prints. */
function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [join(outDir, 'cli', 'main.mjs'), ...args], {
    env: { ...process.env, VITRINE_LANG: 'en', VITRINE_RENDERER_DIR: rendererDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  // Waits for the ready line rather than sleeping; fails with the output if the process ends first.
  const ready = new Promise<string>((res, rej) => {
    child.stdout!.on('data', () => {
      const match = /^VITRINE_READY (\S+)$/m.exec(stdout);
      if (match) res(match[1]!);
    });
    void exited.then((code) => rej(new Error(`exited ${code}: ${stdout}${stderr}`)));
  });
  // Marked handled: runs that are expected to fail never await `ready`.
  ready.catch(() => undefined);
  return { child, ready, exited, out: () => stdout, err: () => stderr };
}

const running: ChildProcess[] = [];

beforeAll(async () => {
  await mkdir(join(repo, '.tmp'), { recursive: true });
  // Inside the repository so the bundle finds node_modules; .tmp/ is ignored by git.
  outDir = await mkdtemp(join(repo, '.tmp', 'cli-build-'));
  const built = spawnSync(
    process.execPath,
    [join(repo, 'electron', 'build.mjs'), '--outdir', outDir, '--only', 'cli'],
    {
      encoding: 'utf8',
    },
  );
  expect(built.status, built.stderr).toBe(0);
  rendererDir = join(await tempDir('vitrine-renderer-'), 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>Vitrine test page</title>',
  );
});

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('vitrine web', () => {
  it('serves the library given on the command line and stops cleanly on SIGTERM', async () => {
    const root = await tempDir('vitrine-cli-web-');
    const lib = join(root, 'lib');
    const library = await createLibrary(lib, {
      name: 'Buffalo',
      languages: ['de', 'en'],
      defaultLanguage: 'de',
    });
    await library.close();
    const run = startCli([
      'web',
      lib,
      '--port',
      '0',
      '--no-open',
      '--app-data',
      join(root, 'appdata'),
    ]);
    running.push(run.child);
    const url = await run.ready;
    expect(run.out()).toContain(`Vitrine web: ${url}\n`);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const origin = new URL(url).origin;
    const token = new URL(url).searchParams.get('token')!;

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Vitrine test page');
    expect((await fetch(`${origin}/`)).status).toBe(401);

    const state = await fetch(`${origin}/api/session.state`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await state.json()).toMatchObject({
      ok: true,
      value: { library: { name: 'Buffalo', readOnly: false } },
    });
    expect(existsSync(join(lib, '.vitrine.lock'))).toBe(true);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    // The writer lock is released on the way out.
    expect(existsSync(join(lib, '.vitrine.lock'))).toBe(false);
  });

  it('refuses a bad port and a folder that is not a library, with exit code 2', async () => {
    const root = await tempDir('vitrine-cli-web-');
    const badPort = startCli([
      'web',
      '--port',
      'eighty',
      '--no-open',
      '--app-data',
      join(root, 'a'),
    ]);
    running.push(badPort.child);
    expect(await badPort.exited).toBe(2);
    const missing = startCli([
      'web',
      join(root, 'nothing-here'),
      '--no-open',
      '--app-data',
      join(root, 'a'),
    ]);
    running.push(missing.child);
    expect(await missing.exited).toBe(2);
    expect(missing.err()).toMatch(/library/i);
  });
});
