import { cp, open as openFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLibrary, openLibrary } from '../../../../../electron/core/library';
import { setFaultHook, type FsStep } from '../../../../../electron/core/library/fs-atomic';
import type { CommandInput } from '../../../../../shared/domain/commands';
import {
  caught,
  exhibitionInput,
  hashTree,
  manualClock,
  putItem,
  putPartnership,
  tempDir,
} from './helpers';
import { mountSmallDisk, mountUnavailable } from './tmpfs';

/**
 * Disk faults: a write step of a change fails (disk full, I/O error, no permission, read-only).
 * Each time the change is refused with a message naming the cause and what to do, the library on
 * disk is byte for byte as before, the open library keeps working, and the same change succeeds
 * once the fault is gone.
 */
afterEach(() => void setFaultHook(null));

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** Records every step a command takes, so each one can be made to fail in turn. */
function recorder() {
  const steps: string[] = [];
  setFaultHook((step: FsStep, path: string) => void steps.push(`${step} ${path}`));
  return steps;
}

function failAt(n: number, code: string) {
  let count = 0;
  setFaultHook(() => {
    if (++count === n) throw errno(code);
  });
}

const REMEDY: Record<string, RegExp> = {
  ENOSPC: /Datenträger ist voll.*Speicherplatz frei.*\n?.*/s,
  EIO: /Lese-\/Schreibfehler/,
  EACCES: /Schreibberechtigung/,
  EROFS: /schreibgeschützt/,
};
const REMEDY_EN: Record<string, RegExp> = {
  ENOSPC: /disk is full.*Free some space/s,
  EIO: /input\/output error/,
  EACCES: /no permission/,
  EROFS: /read-only/,
};

async function baseLibrary() {
  const dir = join(await tempDir(), 'base');
  const clock = manualClock();
  const library = await createLibrary(dir, {
    name: 'Fehler',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
    clock,
  });
  await library.apply(putItem('a'));
  await library.apply(putItem('z'));
  await library.apply(putPartnership('leeds'));
  await library.apply({ type: 'putExhibition', exhibition: exhibitionInput('e1', ['a', 'z']) });
  await library.close();
  return dir;
}

const COMMANDS: Record<string, CommandInput> = {
  edit: putItem('a', { title: { de: 'Geändert', en: 'Changed' } }),
  batch: {
    type: 'batch',
    commands: [
      putPartnership('kumasi', { country: 'GH' }),
      putItem('b', { partnershipIds: ['kumasi'] }),
      putItem('c'),
      { type: 'updateManifest', name: 'Neu' },
    ],
  },
  'forced delete': { type: 'delete', collection: 'items', id: 'z', force: true },
};

describe('a failing write step leaves the library as it was', () => {
  for (const [name, command] of Object.entries(COMMANDS))
    it(`${name}: ENOSPC and EIO at every step, EACCES and EROFS on the folder`, async () => {
      const base = await baseLibrary();
      const work = join(await tempDir(), 'work');
      // Which steps the command takes.
      await cp(base, work, { recursive: true });
      let library = await openLibrary(work, { clock: manualClock() });
      const steps = recorder();
      await library.apply(command);
      setFaultHook(null);
      await library.close();
      await rm(work, { recursive: true });
      expect(steps.length).toBeGreaterThan(3);

      let tried = 0;
      // A folder without permission or on a read-only disk refuses the first write already.
      const cases = [
        ...steps.flatMap((_, i) => [
          { n: i + 1, code: 'ENOSPC' },
          { n: i + 1, code: 'EIO' },
        ]),
        { n: 1, code: 'EACCES' },
        { n: 1, code: 'EROFS' },
      ];
      for (const { n, code } of cases) {
        const where = `${name}, ${code} at step ${n} (${steps[n - 1]})`;
        await cp(base, work, { recursive: true });
        library = await openLibrary(work, { clock: manualClock() });
        const before = await hashTree(work);
        const snapshot = library.snapshot();
        failAt(n, code);
        const error = await caught(() => library.apply(command));
        setFaultHook(null);
        expect(error.code, where).toBe('FILE_UNWRITABLE');
        expect(error.messages.de, where).toMatch(REMEDY[code]!);
        expect(error.messages.en, where).toMatch(REMEDY_EN[code]!);
        expect(error.messages.de, where).toContain(code);
        expect(error.messages.en, where).toContain('The library is unchanged');
        expect(await hashTree(work), where).toEqual(before);
        expect(library.snapshot(), where).toEqual(snapshot);
        // The fault is gone: the same command on the same open library succeeds.
        const ok = await library.apply(command);
        expect(ok.revision, where).toBe(snapshot.revision + 1);
        await library.close();
        const reopened = await openLibrary(work, { readOnly: true });
        expect(reopened.revision, where).toBe(snapshot.revision + 1);
        await reopened.close();
        await rm(work, { recursive: true });
        tried++;
      }
      expect(tried).toBe(steps.length * 2 + 2);
    }, 120_000);
});

describe.skipIf(mountUnavailable)('on a real small disk', () => {
  if (mountUnavailable) console.log(`skipped: ${mountUnavailable}`);

  it('a full disk refuses the edit, changes nothing, and the edit succeeds after space is freed', async () => {
    const disk = await mountSmallDisk('2m');
    try {
      const dir = join(disk.dir, 'lib');
      const library = await createLibrary(dir, {
        name: 'Voll',
        languages: ['de'],
        defaultLanguage: 'de',
        clock: manualClock(),
      });
      await library.apply(putItem('a'));
      // Fill the disk up to the last block.
      const filler = join(disk.dir, 'filler');
      const handle = await openFile(filler, 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) await handle.write(chunk);
      } catch (error) {
        expect((error as { code?: string }).code).toBe('ENOSPC');
      }
      try {
        for (;;) await handle.write(chunk.subarray(0, 512));
      } catch {
        /* full to the byte */
      }
      await handle.close();
      const before = await hashTree(dir);
      const command = putItem('a', { description: { de: 'ü'.repeat(20_000) } });
      const error = await caught(() => library.apply(command));
      expect(error.code).toBe('FILE_UNWRITABLE');
      expect(error.messages.de).toContain('Der Datenträger ist voll');
      expect(error.messages.en).toContain('Free some space');
      expect(await hashTree(dir)).toEqual(before);
      // A batch (journaled) fails the same way.
      const batch = await caught(() =>
        library.apply({ type: 'batch', commands: [command, putItem('b')] }),
      );
      expect(batch.code).toBe('FILE_UNWRITABLE');
      expect(await hashTree(dir)).toEqual(before);

      await rm(filler);
      const ok = await library.apply(command);
      expect(ok.revision).toBe(2);
      await library.close();
      const reopened = await openLibrary(dir, { readOnly: true });
      expect(reopened.get('items', 'a')?.description?.de).toHaveLength(20_000);
      await reopened.close();
    } finally {
      await disk.unmount();
    }
  }, 60_000);

  it('a folder on a read-only disk: edits refused with the cause, read-only opening works', async () => {
    const disk = await mountSmallDisk('2m');
    try {
      const dir = join(disk.dir, 'lib');
      const library = await createLibrary(dir, {
        name: 'Nur lesen',
        languages: ['de'],
        defaultLanguage: 'de',
        clock: manualClock(),
      });
      await library.apply(putItem('a'));
      const before = await hashTree(dir);
      disk.readOnly(true);
      const error = await caught(() => library.apply(putItem('b')));
      expect(error.code).toBe('FILE_UNWRITABLE');
      expect(error.messages.de).toContain('EROFS');
      expect(error.messages.de).toContain('schreibgeschützt');
      expect(error.messages.en).toContain('read-only');
      expect(await hashTree(dir)).toEqual(before);
      disk.readOnly(false);
      expect((await library.apply(putItem('b'))).revision).toBe(2);
      await library.close();

      disk.readOnly(true);
      const opening = await caught(() => openLibrary(dir));
      expect(opening.code).toBe('FILE_UNWRITABLE');
      expect(opening.messages.en).toContain('cannot be opened for editing');
      expect(opening.messages.en).toContain('read-only');
      const reader = await openLibrary(dir, { readOnly: true });
      expect(reader.get('items', 'b')).toBeDefined();
      await reader.close();
      disk.readOnly(false);
    } finally {
      await disk.unmount();
    }
  }, 60_000);
});
