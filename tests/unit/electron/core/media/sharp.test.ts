import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSharpLoader,
  imageBackendName,
  loadSharp,
} from '../../../../../electron/core/media/sharp';

describe('image backend', () => {
  it('loads sharp lazily and works', async () => {
    const sharp = await loadSharp();
    const png = await sharp({
      create: { width: 4, height: 3, channels: 3, background: '#c03' },
    })
      .png()
      .toBuffer();
    expect((await sharp(png).metadata()).width).toBe(4);
    expect(imageBackendName(sharp)).toBe('native');
  });

  it('turns a missing platform binary into a clear message, and tries again next time', async () => {
    let calls = 0;
    const load = createSharpLoader(async () => {
      calls++;
      throw new Error(
        'Could not load the "sharp" module using the win32-x64 runtime\nPossible solutions: …',
      );
    });
    const failure = await load().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'MEDIA_UNSUPPORTED' });
    const { messages } = failure as { messages: { de: string; en: string } };
    expect(messages.de).toContain('Bildverarbeitung (sharp) ist nicht verfügbar');
    expect(messages.de).toContain('Alles andere funktioniert weiter');
    expect(messages.en).toContain('win32-x64 runtime');
    expect(messages.en).not.toContain('Possible solutions');
    await load().catch(() => undefined);
    expect(calls).toBe(2);
  });

  it("works with sharp's WebAssembly build alone, as in the Linux desktop package", async () => {
    // A package tree with sharp and no native binary, outside the repository (whose
    // node_modules holds the native one), as electron-builder packs it for Linux.
    const repo = resolve(__dirname, '../../../../..');
    const root = await mkdtemp(join(tmpdir(), 'vitrine-wasm-'));
    try {
      const tree = join(root, 'node_modules');
      const sharpPkg = JSON.parse(
        await readFile(join(repo, 'node_modules/sharp/package.json'), 'utf8'),
      );
      for (const name of new Set([
        'sharp',
        '@img/sharp-wasm32',
        '@emnapi/runtime',
        'tslib',
        ...Object.keys(sharpPkg.dependencies ?? {}),
      ])) {
        const from = join(repo, 'node_modules', name);
        if (!existsSync(from)) continue;
        await mkdir(dirname(join(tree, name)), { recursive: true });
        await cp(from, join(tree, name), { recursive: true });
      }
      const load = createSharpLoader(async () =>
        createRequire(join(tree, 'sharp', 'package.json'))('sharp'),
      );
      const sharp = await load();
      expect(imageBackendName(sharp)).toBe('wasm');
      const jpeg = await sharp({
        create: { width: 640, height: 480, channels: 3, background: '#246' },
      })
        .jpeg()
        .toBuffer();
      const thumb = await sharp(jpeg).resize({ width: 200 }).webp().toBuffer();
      expect(await sharp(thumb).metadata()).toMatchObject({ format: 'webp', width: 200 });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
