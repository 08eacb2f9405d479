import { open as openFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportExhibition } from '../../../../../electron/core/export';
import { setFaultHook } from '../../../../../electron/core/library/fs-atomic';
import type { AppError } from '../../../../../shared/errors';
import { hashTree } from '../../../../e2e/export/helpers';
import { mountSmallDisk, mountUnavailable } from '../library/tmpfs';
import { makeLibrary } from './library-fixture';

/**
 * An export whose disk fails (full, I/O error) at a write step: the export is refused with a
 * message naming the cause, the previous export at the target and the library are untouched, no
 * temp folder is left, and the same export succeeds once the fault is gone.
 */
const SLUG = '50-jahre-dortmund-leeds';
let lib: Awaited<ReturnType<typeof makeLibrary>>;
beforeAll(async () => {
  lib = await makeLibrary();
});
afterAll(async () => {
  await rm(lib.dir, { recursive: true, force: true });
});
afterEach(() => void setFaultHook(null));

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

async function caughtExport(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the export to fail');
}

/** The library without its derivative cache, which an export may fill. */
async function libraryFiles(dir: string) {
  const all = await hashTree(dir);
  return Object.fromEntries(Object.entries(all).filter(([rel]) => !rel.startsWith('cache')));
}

describe('export with a failing disk', () => {
  it('ENOSPC and EIO at every kind of write step leave the previous export untouched', async () => {
    const parent = path.join(path.dirname(lib.dir), `${path.basename(lib.dir)}-faults`);
    const outDir = path.join(parent, 'bundle');
    const run = (zip = false) =>
      exportExhibition({
        libraryDir: lib.dir,
        snapshot: lib.snapshot,
        exhibition: SLUG,
        mode: 'web',
        outDir: zip ? path.join(parent, 'bundle.zip') : outDir,
        force: true,
        zip,
      });
    await run();
    await run(true);
    const steps: string[] = [];
    setFaultHook((step, p) => void steps.push(`${step} ${path.relative(parent, p)}`));
    await run();
    setFaultHook(null);
    // Every step of a kind fails alike; the cases are each kind's first and last step, every
    // step of the commit (the renames), and the zip's write.
    const kinds = new Map<string, number[]>();
    steps.forEach((s, i) => {
      const kind = s.startsWith('rename') ? s : s.split(' ')[0]!;
      kinds.set(kind, [...(kinds.get(kind) ?? []), i + 1]);
    });
    const picks = new Set<number>();
    for (const list of kinds.values()) picks.add(list[0]!).add(list[list.length - 1]!);
    expect([...kinds.keys()].some((k) => k.startsWith('rename'))).toBe(true);
    expect(kinds.has('write') && kinds.has('copy') && kinds.has('mkdir')).toBe(true);

    const library = await libraryFiles(lib.dir);
    const cases = [...picks].flatMap((n) => [
      { n, code: 'ENOSPC', zip: false },
      { n, code: 'EIO', zip: false },
    ]);
    cases.push({ n: 0, code: 'ENOSPC', zip: true }, { n: 0, code: 'EIO', zip: true });
    for (const { n, code, zip } of cases) {
      const where = `${code} at ${zip ? 'the zip write' : `step ${n} (${steps[n - 1]})`}`;
      const target = zip ? path.join(parent, 'bundle.zip') : outDir;
      const before = zip ? null : await hashTree(target);
      let count = 0;
      setFaultHook((step, p) => {
        count++;
        if (zip ? p.endsWith(`${path.sep}bundle.zip`) && step === 'write' : count === n)
          throw errno(code);
      });
      const error = await caughtExport(() => run(zip));
      setFaultHook(null);
      expect(error.code, where).toBe('FILE_UNWRITABLE');
      expect(error.messages.de, where).toContain(code);
      expect(error.messages.de, where).toContain('Export konnte nicht geschrieben werden');
      expect(error.messages.en, where).toContain('An existing export at the target is unchanged');
      if (before) expect(await hashTree(target), where).toEqual(before);
      // No temp folder or set-aside old bundle is left next to the target.
      expect((await readdir(parent)).sort(), where).toEqual(['bundle', 'bundle.zip']);
      expect(await libraryFiles(lib.dir), where).toEqual(library);
    }
    // The fault is gone: the same export succeeds.
    await expect(run()).resolves.toMatchObject({ outPath: outDir });
    await rm(parent, { recursive: true, force: true });
  }, 180_000);
});

describe.skipIf(mountUnavailable)('export to a real small disk', () => {
  if (mountUnavailable) console.log(`skipped: ${mountUnavailable}`);

  it('a target disk that fills up keeps the previous export and works after space is freed', async () => {
    const disk = await mountSmallDisk('8m');
    try {
      const outDir = path.join(disk.dir, 'bundle');
      const run = () =>
        exportExhibition({
          libraryDir: lib.dir,
          snapshot: lib.snapshot,
          exhibition: SLUG,
          mode: 'web',
          outDir,
          force: true,
        });
      await run();
      const before = await hashTree(outDir);
      const filler = path.join(disk.dir, 'filler');
      const handle = await openFile(filler, 'w');
      try {
        for (;;) await handle.write(Buffer.alloc(64 * 1024, 1));
      } catch (error) {
        expect((error as { code?: string }).code).toBe('ENOSPC');
      }
      await handle.close();
      const error = await caughtExport(run);
      expect(error.code).toBe('FILE_UNWRITABLE');
      expect(error.messages.de).toContain('Der Datenträger ist voll');
      expect(error.messages.en).toContain('Free some space');
      expect(await hashTree(outDir)).toEqual(before);
      expect((await readdir(disk.dir)).sort()).toEqual(['bundle', 'filler']);
      await rm(filler);
      await expect(run()).resolves.toMatchObject({ outPath: outDir });
      expect(await hashTree(outDir)).toEqual(before);
    } finally {
      await disk.unmount();
    }
  }, 120_000);
});
