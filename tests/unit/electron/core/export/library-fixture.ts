import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { mediaPath, type LibrarySnapshot } from '../../../../../shared/domain';
import {
  IMAGES,
  fixtureSnapshot,
  sha,
  type FixtureOptions,
  type ImageSpec,
} from '../../../shared/render/fixture';

/** A JPEG with structure (gradients and shapes) so encoders do real work; optional EXIF. */
export async function makeJpeg(
  width: number,
  height: number,
  seed: number,
  exif = false,
): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(seed * 47) % 360},70%,45%)"/><stop offset="1" stop-color="hsl(${(seed * 47 + 120) % 360},60%,70%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 2}" r="${Math.min(width, height) / 4}" fill="#fff" opacity=".6"/><rect x="${width / 2}" y="${height / 5}" width="${width / 4}" height="${height / 2}" fill="#123" opacity=".5"/></svg>`;
  let img = sharp(Buffer.from(svg)).jpeg({ quality: 90 });
  if (exif)
    img = img.withMetadata({ orientation: 6 }).withExif({
      IFD0: { Make: 'TestCam', Copyright: 'secret-exif-marker' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' },
    });
  return img.toBuffer();
}

/**
 * A library folder with the fixture snapshot and real media at the paths `mediaPath()` gives.
 * The library store is not involved: the export engine takes the snapshot directly.
 */
export async function makeLibrary(
  options: FixtureOptions = {},
  images: ImageSpec[] = IMAGES,
): Promise<{ dir: string; snapshot: LibrarySnapshot }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-export-lib-'));
  await writeFile(path.join(dir, 'library.json'), '{}');
  const snapshot = fixtureSnapshot(options, images);
  const put = async (asset: { sha256: string; ext: string }, data: Buffer) => {
    const file = path.join(dir, mediaPath(asset));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  };
  for (const [i, spec] of images.entries())
    await put(
      { sha256: spec.sha256, ext: 'jpg' },
      await makeJpeg(spec.width, spec.height, i + 1, i === 0),
    );
  await put({ sha256: sha(9), ext: 'mp3' }, Buffer.from('ID3 fake audio for copying'));
  await put({ sha256: sha(10), ext: 'pdf' }, Buffer.from('%PDF-1.4\n% fake document\n'));
  return { dir, snapshot };
}

/** The same content written by the real library store (what the CLI and the app read). */
export async function makeStoreLibrary(
  lib: { dir: string; snapshot: LibrarySnapshot },
  name: string,
): Promise<string> {
  const { createLibrary } = await import('../../../../../electron/core/library');
  const dir = path.join(path.dirname(lib.dir), `${path.basename(lib.dir)}-${name}`);
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
  return dir;
}
