import { cp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHandlers, webDialogs, type ApiService } from '../../../../../electron/core/api';
import { createLibrary } from '../../../../../electron/core/library';
import { setFaultHook, type FsStep } from '../../../../../electron/core/library/fs-atomic';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import type { UiLanguage } from '../../../../../shared/errors';
import { scriptedDialogs } from '../api/helpers';
import { hashTree, manualClock, putItem, tempDir } from '../library/helpers';

/**
 * Disk faults during a media import, through the API as the app calls it: the copy into
 * `media/.incoming`, the thumbnail, placing the file under its hash, and the store writing the
 * new item. Whichever step fails, the import is refused with a message naming the cause and what
 * to do, the library folder is byte for byte as before (no orphaned media file or thumbnail),
 * and the same import succeeds once the fault is gone.
 */
afterEach(() => void setFaultHook(null));

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

const CAUSE: Record<string, Record<UiLanguage, RegExp>> = {
  ENOSPC: { de: /Datenträger ist voll.*Speicherplatz frei/s, en: /disk is full.*Free some space/s },
  EIO: { de: /Lese-\/Schreibfehler/, en: /input\/output error/ },
};
const UNCHANGED: Record<UiLanguage, string> = {
  de: 'Die Bibliothek ist unverändert',
  en: 'The library is unchanged',
};

interface ImportAnswer {
  itemIds: string[];
  failed: Array<{ name: string; error: { code: string; message: string } }>;
}

/** The import's error, whether the file was refused or the whole call failed. */
function failure(answer: Awaited<ReturnType<ApiService['dispatch']>>) {
  if (!answer.ok) return answer.error as { code: string; message: string };
  const value = answer.value as ImportAnswer;
  expect(value.itemIds, JSON.stringify(value)).toEqual([]);
  expect(value.failed).toHaveLength(1);
  return value.failed[0]!.error;
}

describe('media import with a failing disk', () => {
  it('ENOSPC and EIO at every write step leave the library as it was', async () => {
    const root = await tempDir('vitrine-import-faults-');
    const base = join(root, 'base');
    const library = await createLibrary(base, {
      name: 'Medien',
      languages: ['de', 'en'],
      defaultLanguage: 'de',
      clock: manualClock(),
    });
    await library.apply(putItem('a'));
    await library.close();
    const photo = join(root, 'Rathaus Leeds.jpg');
    await writeFile(photo, await createSyntheticJpeg({ width: 96, height: 64, seed: 12 }));
    const work = join(root, 'work');

    async function open(lang: UiLanguage) {
      await cp(base, work, { recursive: true });
      return createApiHandlers({
        appDataDir: join(root, 'appdata'),
        lang,
        dialogs: { ...webDialogs, ...scriptedDialogs({ media: [photo] }) },
        transport: 'web',
        version: '0.1.0-test',
        logError: () => undefined,
        libraryDirOnStart: work,
        clock: () => new Date('2025-03-10T10:00:00.000Z'),
      });
    }

    // Which steps an import takes.
    let service = await open('de');
    const steps: string[] = [];
    setFaultHook((step: FsStep, path: string) => void steps.push(`${step} ${path}`));
    const first = await service.dispatch('media.importDialog', {});
    setFaultHook(null);
    expect((first as { value: ImportAnswer }).value.itemIds).toHaveLength(1);
    await service.close();
    await rm(work, { recursive: true });
    // Every part of an import is among them: the copy, the thumbnail, the placing, the store.
    const at = (step: string, where: string) =>
      steps.some((s) => s.startsWith(`${step} `) && s.includes(where));
    expect(at('write', '.incoming'), steps.join('\n')).toBe(true);
    expect(at('rename', 'thumbs'), steps.join('\n')).toBe(true);
    expect(at('link', 'media'), steps.join('\n')).toBe(true);
    expect(
      steps.some((s) => !s.includes(`${join(work, 'media')}`)),
      steps.join('\n'),
    ).toBe(true);

    let tried = 0;
    for (let n = 1; n <= steps.length; n++)
      for (const code of ['ENOSPC', 'EIO']) {
        // Each cause is read in both languages across the steps.
        const lang: UiLanguage = (n + (code === 'EIO' ? 1 : 0)) % 2 ? 'en' : 'de';
        const where = `${code} at step ${n} (${steps[n - 1]}), ${lang}`;
        service = await open(lang);
        const before = await hashTree(work);
        let count = 0;
        setFaultHook(() => {
          if (++count === n) throw errno(code);
        });
        const error = failure(await service.dispatch('media.importDialog', {}));
        setFaultHook(null);
        expect(error.code, where).toBe('FILE_UNWRITABLE');
        expect(error.message, where).toContain(code);
        expect(error.message, where).toMatch(CAUSE[code]![lang]);
        expect(error.message, where).toContain(UNCHANGED[lang]);
        expect(await hashTree(work), where).toEqual(before);
        // The fault is gone: the same import succeeds, and the item shows its picture.
        const again = await service.dispatch('media.importDialog', {});
        expect(again, where).toMatchObject({ ok: true, value: { failed: [] } });
        expect((again as { value: ImportAnswer }).value.itemIds, where).toHaveLength(1);
        const files = Object.keys(await hashTree(work));
        expect(
          files.filter((f) => /^media\/[0-9a-f]{2}\//.test(f)),
          where,
        ).toHaveLength(1);
        expect(
          files.filter((f) => f.startsWith('media/thumbs/')),
          where,
        ).toHaveLength(1);
        await service.close();
        await rm(work, { recursive: true });
        tried++;
      }
    expect(tried).toBe(steps.length * 2);
    console.log(`import faults: ${steps.length} write steps × ENOSPC and EIO`);
  }, 180_000);
});
