import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { AppError } from '../../../shared/errors';
import { exportExhibition } from '../export';

export interface BundleSource {
  /** The folder to serve. */
  dir: string;
  /** Removes what was unpacked or exported for this run (nothing for a plain folder). */
  dispose(): Promise<void>;
}

function notABundle(what: string): AppError {
  return new AppError('INVALID_INPUT', {
    de: `${what} ist kein Kiosk-Paket: erwartet wird ein exportierter Ordner oder eine .zip mit index.html, oder eine Bibliothek mit --exhibition.`,
    en: `${what} is not a kiosk bundle: expected an exported folder or .zip with index.html, or a library with --exhibition.`,
  });
}

/** Kiosk bundles mark every page `data-mode="kiosk"`; a web bundle has no attract screen. */
async function assertKiosk(dir: string, what: string): Promise<void> {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) throw notABundle(what);
  const html = await readFile(index, 'utf8');
  if (!/data-mode="kiosk"/.test(html))
    throw new AppError('INVALID_INPUT', {
      de: `${what} ist ein Web-Paket, kein Kiosk-Paket. Bitte mit „--mode kiosk“ exportieren.`,
      en: `${what} is a web bundle, not a kiosk bundle. Export it with “--mode kiosk”.`,
    });
}

/**
 * Security decision: a zip's entry names come from outside. Only plain relative names are
 * unpacked (no `..`, no absolute paths, no backslashes or NUL), so an archive cannot write
 * outside its temporary folder.
 */
export function safeEntryName(name: string): boolean {
  if (!name || name.includes('\0') || name.includes('\\') || name.startsWith('/')) return false;
  return name
    .replace(/\/$/, '')
    .split('/')
    .every((s) => s !== '' && s !== '.' && s !== '..' && !/^[A-Za-z]:$/.test(s));
}

async function unpack(zipFile: string): Promise<BundleSource> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await readFile(zipFile)));
  } catch (error) {
    throw new AppError(
      'FILE_INVALID_DATA',
      {
        de: `${zipFile} ist keine lesbare Zip-Datei.`,
        en: `${zipFile} is not a readable zip file.`,
      },
      { cause: error },
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'vitrine-kiosk-bundle-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    for (const [name, data] of Object.entries(entries)) {
      if (!safeEntryName(name)) throw notABundle(zipFile);
      if (name.endsWith('/')) continue;
      const target = path.join(dir, ...name.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data, { flag: 'wx' });
    }
    await assertKiosk(dir, zipFile);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, dispose };
}

/**
 * What `vitrine kiosk PATH` may be given: a kiosk bundle folder, its zip, or a library folder
 * with an exhibition slug (exported on the fly into a temporary folder, in kiosk mode).
 */
export async function openBundleSource(
  input: string,
  options: { exhibition?: string; languages?: string[]; idleSeconds?: number } = {},
): Promise<BundleSource> {
  const info = await stat(input).catch(() => null);
  if (!info) throw new AppError('NOT_FOUND', { de: `${input} fehlt.`, en: `${input} is missing.` });
  if (info.isFile()) {
    if (!/\.zip$/i.test(input)) throw notABundle(input);
    return unpack(input);
  }
  if (existsSync(path.join(input, 'library.json'))) {
    if (!options.exhibition)
      throw new AppError('INVALID_INPUT', {
        de: `${input} ist eine Bibliothek: bitte mit --exhibition SLUG die Ausstellung nennen.`,
        en: `${input} is a library: name the exhibition with --exhibition SLUG.`,
      });
    const work = await mkdtemp(path.join(tmpdir(), 'vitrine-kiosk-export-'));
    const dir = path.join(work, 'bundle');
    try {
      await exportExhibition({
        libraryDir: input,
        exhibition: options.exhibition,
        mode: 'kiosk',
        outDir: dir,
        ...(options.languages ? { languages: options.languages } : {}),
        ...(options.idleSeconds ? { idleSeconds: options.idleSeconds } : {}),
      });
    } catch (error) {
      await rm(work, { recursive: true, force: true });
      throw error;
    }
    return { dir, dispose: () => rm(work, { recursive: true, force: true }) };
  }
  await assertKiosk(input, input);
  return { dir: path.resolve(input), dispose: async () => undefined };
}
