import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
// The schema.org JSON-LD context (release 30.0 of schemaorg/schemaorg), shipped so the data
// expands offline. schema.org publishes it under CC BY-SA 3.0; see resources/jsonld/README.md.
import schemaContext from '../../../resources/jsonld/schemaorg-context.json' with { type: 'json' };
import type { Exhibition } from '../../../shared/domain/exhibition';
import type { LibrarySnapshot } from '../../../shared/domain/library';
import { AppError } from '../../../shared/errors';
import {
  CONTEXT_FILE,
  openDataFiles,
  openDataScope,
  type OpenDataOptions,
} from '../../../shared/open-data';
import { readLibrarySnapshot } from '../library';
import { faultPoint } from '../library/fs-atomic';
import { checkTarget, commitTarget, makeTempDir, safeJoin } from './target';

/** Writes the open-data files into a folder (`write` maps a folder-relative path to a file). */
export async function writeOpenData(
  write: (rel: string) => string,
  files: Array<{ path: string; content: string }>,
): Promise<string[]> {
  const all = [...files, { path: CONTEXT_FILE, content: `${JSON.stringify(schemaContext)}\n` }];
  for (const file of all) {
    const target = write(file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await faultPoint('write', target);
    await writeFile(target, file.content);
  }
  return all.map((f) => f.path);
}

/** The open-data files of one exhibition (or of the whole library), as the bundle writes them. */
export function openDataFor(
  snapshot: LibrarySnapshot,
  exhibition: Exhibition | undefined,
  options: Omit<OpenDataOptions, 'lang'> & { lang?: string },
) {
  const scope = openDataScope(snapshot, exhibition);
  return openDataFiles(scope, {
    ...options,
    lang: options.lang ?? exhibition?.defaultLanguage ?? snapshot.manifest.defaultLanguage,
  });
}

export interface ExportDataOptions {
  libraryDir: string;
  outDir: string;
  /** Only what this exhibition (slug or id) shows; the whole library when omitted. */
  exhibition?: string;
  /** Absolute http(s) address where the folder will be published; ids are relative without. */
  baseUrl?: string;
  force?: boolean;
}

/**
 * `vitrine export-data`: the open data as its own folder. Written into a temporary folder next
 * to the target and renamed into place, so a failure leaves the target as it was.
 */
export async function exportOpenData(
  options: ExportDataOptions,
): Promise<{ outPath: string; files: string[] }> {
  if (options.baseUrl !== undefined && !/^https?:\/\/[^\s"<>]+$/i.test(options.baseUrl))
    throw new AppError('INVALID_INPUT', {
      de: 'Die Basis-URL muss mit http:// oder https:// beginnen.',
      en: 'The base URL must start with http:// or https://.',
    });
  const force = Boolean(options.force);
  await checkTarget(options.outDir, { force, zip: false, protect: [options.libraryDir] });
  const snapshot = await readLibrarySnapshot(options.libraryDir);
  let exhibition: Exhibition | undefined;
  if (options.exhibition) {
    exhibition = snapshot.exhibitions.find(
      (x) => x.slug === options.exhibition || x.id === options.exhibition,
    );
    if (!exhibition)
      throw new AppError('NOT_FOUND', {
        de: `Eine Ausstellung „${options.exhibition}“ gibt es in dieser Bibliothek nicht.`,
        en: `There is no exhibition “${options.exhibition}” in this library.`,
      });
  }
  const files = openDataFor(snapshot, exhibition, {
    ...(options.baseUrl ? { base: options.baseUrl } : {}),
  });
  const temp = await makeTempDir(options.outDir);
  try {
    const written = await writeOpenData((rel) => safeJoin(temp, rel), files);
    await commitTarget(temp, options.outDir, { force, zip: false });
    return { outPath: path.resolve(options.outDir), files: written };
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}
