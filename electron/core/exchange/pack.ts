import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import {
  mediaPath,
  referencesOf,
  type EntityOf,
  type LibrarySnapshot,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import {
  DATA_ENTRY,
  MANIFEST_ENTRY,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  type PackageData,
  type PackageManifest,
} from './format';

/** What an exhibition needs: its items, the partnerships and awards they and it refer to. */
export function collectPackage(snapshot: LibrarySnapshot, slug: string): PackageData {
  const exhibition = snapshot.exhibitions.find((x) => x.slug === slug || x.id === slug);
  if (!exhibition)
    throw new AppError('NOT_FOUND', {
      de: `Eine Ausstellung „${slug}“ gibt es in dieser Bibliothek nicht.`,
      en: `There is no exhibition “${slug}” in this library.`,
    });
  const want = {
    items: new Set<string>(),
    partnerships: new Set<string>(),
    awards: new Set<string>(),
  };
  const add = (refs: { collection: string; id: string }[]) => {
    for (const r of refs)
      if (r.collection in want) want[r.collection as keyof typeof want].add(r.id);
  };
  add(referencesOf('exhibitions', exhibition));
  const items = snapshot.items.filter((i) => want.items.has(i.id));
  for (const item of items) add(referencesOf('items', item));
  // Awards of the partnerships shown travel with them.
  for (const award of snapshot.awards)
    if (award.partnershipIds.some((id) => want.partnerships.has(id))) want.awards.add(award.id);
  const pick = <C extends 'partnerships' | 'awards'>(c: C) =>
    (snapshot[c] as EntityOf[C][]).filter((e) => want[c].has(e.id));
  return { exhibition, items, partnerships: pick('partnerships'), awards: pick('awards') };
}

/** Cancel and progress (media files read) of packing or unpacking, from the CLI or the app. */
export interface PackProgressOptions {
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export function packageCancelled(): AppError {
  return new AppError('CANCELLED', {
    de: 'Abgebrochen; es wurde nichts geschrieben.',
    en: 'Cancelled; nothing was written.',
  });
}

/** The package as zip bytes; media are stored once each, as they are in the library. */
export async function packExhibition(
  libraryDir: string,
  snapshot: LibrarySnapshot,
  slug: string,
  now: () => Date = () => new Date(),
  options: PackProgressOptions = {},
): Promise<Uint8Array> {
  const { signal, onProgress } = options;
  const data = collectPackage(snapshot, slug);
  const files: Zippable = {};
  const media = new Map<string, { sha256: string; ext: string }>();
  for (const item of data.items) for (const m of item.media) media.set(m.sha256, m);
  let done = 0;
  onProgress?.({ done, total: media.size });
  for (const asset of media.values()) {
    if (signal?.aborted) throw packageCancelled();
    const rel = mediaPath(asset);
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(libraryDir, rel));
    } catch (error) {
      throw new AppError(
        'FILE_UNREADABLE',
        {
          de: `Die Mediendatei ${rel} fehlt in der Bibliothek; das Paket wäre unvollständig.`,
          en: `The media file ${rel} is missing from the library; the package would be incomplete.`,
        },
        { cause: error },
      );
    }
    // Already compressed formats are stored, not deflated again.
    files[`media/${asset.sha256}.${asset.ext}`] = [bytes, { level: 0 }];
    onProgress?.({ done: ++done, total: media.size });
  }
  if (signal?.aborted) throw packageCancelled();
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    version: PACKAGE_VERSION,
    createdAt: now().toISOString(),
    exhibition: data.exhibition.slug,
    languages: data.exhibition.languages,
    counts: {
      items: data.items.length,
      partnerships: data.partnerships.length,
      awards: data.awards.length,
      media: media.size,
    },
  };
  files[MANIFEST_ENTRY] = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  files[DATA_ENTRY] = new TextEncoder().encode(JSON.stringify(data));
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
