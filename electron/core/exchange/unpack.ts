import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import {
  mediaPath,
  referencesOf,
  thumbnailPath,
  type CollectionName,
  type CommandInput,
  type CommandResult,
  type EntityOf,
  type MediaAsset,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { invalidInput } from '../library/commands';
import type { Library } from '../library';
import { createMediaImporter } from '../media';
import { counts } from '../import/numbers';
import { packageCancelled, type PackProgressOptions } from './pack';
import {
  DATA_ENTRY,
  MANIFEST_ENTRY,
  MEDIA_ENTRY,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  PackageData,
  PackageManifest,
} from './format';

export type ConflictMode = 'keep' | 'replace' | 'copy';

export interface PackageLimits {
  /** Largest package file read at all. */
  bytes: number;
  /** Sum of the declared sizes of all entries. */
  unpackedBytes: number;
  /** Largest unpacked/packed ratio of one entry above 1 MB (a real photo or JSON is far below). */
  ratio: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  bytes: 2_000_000_000,
  unpackedBytes: 2_000_000_000,
  ratio: 200,
};

export interface ReadPackage {
  manifest: PackageManifest;
  data: PackageData;
  media: Map<string, Uint8Array>;
}

function refused(
  name: string,
  de: string,
  en: string,
  code: 'FILE_INVALID_DATA' | 'PATH_REJECTED' | 'FILE_TOO_LARGE' = 'FILE_INVALID_DATA',
) {
  return new AppError(code, {
    de: `${name} wird nicht geöffnet: ${de}`,
    en: `${name} is not opened: ${en}`,
  });
}

/**
 * Reads and checks a package before anything touches a library: the size, every entry's name
 * (only the manifest, the data and `media/<sha256>.<ext>`; `..`, absolute paths and anything else
 * refuse the whole package), declared sizes and ratios (zip bombs) before unpacking, the version,
 * the data by the domain schemas, and every media file by its hash.
 */
export async function readPackage(
  file: string,
  limitsInput: Partial<PackageLimits> = {},
): Promise<ReadPackage> {
  const limits = { ...DEFAULT_PACKAGE_LIMITS, ...limitsInput };
  const name = path.basename(file);
  const info = await stat(file).catch((error: unknown) => {
    throw new AppError(
      'FILE_UNREADABLE',
      { de: `${name} kann nicht gelesen werden.`, en: `${name} cannot be read.` },
      { cause: error },
    );
  });
  if (info.size > limits.bytes)
    throw refused(name, 'die Datei ist zu groß.', 'the file is too large.', 'FILE_TOO_LARGE');
  const buf = await readFile(file);
  let total = 0;
  let problem: AppError | null = null;
  try {
    unzipSync(buf, {
      filter: (entry) => {
        if (problem) return false;
        const ok =
          entry.name === MANIFEST_ENTRY ||
          entry.name === DATA_ENTRY ||
          MEDIA_ENTRY.test(entry.name);
        if (!ok)
          problem = refused(
            name,
            `der Eintrag „${entry.name}“ gehört nicht in ein Vitrine-Paket (nur Daten und media/<Prüfsumme>).`,
            `the entry “${entry.name}” does not belong in a Vitrine package (only data and media/<hash>).`,
            'PATH_REJECTED',
          );
        total += entry.originalSize;
        if (entry.originalSize > 1_000_000 && entry.originalSize > entry.size * limits.ratio) {
          const ratio = counts(Math.round(entry.originalSize / Math.max(1, entry.size)));
          problem ??= refused(
            name,
            `„${entry.name}“ würde sich auf das ${ratio.de}-Fache entpacken (Zip-Bombe).`,
            `“${entry.name}” would unpack to ${ratio.en} times its size (zip bomb).`,
            'FILE_TOO_LARGE',
          );
        }
        return false;
      },
    });
  } catch (error) {
    throw new AppError(
      'FILE_UNREADABLE',
      {
        de: `${name} ist kein Vitrine-Paket (keine lesbare ZIP-Datei).`,
        en: `${name} is not a Vitrine package (no readable zip file).`,
      },
      { cause: error },
    );
  }
  if (problem) throw problem;
  if (total > limits.unpackedBytes)
    throw refused(
      name,
      'der Inhalt wäre entpackt zu groß.',
      'its contents would be too large unpacked.',
      'FILE_TOO_LARGE',
    );
  // Declared sizes are checked; fflate inflates into buffers of exactly those sizes.
  const entries = unzipSync(buf);
  const json = (entry: string): unknown => {
    const bytes = entries[entry];
    if (!bytes) throw refused(name, `${entry} fehlt.`, `${entry} is missing.`);
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new AppError(
        'FILE_INVALID_JSON',
        {
          de: `${name}: ${entry} ist kein gültiges JSON.`,
          en: `${name}: ${entry} is not valid JSON.`,
        },
        { cause: error },
      );
    }
  };
  const rawManifest = json(MANIFEST_ENTRY) as { format?: unknown; version?: unknown };
  if (rawManifest?.format !== PACKAGE_FORMAT)
    throw refused(name, 'es ist kein Vitrine-Paket.', 'it is not a Vitrine package.');
  if (rawManifest.version !== PACKAGE_VERSION)
    throw new AppError('VERSION_UNSUPPORTED', {
      de: `${name} hat die Paketversion ${String(rawManifest.version)}; diese Vitrine liest Version ${PACKAGE_VERSION}. Aktualisieren Sie Vitrine.`,
      en: `${name} has package version ${String(rawManifest.version)}; this Vitrine reads version ${PACKAGE_VERSION}. Update Vitrine.`,
    });
  const manifest = PackageManifest.safeParse(rawManifest);
  if (!manifest.success) throw invalidInput(manifest.error.issues, [MANIFEST_ENTRY]);
  const data = PackageData.safeParse(json(DATA_ENTRY));
  if (!data.success) throw invalidInput(data.error.issues, [DATA_ENTRY]);
  const media = new Map<string, Uint8Array>();
  for (const item of data.data.items)
    for (const asset of item.media) {
      const entry = `media/${asset.sha256}.${asset.ext}`;
      const bytes = entries[entry];
      if (!bytes) throw refused(name, `${entry} fehlt.`, `${entry} is missing.`);
      const sha = createHash('sha256').update(bytes).digest('hex');
      if (sha !== asset.sha256)
        throw refused(
          name,
          `${entry} ist beschädigt (Prüfsumme).`,
          `${entry} is damaged (checksum).`,
        );
      media.set(asset.sha256, bytes);
    }
  return { manifest: manifest.data, data: data.data, media };
}

export interface UnpackOutcome {
  added: number;
  replaced: number;
  kept: number;
  copied: number;
  /** Entities whose id was already in the library. */
  conflicts: { collection: CollectionName; id: string }[];
  exhibitionSlug: string;
  revision: number;
  undo: CommandResult['undo'] | null;
}

function uniqueId(base: string, taken: (id: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken(id)) return id;
  }
}

/** Sets `value` at a reference path such as `chapters[0].blocks[2].itemIds[1]`. */
function setAtPath(target: unknown, refPath: string, value: string): void {
  const keys = [...refPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  let node = target as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[keys.at(-1)!] = value;
}

/**
 * Brings a package into a library as ONE batch (one undo step). Ids already in the library are
 * kept (`keep`: the library's version stays), replaced, or imported as copies with new ids and
 * every reference in the package rewritten (`copy`).
 */
export async function unpackInto(
  library: Library,
  pkg: ReadPackage,
  mode: ConflictMode = 'keep',
): Promise<UnpackOutcome> {
  const added = await importPackageMedia(library.dir, pkg);
  return commitPackage(library, pkg, mode, added);
}

/**
 * The package's media into the library's media folder through the content importer (files only,
 * content-addressed, atomic; never the store), so it can run in the worker process. Answers the
 * files it added; on a failure it removes them again.
 */
export async function importPackageMedia(
  libraryDir: string,
  pkg: Pick<ReadPackage, 'media'>,
  options: PackProgressOptions = {},
): Promise<MediaAsset[]> {
  const { signal, onProgress } = options;
  const added: MediaAsset[] = [];
  const temp = await mkdtemp(path.join(os.tmpdir(), 'vitrine-unpack-'));
  try {
    const files: string[] = [];
    for (const [sha, bytes] of pkg.media) {
      const file = path.join(temp, sha);
      await writeFile(file, bytes);
      files.push(file);
    }
    onProgress?.({ done: 0, total: files.length });
    const entries = await createMediaImporter({ libraryDir }).importFiles(files, {
      ...(signal ? { signal } : {}),
      onProgress: (p) => {
        // Recorded as they arrive, so a cancel part-way removes what was already written.
        if (p.result.status === 'imported') added.push(p.result.asset);
        onProgress?.({ done: p.done, total: p.total });
      },
    });
    if (signal?.aborted) throw packageCancelled();
    for (const { result } of entries) if (result.status === 'rejected') throw result.error;
    return added;
  } catch (error) {
    // Files this run wrote are new in the folder: no item of the library can use them yet.
    await removeMedia(libraryDir, [], added);
    throw error;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * The package's entities into the library as ONE batch, in the process that owns the store, after
 * `importPackageMedia` brought its media (`added`, removed again if the batch fails).
 */
export async function commitPackage(
  library: Library,
  pkg: Pick<ReadPackage, 'data'>,
  mode: ConflictMode,
  added: readonly MediaAsset[],
  options: { signal?: AbortSignal } = {},
): Promise<UnpackOutcome> {
  const snapshot = library.snapshot();
  const exists = (c: CollectionName, id: string) => library.get(c, id) !== undefined;
  const data = structuredClone(pkg.data);
  const conflicts: UnpackOutcome['conflicts'] = [];
  const remap: { [C in CollectionName]: Map<string, string> } = {
    items: new Map(),
    partnerships: new Map(),
    awards: new Map(),
    exhibitions: new Map(),
  };
  const skip: { [C in CollectionName]: Set<string> } = {
    items: new Set(),
    partnerships: new Set(),
    awards: new Set(),
    exhibitions: new Set(),
  };
  const groups: { [C in CollectionName]: EntityOf[C][] } = {
    items: data.items,
    partnerships: data.partnerships,
    awards: data.awards,
    exhibitions: [data.exhibition],
  };
  const incomingIds = (c: CollectionName) => new Set(groups[c].map((e) => e.id));
  for (const c of ['partnerships', 'items', 'awards', 'exhibitions'] as const) {
    const mine = incomingIds(c);
    for (const entity of groups[c]) {
      if (!exists(c, entity.id)) continue;
      conflicts.push({ collection: c, id: entity.id });
      if (mode === 'keep') skip[c].add(entity.id);
      else if (mode === 'copy')
        remap[c].set(
          entity.id,
          uniqueId(
            entity.id,
            (id) => exists(c, id) || mine.has(id) || [...remap[c].values()].includes(id),
          ),
        );
    }
  }
  // Rewrite references of copies, then the copies' own ids.
  for (const c of ['partnerships', 'items', 'awards', 'exhibitions'] as const)
    for (const entity of groups[c]) {
      for (const ref of referencesOf(c, entity as never)) {
        const to = remap[ref.collection].get(ref.id);
        if (to) setAtPath(entity, ref.path, to);
      }
      const own = remap[c].get(entity.id);
      if (own) entity.id = own;
    }
  const exhibition = data.exhibition;
  if (!skip.exhibitions.has(pkg.data.exhibition.id)) {
    const slugs = new Set(
      snapshot.exhibitions.filter((x) => x.id !== exhibition.id).map((x) => x.slug),
    );
    if (slugs.has(exhibition.slug))
      exhibition.slug = uniqueId(exhibition.slug, (s) => slugs.has(s));
  }

  // Media first, through the content-checking importer; removed again if the batch fails.
  const willExist = (c: 'items' | 'partnerships', id: string) =>
    exists(c, id) || groups[c].some((e) => e.id === id);
  const commands: CommandInput[] = [];
  const put = {
    partnerships: (p: EntityOf['partnerships']) =>
      commands.push({ type: 'putPartnership', partnership: p }),
    items: (i: EntityOf['items']) => commands.push({ type: 'putItem', item: i }),
    awards: (a: EntityOf['awards']) => commands.push({ type: 'putAward', award: a }),
  };
  // With "keep" the library's version of a conflicting entity stays and the package's is dropped.
  const live = <C extends 'partnerships' | 'items' | 'awards'>(c: C) =>
    (groups[c] as EntityOf[C][]).filter((e) => !skip[c].has(e.id));
  // Partnerships and items refer to each other: partnerships go in without their history links
  // first, then the items, then the partnerships again with the links that resolve.
  const partnerships = live('partnerships');
  for (const p of partnerships)
    put.partnerships({ ...p, history: p.history.map((h) => ({ ...h, itemIds: [] })) });
  for (const i of live('items'))
    put.items({
      ...i,
      partnershipIds: i.partnershipIds.filter((id) => willExist('partnerships', id)),
    });
  for (const p of partnerships)
    put.partnerships({
      ...p,
      history: p.history.map((h) => ({
        ...h,
        itemIds: h.itemIds.filter((id) => willExist('items', id)),
      })),
    });
  for (const a of live('awards'))
    put.awards({
      ...a,
      itemIds: a.itemIds.filter((id) => willExist('items', id)),
      partnershipIds: a.partnershipIds.filter((id) => willExist('partnerships', id)),
    });
  if (!skip.exhibitions.has(exhibition.id)) commands.push({ type: 'putExhibition', exhibition });

  const count = (c: CollectionName) => groups[c].length;
  const totals = count('items') + count('partnerships') + count('awards') + 1;
  const replaced = mode === 'replace' ? conflicts.length : 0;
  const copied = mode === 'copy' ? conflicts.length : 0;
  const kept = mode === 'keep' ? conflicts.length : 0;
  const base = {
    added: totals - conflicts.length,
    replaced,
    kept,
    copied,
    conflicts,
    exhibitionSlug: exhibition.slug,
  };
  if (commands.length === 0) return { ...base, revision: library.revision, undo: null };
  try {
    // A cancel that came after the worker had finished still stops here, before the store.
    if (options.signal?.aborted) throw packageCancelled();
    const result = await library.apply({ type: 'batch', commands: commands as never });
    return { ...base, revision: result.revision, undo: result.undo };
  } catch (error) {
    await removeMedia(library.dir, library.snapshot().items, added);
    throw error;
  }
}

async function removeMedia(
  libraryDir: string,
  items: readonly EntityOf['items'][],
  assets: readonly MediaAsset[],
): Promise<void> {
  const used = new Set(items.flatMap((i) => i.media.map((m) => m.sha256)));
  for (const asset of assets) {
    if (used.has(asset.sha256)) continue;
    await rm(path.join(libraryDir, mediaPath(asset)), { force: true });
    await rm(path.join(libraryDir, thumbnailPath(asset.sha256)), { force: true });
  }
}
