import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { exportExhibition } from '../../../electron/core/export';
import { copyLibrary } from '../harness/library';

const repo = resolve(__dirname, '../../..');

/** As in app.test.ts: the binary's path without requiring `electron` (that would download it). */
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

describe('Electron kiosk player', () => {
  it('shows the attract screen full screen and reloads the start page after a renderer crash', async (ctx) => {
    const binary = electronBinary();
    if (!binary.exists) {
      const reason = `Electron binary not found at ${binary.path} (install it or set ELECTRON_OVERRIDE_DIST_PATH)`;
      console.warn(`[electron kiosk e2e] skipped: ${reason}`);
      ctx.skip(reason);
      return;
    }
    const work = await mkdtemp(join(tmpdir(), 'vitrine-electron-kiosk-'));
    const app = await (async () => {
      const bundle = join(work, 'bundle');
      await exportExhibition({
        libraryDir: await copyLibrary(inject('sampleTemplate')),
        exhibition: '50-jahre-dortmund-leeds',
        mode: 'kiosk',
        outDir: bundle,
      });
      return electron.launch({
        executablePath: binary.path,
        args: [
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          join(repo, 'dist/electron/kiosk-main.cjs'),
          bundle,
          '--data',
          join(work, 'data'),
        ],
        timeout: 60_000,
      });
    })();
    try {
      const page = await app.firstWindow();
      await page.locator('[data-attract]:not([hidden])').waitFor({ timeout: 30_000 });
      expect(
        await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk()),
      ).toBe(true);
      await app.evaluate(({ BrowserWindow }) =>
        BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer(),
      );
      const again = await app.firstWindow();
      await again.locator('[data-attract]:not([hidden])').waitFor({ timeout: 30_000 });
    } finally {
      await app.close().catch(() => undefined);
      await rm(work, { recursive: true, force: true });
    }
  });
});
