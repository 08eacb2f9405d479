import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMediaImporter,
  createSyntheticJpeg,
  type ImportResult,
} from '../../../../../electron/core/media';
import { MediaAsset, mediaPath, thumbnailPath } from '../../../../../shared/domain';
import {
  listFiles,
  makeElf,
  makeMp4,
  makePdf,
  makePngHeaderOnly,
  makeWav,
  makeXmp,
  tempLibrary,
} from './fixtures';

let root: string;
let libraryDir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ root, libraryDir, cleanup } = await tempLibrary());
});
afterEach(async () => {
  await cleanup();
});

async function source(name: string, data: Buffer | Uint8Array): Promise<string> {
  const file = path.join(root, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
  return file;
}

function imported(result: ImportResult) {
  if (result.status !== 'imported') {
    throw new Error(
      `expected imported, got ${result.status}: ${result.status === 'rejected' ? result.error.message : ''}`,
    );
  }
  return result;
}

function rejected(result: ImportResult) {
  if (result.status !== 'rejected') throw new Error(`expected rejected, got ${result.status}`);
  return result.error;
}

const mediaFiles = () => listFiles(path.join(libraryDir, 'media'));

async function photo(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } });
}

describe('importFile: images', () => {
  it('stores a JPEG with EXIF orientation 6 under its hash, with oriented size and a thumbnail', async () => {
    const data = await (await photo(1200, 800)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const file = await source('Leeds 1974.JPG', data);
    const result = imported(await createMediaImporter({ libraryDir }).importFile(file));
    const { asset } = result;

    expect(MediaAsset.parse(asset)).toEqual(asset);
    expect(asset).toMatchObject({
      mime: 'image/jpeg',
      ext: 'jpg',
      kind: 'image',
      bytes: data.length,
    });
    expect(asset.originalName).toBe('Leeds 1974.JPG');
    // The file is 1200 × 800 on disk; shown upright it is portrait.
    expect([asset.width, asset.height]).toEqual([800, 1200]);

    const stored = await readFile(path.join(libraryDir, mediaPath(asset)));
    expect(stored.equals(data)).toBe(true);
    const thumb = await sharp(path.join(libraryDir, thumbnailPath(asset.sha256))).metadata();
    expect(thumb.format).toBe('webp');
    expect(Math.max(thumb.width, thumb.height)).toBe(400);
    expect(thumb.height).toBeGreaterThan(thumb.width);
    expect(await mediaFiles()).toEqual([
      mediaPath(asset).slice(6),
      thumbnailPath(asset.sha256).slice(6),
    ]);
  });

  it('applies EXIF orientation 6 in a PNG too', async () => {
    const data = await (await photo(600, 300)).png().withMetadata({ orientation: 6 }).toBuffer();
    const { asset } = imported(
      await createMediaImporter({ libraryDir }).importFile(await source('scan.png', data)),
    );
    expect(asset).toMatchObject({ mime: 'image/png', ext: 'png', width: 300, height: 600 });
    const thumb = await sharp(path.join(libraryDir, thumbnailPath(asset.sha256))).metadata();
    expect([thumb.width, thumb.height]).toEqual([200, 400]);
  });

  it('never enlarges a small image for its thumbnail', async () => {
    const data = await (await photo(120, 80)).png().toBuffer();
    const { asset } = imported(
      await createMediaImporter({ libraryDir }).importFile(await source('tiny.png', data)),
    );
    const thumb = await sharp(path.join(libraryDir, thumbnailPath(asset.sha256))).metadata();
    expect([thumb.width, thumb.height]).toEqual([120, 80]);
  });

  it('imports WebP, GIF and TIFF by content', async () => {
    const importer = createMediaImporter({ libraryDir });
    const base = await (await photo(50, 40)).png().toBuffer();
    const cases = [
      ['a.webp', await sharp(base).webp().toBuffer(), 'image/webp', 'webp'],
      ['b.gif', await sharp(base).gif().toBuffer(), 'image/gif', 'gif'],
      ['c.tiff', await sharp(base).tiff().toBuffer(), 'image/tiff', 'tif'],
    ] as const;
    for (const [name, data, mime, ext] of cases) {
      const { asset } = imported(await importer.importFile(await source(name, data)));
      expect(asset).toMatchObject({ mime, ext, width: 50, height: 40 });
    }
  });

  it('pre-fills title, date, creator and copyright from EXIF', async () => {
    const data = await (
      await photo(64, 48)
    )
      .jpeg()
      .withExif({
        IFD0: {
          ImageDescription: 'Empfang der Delegation aus Leeds',
          Artist: 'Max Mustermann',
          Copyright: 'Stadtarchiv Dortmund',
        },
        IFD2: { DateTimeOriginal: '1974:05:12 10:30:00' },
      })
      .toBuffer();
    const { metadata } = imported(
      await createMediaImporter({ libraryDir }).importFile(await source('leeds.jpg', data)),
    );
    expect(metadata).toEqual({
      title: 'Empfang der Delegation aus Leeds',
      date: '1974-05-12',
      creator: 'Max Mustermann',
      copyright: 'Stadtarchiv Dortmund',
    });
  });

  it('prefers XMP (Unicode, month precision) over EXIF for pre-fill', async () => {
    const data = await (
      await photo(64, 48)
    )
      .jpeg()
      .withExif({
        IFD0: { ImageDescription: 'Kamera-Text', Artist: 'Camera' },
        IFD2: { DateTimeOriginal: '2021:03:01 09:00:00' },
      })
      .withXmp(
        makeXmp({
          title: 'Ehrenfahne für Dortmund',
          creators: ['Jörg Schäfer', 'Ayşe Yılmaz'],
          date: '1979-06',
        }),
      )
      .toBuffer();
    const { metadata } = imported(
      await createMediaImporter({ libraryDir }).importFile(await source('fahne.jpg', data)),
    );
    expect(metadata.title).toBe('Ehrenfahne für Dortmund');
    expect(metadata.creator).toBe('Jörg Schäfer; Ayşe Yılmaz');
    expect(metadata.date).toBe('1979-06');
    // The EXIF description was not used as the title, so it survives as the description.
    expect(metadata.description).toBe('Kamera-Text');
  });

  it('returns empty metadata for an image without any', async () => {
    const data = await (await photo(64, 48)).png().toBuffer();
    const { metadata } = imported(
      await createMediaImporter({ libraryDir }).importFile(await source('plain.png', data)),
    );
    expect(metadata).toEqual({});
  });
});

describe('importFile: duplicates', () => {
  it('reports the second import of the same content as duplicate and writes nothing', async () => {
    const data = await (await photo(300, 200)).jpeg().toBuffer();
    const importer = createMediaImporter({ libraryDir });
    const first = imported(await importer.importFile(await source('one.jpg', data)));
    const before = await mediaFiles();
    const stored = path.join(libraryDir, mediaPath(first.asset));
    const mtime = (await stat(stored)).mtimeMs;

    const second = await importer.importFile(await source('other/two.jpeg', data));
    expect(second.status).toBe('duplicate');
    if (second.status !== 'duplicate') return;
    expect(second.asset.sha256).toBe(first.asset.sha256);
    expect(second.asset.originalName).toBe('two.jpeg');
    expect(second.asset.width).toBe(300);
    expect(await mediaFiles()).toEqual(before);
    expect((await stat(stored)).mtimeMs).toBe(mtime);
  });

  it('recreates a missing thumbnail when a duplicate is imported', async () => {
    const data = await (await photo(300, 200)).jpeg().toBuffer();
    const importer = createMediaImporter({ libraryDir });
    const first = imported(await importer.importFile(await source('one.jpg', data)));
    const thumb = path.join(libraryDir, thumbnailPath(first.asset.sha256));
    await rm(thumb);
    expect((await importer.importFile(await source('again.jpg', data))).status).toBe('duplicate');
    expect((await stat(thumb)).size).toBeGreaterThan(0);
  });

  it('stores identical content once when it is imported twice at the same time', async () => {
    const data = await (await photo(900, 600)).jpeg().toBuffer();
    const files = [
      await source('a.jpg', data),
      await source('b.jpg', data),
      await source('c.jpg', data),
    ];
    const results = await createMediaImporter({ libraryDir }).importFiles(files, {
      concurrency: 3,
    });
    const statuses = results.map((r) => r.result.status).sort();
    expect(statuses).toEqual(['duplicate', 'duplicate', 'imported']);
    expect((await mediaFiles()).filter((f) => !f.startsWith('thumbs/'))).toHaveLength(1);
  });
});

describe('importFile: rejections leave nothing behind', () => {
  it('rejects a truncated JPEG as MEDIA_CORRUPT with no file or temp file left', async () => {
    const full = await createSyntheticJpeg({ width: 1200, height: 900, seed: 7 });
    const file = await source('cut.jpg', full.subarray(0, Math.floor(full.length / 2)));
    const error = rejected(await createMediaImporter({ libraryDir }).importFile(file));
    expect(error.code).toBe('MEDIA_CORRUPT');
    expect(error.messages.de).toContain('cut.jpg');
    expect(await mediaFiles()).toEqual([]);
  });

  it('rejects a PNG declaring 100,000 × 100,000 pixels from its header, without copying it', async () => {
    const bomb = makePngHeaderOnly(100_000, 100_000);
    expect(bomb.length).toBeLessThan(200);
    const error = rejected(
      await createMediaImporter({ libraryDir }).importFile(await source('bomb.png', bomb)),
    );
    expect(error.code).toBe('MEDIA_TOO_LARGE');
    expect(error.messages.en).toContain('100000 × 100000');
    expect(error.messages.de).toContain('100000 × 100000');
    expect(await mediaFiles()).toEqual([]);
  });

  it('honours a lower pixel limit', async () => {
    const data = await (await photo(200, 200)).png().toBuffer();
    const importer = createMediaImporter({ libraryDir, limits: { pixels: 10_000 } });
    expect(rejected(await importer.importFile(await source('big.png', data))).code).toBe(
      'MEDIA_TOO_LARGE',
    );
  });

  it('rejects an ELF executable named .jpg as MEDIA_UNSUPPORTED naming the detected type', async () => {
    const error = rejected(
      await createMediaImporter({ libraryDir }).importFile(await source('x.jpg', makeElf())),
    );
    expect(error.code).toBe('MEDIA_UNSUPPORTED');
    expect(error.messages.en).toContain(
      'is not an image, audio, video or PDF file (detected: application/x-elf)',
    );
    expect(error.messages.de).toContain('ist kein Bild');
    expect(await mediaFiles()).toEqual([]);
  });

  it('rejects unknown content and other recognised formats', async () => {
    const importer = createMediaImporter({ libraryDir });
    const text = rejected(
      await importer.importFile(await source('notes.jpg', Buffer.from('just some text\n'))),
    );
    expect(text.code).toBe('MEDIA_UNSUPPORTED');
    expect(text.messages.en).toContain('detected: unknown');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    const zipError = rejected(await importer.importFile(await source('archive.pdf', zip)));
    expect(zipError.code).toBe('MEDIA_UNSUPPORTED');
    expect(zipError.messages.en).toContain('application/zip');
  });

  it('rejects an empty file', async () => {
    const error = rejected(
      await createMediaImporter({ libraryDir }).importFile(
        await source('empty.jpg', Buffer.alloc(0)),
      ),
    );
    expect(error.code).toBe('FILE_EMPTY');
  });

  it('rejects files above the configured size limit for their kind', async () => {
    const data = await (await photo(100, 100)).png().toBuffer();
    const importer = createMediaImporter({ libraryDir, limits: { bytes: { image: 100 } } });
    const error = rejected(await importer.importFile(await source('a.png', data)));
    expect(error.code).toBe('MEDIA_TOO_LARGE');
    // Other kinds keep their defaults.
    expect((await importer.importFile(await source('a.wav', makeWav(0.1)))).status).toBe(
      'imported',
    );
  });

  it('rejects a missing source, a folder, and a missing library', async () => {
    const importer = createMediaImporter({ libraryDir });
    expect(rejected(await importer.importFile(path.join(root, 'nope.jpg'))).code).toBe(
      'FILE_UNREADABLE',
    );
    await mkdir(path.join(root, 'folder.jpg'));
    expect(rejected(await importer.importFile(path.join(root, 'folder.jpg'))).code).toBe(
      'FILE_UNREADABLE',
    );
    const gone = createMediaImporter({ libraryDir: path.join(root, 'missing-library') });
    const data = await (await photo(10, 10)).png().toBuffer();
    expect(rejected(await gone.importFile(await source('ok.png', data))).code).toBe(
      'LIBRARY_NOT_FOUND',
    );
  });
});

describe('importFile: names from outside never become paths', () => {
  it('stores a source reached through ../.. under its hash only', async () => {
    await mkdir(path.join(root, 'a', 'b'), { recursive: true });
    const data = await (await photo(80, 60)).jpeg().toBuffer();
    await writeFile(path.join(root, 'x.jpg'), data);
    // Built by hand so the string handed over really contains "..".
    const sneaky = `${path.join(root, 'a', 'b')}${path.sep}..${path.sep}..${path.sep}x.jpg`;
    expect(sneaky).toContain('..');
    const { asset } = imported(await createMediaImporter({ libraryDir }).importFile(sneaky));
    expect(asset.originalName).toBe('x.jpg');
    expect(await listFiles(root)).toEqual(
      ['x.jpg', `library/${mediaPath(asset)}`, `library/${thumbnailPath(asset.sha256)}`].sort(),
    );
  });

  it('strips control characters and bidi overrides from the display name', async () => {
    const data = await (await photo(30, 30)).png().toBuffer();
    const name = 'Foto\u202Egnp.exe\u0007';
    const { asset } = imported(
      await createMediaImporter({ libraryDir }).importFile(await source(name, data)),
    );
    expect(asset.originalName).toBe('Fotognp.exe');
    expect(asset.ext).toBe('png');
  });
});

describe('importFile: audio, video, documents', () => {
  it('imports a generated WAV as audio with its duration', async () => {
    const { asset, metadata } = imported(
      await createMediaImporter({ libraryDir }).importFile(
        await source('interview.wav', makeWav(2.5)),
      ),
    );
    expect(asset).toMatchObject({ kind: 'audio', mime: 'audio/wav', ext: 'wav' });
    expect(asset.duration).toBeCloseTo(2.5, 6);
    expect(asset.width).toBeUndefined();
    expect(metadata).toEqual({});
    expect(await mediaFiles()).toEqual([mediaPath(asset).slice(6)]);
  });

  it('imports an MP4 as video with duration and size from its header', async () => {
    const { asset } = imported(
      await createMediaImporter({ libraryDir }).importFile(
        await source('film.mov', makeMp4({ seconds: 12.5, width: 1920, height: 1080 })),
      ),
    );
    expect(asset).toMatchObject({
      kind: 'video',
      mime: 'video/mp4',
      ext: 'mp4',
      width: 1920,
      height: 1080,
    });
    expect(asset.duration).toBeCloseTo(12.5, 6);
  });

  it('imports a hand-written PDF as a document with page count, title and author', async () => {
    const pdf = makePdf({
      pages: 3,
      title: 'Ehrenplakette 2021 – Urkunde',
      author: 'Auslandsgesellschaft',
    });
    const { asset, metadata } = imported(
      await createMediaImporter({ libraryDir }).importFile(await source('urkunde.pdf', pdf)),
    );
    expect(asset).toMatchObject({
      kind: 'document',
      mime: 'application/pdf',
      ext: 'pdf',
      pages: 3,
    });
    expect(metadata).toEqual({
      title: 'Ehrenplakette 2021 – Urkunde',
      creator: 'Auslandsgesellschaft',
    });
  });
});

describe('importFiles', () => {
  it('imports a mixed batch, reporting progress after each file and keeping input order', async () => {
    const jpeg = await (await photo(200, 100)).jpeg().toBuffer();
    const files = [
      await source('1.jpg', jpeg),
      await source('2.jpg', makeElf()),
      await source('3.wav', makeWav(1)),
      await source('4.jpg', jpeg),
      await source('5.pdf', makePdf()),
      await source('6.png', makePngHeaderOnly(100_000, 100_000)),
    ];
    const progress: { done: number; total: number; current: string }[] = [];
    const results = await createMediaImporter({ libraryDir }).importFiles(files, {
      concurrency: 2,
      onProgress: ({ done, total, current }) => progress.push({ done, total, current }),
    });

    expect(results.map((r) => r.sourcePath)).toEqual(files);
    const statuses = results.map((r) => r.result.status);
    expect(statuses[1]).toBe('rejected');
    expect(statuses[2]).toBe('imported');
    expect(statuses[4]).toBe('imported');
    expect(statuses[5]).toBe('rejected');
    // 1 and 4 are the same photo: one of them is stored, the other is its duplicate.
    expect([statuses[0], statuses[3]].sort()).toEqual(['duplicate', 'imported']);

    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.every((p) => p.total === 6)).toBe(true);
    expect(progress.map((p) => p.current).sort()).toEqual([...files].sort());
  });

  it('stops starting files after an abort and marks the rest CANCELLED, leaving no temp files', async () => {
    const files = [];
    for (let i = 0; i < 5; i++)
      files.push(
        await source(
          `${i}.jpg`,
          await createSyntheticJpeg({ width: 320, height: 240, seed: i + 1 }),
        ),
      );
    const controller = new AbortController();
    const seen: number[] = [];
    const results = await createMediaImporter({ libraryDir }).importFiles(files, {
      concurrency: 1,
      signal: controller.signal,
      onProgress: ({ done }) => {
        seen.push(done);
        if (done === 2) controller.abort();
      },
    });
    expect(seen).toEqual([1, 2]);
    expect(results.map((r) => r.result.status)).toEqual([
      'imported',
      'imported',
      'rejected',
      'rejected',
      'rejected',
    ]);
    for (const r of results.slice(2))
      expect(r.result.status === 'rejected' && r.result.error.code).toBe('CANCELLED');
    const stored = (await mediaFiles()).filter((f) => !f.startsWith('thumbs/'));
    expect(stored).toHaveLength(2);
    expect(await listFiles(path.join(libraryDir, 'media', '.incoming'))).toEqual([]);
  });

  it('cancels a file whose signal is already aborted before anything is written', async () => {
    const controller = new AbortController();
    controller.abort();
    const data = await (await photo(20, 20)).png().toBuffer();
    const result = await createMediaImporter({ libraryDir }).importFile(
      await source('a.png', data),
      {
        signal: controller.signal,
      },
    );
    expect(rejected(result).code).toBe('CANCELLED');
    expect(await mediaFiles()).toEqual([]);
  });

  it('returns an empty list for an empty batch', async () => {
    expect(await createMediaImporter({ libraryDir }).importFiles([])).toEqual([]);
  });
});
