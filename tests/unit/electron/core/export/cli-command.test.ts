import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerExport } from '../../../../../electron/core/cli/commands/export';
import type { CliContext } from '../../../../../electron/core/cli/context';
import { AppError } from '../../../../../shared/errors';
import { cp } from 'node:fs/promises';
import { createLibrary } from '../../../../../electron/core/library';
import { listFiles } from '../../../../e2e/export/helpers';
import { makeLibrary } from './library-fixture';

/** `vitrine export` through commander with a captured context, on a real store library. */
let lib: Awaited<ReturnType<typeof makeLibrary>>;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await rm(lib.dir, { recursive: true, force: true });
});

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

function program(ctx: CliContext): Command {
  const p = new Command('vitrine')
    .exitOverride()
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  registerExport(p, ctx);
  return p;
}

describe('vitrine export', () => {
  it('exports a library written by the store and reports what it did', async () => {
    const dir = path.join(path.dirname(lib.dir), `${path.basename(lib.dir)}-store`);
    const library = await createLibrary(dir, {
      name: 'Test',
      languages: ['de', 'en', 'ar'],
      defaultLanguage: 'de',
    });
    const { items, partnerships, awards, exhibitions } = lib.snapshot;
    await library.apply({
      type: 'batch',
      commands: [
        ...items.map((item) => ({ type: 'putItem' as const, item })),
        ...partnerships.map((partnership) => ({ type: 'putPartnership' as const, partnership })),
        ...awards.map((award) => ({ type: 'putAward' as const, award })),
        ...exhibitions.map((exhibition) => ({ type: 'putExhibition' as const, exhibition })),
      ],
    });
    await library.close();
    await cp(path.join(lib.dir, 'media'), path.join(dir, 'media'), { recursive: true });
    const ctx = context();
    const target = path.join(dir, '..', `${path.basename(dir)}-bundle`);
    await program(ctx).parseAsync(
      [
        'export',
        dir,
        '--exhibition',
        '50-jahre-dortmund-leeds',
        '--mode',
        'kiosk',
        '--out',
        target,
        '--lang',
        'de,en',
        '--idle',
        '30',
      ],
      { from: 'user' },
    );
    // Start, credits and the chapters per language; a kiosk has no search page unless its
    // exhibition's settings enable one.
    expect(ctx.out).toMatch(/^Exported to .*: 9 pages, \d+ files, .* languages de, en;/);
    expect(ctx.err).toMatch(/Export 100%/);
    expect(await listFiles(target)).toContain('en/index.html');
    await rm(dir, { recursive: true, force: true });
    await rm(target, { recursive: true, force: true });
  });

  it('rejects an unknown mode and a bad idle time', async () => {
    const ctx = context();
    await expect(
      program(ctx).parseAsync(
        ['export', lib.dir, '--exhibition', 'x', '--mode', 'tv', '--out', '/tmp/x'],
        { from: 'user' },
      ),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      program(ctx).parseAsync(
        [
          'export',
          lib.dir,
          '--exhibition',
          'x',
          '--mode',
          'kiosk',
          '--out',
          '/tmp/x',
          '--idle',
          'soon',
        ],
        { from: 'user' },
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('requires --exhibition, --mode and --out', async () => {
    const ctx = context();
    await expect(
      program(ctx).parseAsync(['export', lib.dir, '--mode', 'web'], { from: 'user' }),
    ).rejects.toThrow();
    expect(ctx.err).toMatch(/required option/);
  });

  it('fails without writing anything when the library cannot be read', async () => {
    const ctx = context();
    const target = path.join(path.dirname(lib.dir), `${path.basename(lib.dir)}-cli-out`);
    await expect(
      program(ctx).parseAsync(
        [
          'export',
          path.join(lib.dir, 'missing'),
          '--exhibition',
          '50-jahre-dortmund-leeds',
          '--mode',
          'web',
          '--out',
          target,
        ],
        { from: 'user' },
      ),
    ).rejects.toBeInstanceOf(Error);
    await expect(listFiles(target)).rejects.toThrow();
  });
});
