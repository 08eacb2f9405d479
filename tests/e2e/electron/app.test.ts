import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(__dirname, '../../..');

/**
 * Where the Electron binary would be, found the way the `electron` package finds it but without
 * requiring it (requiring it starts a download, which cannot work on these machines).
 */
function electronBinary(env: NodeJS.ProcessEnv = process.env): { path: string; exists: boolean } {
  const pkg = join(repo, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const fallback =
    process.platform === 'win32'
      ? 'electron.exe'
      : process.platform === 'darwin'
        ? 'Electron.app/Contents/MacOS/Electron'
        : 'electron';
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : fallback;
  const path = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(pkg, 'dist', relative);
  return { path, exists: existsSync(path) };
}

let app: ElectronApplication | null = null;
let profile: string | null = null;

afterEach(async () => {
  await app?.close().catch(() => undefined);
  app = null;
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('Electron app', () => {
  it('opens, shows the start screen, and opens the sample library', async (ctx) => {
    const binary = electronBinary();
    if (!binary.exists) {
      // The one skip the project allows: the Electron binary cannot be downloaded everywhere.
      const reason = `Electron binary not found at ${binary.path} (install it or set ELECTRON_OVERRIDE_DIST_PATH)`;
      console.warn(`[electron e2e] skipped: ${reason}`);
      ctx.skip(reason);
      return;
    }
    profile = await mkdtemp(join(tmpdir(), 'vitrine-electron-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repo],
      env: { ...process.env, VITRINE_APP_DATA: profile, VITRINE_LANG: 'de' },
      timeout: 60_000,
    });
    const page = await app.firstWindow();
    expect(page.url()).toBe('vitrine://app/index.html');
    await page
      .getByRole('heading', { level: 1, name: 'Willkommen bei Vitrine' })
      .waitFor({ timeout: 30_000 });

    // The page sees the contract and nothing of Node or IPC.
    const surface = await page.evaluate(() => ({
      vitrine: typeof (window as unknown as { vitrine?: { library?: { openSample?: unknown } } })
        .vitrine?.library?.openSample,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(surface).toEqual({
      vitrine: 'function',
      require: 'undefined',
      process: 'undefined',
      ipc: 'undefined',
    });

    await page.getByRole('button', { name: 'Beispielbibliothek öffnen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bibliothek' }).waitFor({ timeout: 90_000 });
    await page.getByTestId('item-grid').getByRole('listitem').first().waitFor();
    expect(await page.getByTestId('item-grid').innerText()).toMatch(/Leeds/);
  });
});
