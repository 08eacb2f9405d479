import { rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMediaImporter,
  ensureThumbnail,
  readThumbnail,
  removeStaleIncoming,
  INCOMING_DIR,
} from '../../../../../electron/core/media';
import { thumbnailPath, type MediaAsset } from '../../../../../shared/domain';
import { listFiles, makeWav, tempLibrary } from './fixtures';

let root: string;
let libraryDir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ root, libraryDir, cleanup } = await tempLibrary());
});
afterEach(async () => {
  await cleanup();
});

async function importOne(name: string, data: Buffer): Promise<MediaAsset> {
  const file = path.join(root, name);
  await writeFile(file, data);
  const result = await createMediaImporter({ libraryDir }).importFile(file);
  if (result.status !== 'imported') throw new Error(result.status);
  return result.asset;
}

describe('ensureThumbnail / readThumbnail', () => {
  it('recreates a deleted thumbnail from the stored image', async () => {
    const data = await sharp({
      create: { width: 1000, height: 500, channels: 3, background: 'red' },
    })
      .jpeg()
      .toBuffer();
    const asset = await importOne('a.jpg', data);
    const thumb = path.join(libraryDir, thumbnailPath(asset.sha256));
    await rm(thumb);
    expect(await ensureThumbnail(libraryDir, asset)).toBe(thumb);
    const meta = await sharp(thumb).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 400, 200]);
    const bytes = await readThumbnail(libraryDir, asset);
    expect(bytes?.subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('returns null for kinds without a thumbnail', async () => {
    const asset = await importOne('a.wav', makeWav(0.2));
    expect(await ensureThumbnail(libraryDir, asset)).toBeNull();
    expect(await readThumbnail(libraryDir, asset)).toBeNull();
  });

  it('reports a missing media file as NOT_FOUND and refuses malformed assets', async () => {
    const sha = 'cd'.padEnd(64, '1');
    await expect(
      ensureThumbnail(libraryDir, { sha256: sha, ext: 'jpg', kind: 'image' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      ensureThumbnail(libraryDir, { sha256: '../../x', ext: 'jpg', kind: 'image' }),
    ).rejects.toMatchObject({
      code: 'PATH_REJECTED',
    });
    await expect(
      ensureThumbnail(libraryDir, { sha256: sha, ext: '../x', kind: 'image' }),
    ).rejects.toMatchObject({
      code: 'PATH_REJECTED',
    });
  });
});

describe('removeStaleIncoming', () => {
  it('removes temp files older than the cut-off and keeps fresh ones', async () => {
    const dir = path.join(libraryDir, INCOMING_DIR);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'old.part'), 'x');
    await writeFile(path.join(dir, 'new.part'), 'y');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(dir, 'old.part'), twoHoursAgo, twoHoursAgo);
    expect(await removeStaleIncoming(libraryDir)).toBe(1);
    expect(await listFiles(dir)).toEqual(['new.part']);
    expect((await stat(path.join(dir, 'new.part'))).size).toBe(1);
  });

  it('removes stale half-written thumbnails but no finished ones', async () => {
    const fan = path.join(libraryDir, 'media', 'thumbs', 'ab');
    await mkdir(fan, { recursive: true });
    const sha = 'ab'.padEnd(64, '2');
    const stale = `.${sha}.webp.0123456789ab.tmp`;
    await writeFile(path.join(fan, stale), 'half');
    await writeFile(path.join(fan, `${sha}.webp`), 'done');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(fan, stale), old, old);
    await utimes(path.join(fan, `${sha}.webp`), old, old);
    expect(await removeStaleIncoming(libraryDir)).toBe(1);
    expect(await listFiles(fan)).toEqual([`${sha}.webp`]);
  });

  it('does nothing for a library that never imported anything', async () => {
    expect(await removeStaleIncoming(libraryDir)).toBe(0);
  });
});
