import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` on a machine without Electron's binary (an office proxy, this build machine): one
 * paragraph in the user's language, exit code 1, no stack trace. The binary is made absent for
 * sure by pointing ELECTRON_OVERRIDE_DIST_PATH at an empty folder (the `electron` package's own
 * override, which also means no download is attempted).
 */
const repo = resolve(__dirname, '../../..');
let empty: string;

beforeAll(async () => {
  empty = await mkdtemp(join(tmpdir(), 'vitrine-no-electron-'));
});
afterAll(async () => {
  await rm(empty, { recursive: true, force: true });
});

function start(lang: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty, LANG: lang };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.VITRINE_LANG;
  return spawnSync(process.execPath, ['electron/start.mjs'], { cwd: repo, env, encoding: 'utf8' });
}

describe('npm start without the Electron binary', () => {
  it('is what `npm start` runs after the build', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('npm run build && node electron/start.mjs');
  });

  it('explains in German what is missing, how to get it, and the browser way meanwhile', () => {
    const result = start('de_DE.UTF-8');
    expect(result.status).toBe(1);
    const text = result.stderr.trim();
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain('Die Laufzeit Electron fehlt');
    expect(text).toContain(join(empty, 'electron'));
    expect(text).toContain('npx install-electron --no');
    expect(text).toContain('ELECTRON_MIRROR=');
    expect(text).toContain('Installationspaket');
    expect(text).toContain('npm run web -- ORDNER');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at |Error:/m);
  });

  it('speaks English to an English-speaking user', () => {
    const result = start('en_GB.UTF-8');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the Electron runtime is missing');
    expect(result.stderr).toContain('npm run web -- FOLDER');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
