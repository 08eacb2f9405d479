import { rm, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerExport } from '../../../../../electron/core/cli/commands/export';
import type { CliContext } from '../../../../../electron/core/cli/context';
import { checkForExport, exportExhibition } from '../../../../../electron/core/export';
import { mediaPath } from '../../../../../shared/domain';
import { AppError } from '../../../../../shared/errors';
import { makeLibrary, makeStoreLibrary } from './library-fixture';

/** The pre-publication check in front of export: errors block (even with --force), warnings pass. */
const SLUG = '50-jahre-dortmund-leeds';
let lib: Awaited<ReturnType<typeof makeLibrary>>;
let broken: Awaited<ReturnType<typeof makeLibrary>>;
let store: string;
let brokenStore: string;

beforeAll(async () => {
  lib = await makeLibrary();
  broken = await makeLibrary();
  // A media file the exhibition shows is gone from disk: an error.
  const item = broken.snapshot.items.find((i) => i.id === 'item-2')!;
  await unlink(path.join(broken.dir, mediaPath(item.media[0]!)));
  store = await makeStoreLibrary(lib, 'store');
  brokenStore = await makeStoreLibrary(broken, 'store');
});
afterAll(async () => {
  await rm(lib.dir, { recursive: true, force: true });
  await rm(broken.dir, { recursive: true, force: true });
  await rm(store, { recursive: true, force: true });
  await rm(brokenStore, { recursive: true, force: true });
});

const sibling = (dir: string, name: string) =>
  path.join(path.dirname(dir), `${path.basename(dir)}-${name}`);

function context(): CliContext & { out: string; err: string } {
  const ctx = {
    lang: 'en' as const,
    version: 'test',
    out: '',
    err: '',
    isTTY: false,
    exitCode: undefined as number | undefined,
    stdout: (s: string) => void (ctx.out += s),
    stderr: (s: string) => void (ctx.err += s),
  };
  return ctx;
}

async function cli(args: string[]) {
  const ctx = context();
  const p = new Command('vitrine')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  registerExport(p, ctx);
  await p.parseAsync(['export', ...args], { from: 'user' });
  return ctx;
}

describe('checkForExport', () => {
  it('sorts the problems of one exhibition and mode into errors, warnings and notes', async () => {
    const check = await checkForExport({
      libraryDir: lib.dir,
      snapshot: lib.snapshot,
      exhibition: SLUG,
      mode: 'kiosk',
    });
    expect(check.exhibitionId).toBe('x1');
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((p) => p.rule)).toContain('kiosk-link');
    const web = await checkForExport({
      libraryDir: lib.dir,
      snapshot: lib.snapshot,
      exhibition: 'x1',
      mode: 'web',
    });
    expect(web.warnings.map((p) => p.rule)).not.toContain('kiosk-link');
  });

  it('finds a media file missing on disk as an error at the item', async () => {
    const check = await checkForExport({
      libraryDir: broken.dir,
      snapshot: broken.snapshot,
      exhibition: SLUG,
      mode: 'web',
    });
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]).toMatchObject({
      rule: 'media-missing',
      target: { collection: 'items', id: 'item-2', path: 'media[0]' },
      context: { collection: 'exhibitions', id: 'x1' },
    });
  });
});

describe('export behind the check', () => {
  it('refuses with EXPORT_BLOCKED, the problems as details, and writes nothing', async () => {
    const target = sibling(broken.dir, 'blocked');
    const err = await exportExhibition({
      libraryDir: broken.dir,
      snapshot: broken.snapshot,
      exhibition: SLUG,
      mode: 'web',
      outDir: target,
      force: true,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const app = err as AppError;
    expect(app.code).toBe('EXPORT_BLOCKED');
    expect(app.messageIn('de')).toMatch(/1 Fehler/);
    expect(app.messageIn('en')).toMatch(/1 error/);
    const details = app.details as { errors: Array<{ rule: string }>; warnings: unknown[] };
    expect(details.errors.map((p) => p.rule)).toEqual(['media-missing']);
    expect(details.warnings.length).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(path.dirname(target))).toBe(true);
  });

  it('blocks an exhibition without chapters, read from the snapshot alone', async () => {
    const snapshot = structuredClone(lib.snapshot);
    snapshot.exhibitions[0]!.chapters = [];
    await expect(
      exportExhibition({
        libraryDir: lib.dir,
        snapshot,
        exhibition: SLUG,
        mode: 'kiosk',
        outDir: sibling(lib.dir, 'empty'),
      }),
    ).rejects.toMatchObject({ code: 'EXPORT_BLOCKED' });
    expect(existsSync(sibling(lib.dir, 'empty'))).toBe(false);
  });

  it('passes with warnings and returns them with the result', async () => {
    const target = sibling(lib.dir, 'warned');
    const result = await exportExhibition({
      libraryDir: lib.dir,
      snapshot: lib.snapshot,
      exhibition: SLUG,
      mode: 'web',
      outDir: target,
      languages: ['de'],
    });
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.warnings.every((p) => p.severity === 'warning')).toBe(true);
    await rm(target, { recursive: true, force: true });
  });
});

describe('vitrine export with the check', () => {
  it('prints errors and warnings with place and hint and exits 1, even with --force', async () => {
    const target = sibling(broken.dir, 'cli-blocked');
    const ctx = await cli([
      brokenStore,
      '--exhibition',
      SLUG,
      '--mode',
      'web',
      '--out',
      target,
      '--force',
    ]);
    expect(ctx.exitCode).toBe(1);
    expect(ctx.err).toMatch(/\[error\] items\/item-2 media\[0\]: Media file missing: media\//);
    expect(ctx.err).toMatch(/→ Import the file again/);
    expect(ctx.err).toMatch(/\[warning\] items\/item-doc rights: Rights missing/);
    expect(ctx.err).toMatch(/Export blocked: 1 errors, \d+ warnings/);
    expect(ctx.out).toBe('');
    expect(existsSync(target)).toBe(false);
  });

  it('prints warnings and exports anyway', async () => {
    const target = sibling(lib.dir, 'cli-warned');
    const ctx = await cli([
      store,
      '--exhibition',
      SLUG,
      '--mode',
      'kiosk',
      '--out',
      target,
      '--lang',
      'de',
    ]);
    expect(ctx.exitCode).toBeUndefined();
    expect(ctx.err).toMatch(
      /\[warning\] exhibitions\/x1 chapters\[0\]\.blocks\[0\]\.body\.de: The link/,
    );
    expect(ctx.err).toMatch(/\d+ warnings; exporting anyway/);
    expect(ctx.err).not.toMatch(/\[error\]/);
    expect(ctx.out).toMatch(/^Exported to /);
    expect(existsSync(path.join(target, 'index.html'))).toBe(true);
    await rm(target, { recursive: true, force: true });
  });
});
