import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MAX_BATCH_COMMANDS } from '../../../shared/domain/commands';
import { tableEmpty, tooManyRows } from './errors';
import type { Table } from './read-table';

/**
 * A folder import without a table: every media file under the folder becomes a row of a table
 * made here, so it goes through the same planner, dry run, media importer and single undo step.
 * Sub-folders become tags ("Leeds/1969/empfang.jpg" → Leeds, 1969). A sidecar beside a file —
 * `empfang.jpg.json` / `empfang.json` (keys as table headers: "title", "Datum", "dcterms:subject")
 * or `empfang.xmp` (Dublin Core title, description, creator, subject, date, rights) — fills it.
 */
const MEDIA_EXT = /\.(jpe?g|png|tiff?|webp|gif|heic|avif|mp3|wav|m4a|ogg|flac|mp4|webm|mov|pdf)$/i;
/** One folder import is one batch: the store's batch cap. */
const MAX_FILES = MAX_BATCH_COMMANDS;

export interface FolderTableOptions {
  /** Column of the file names; the planner's mapping maps it to `media`. */
  maxFiles?: number;
}

function xmpField(xml: string, name: string): string | undefined {
  const block = new RegExp(`<dc:${name}[^>]*>([\\s\\S]*?)</dc:${name}>`).exec(xml)?.[1];
  if (block === undefined) {
    const attr = new RegExp(`dc:${name}="([^"]*)"`).exec(xml)?.[1];
    return attr;
  }
  const items = [...block.matchAll(/<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/g)].map((m) => m[1]!.trim());
  const text = items.length > 0 ? items.join('; ') : block.trim();
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

async function sidecar(file: string): Promise<Record<string, string>> {
  const base = file.replace(/\.[^./\\]+$/, '');
  for (const candidate of [`${file}.json`, `${base}.json`]) {
    const text = await readFile(candidate, 'utf8').catch(() => null);
    if (text === null) continue;
    try {
      const data = JSON.parse(text.replace(/^\ufeff/, '')) as unknown;
      if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(data))
        if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
        else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join('; ');
      return out;
    } catch {
      return {};
    }
  }
  for (const candidate of [`${base}.xmp`, `${file}.xmp`]) {
    const xml = await readFile(candidate, 'utf8').catch(() => null);
    if (xml === null) continue;
    const out: Record<string, string> = {};
    for (const name of [
      'title',
      'description',
      'creator',
      'subject',
      'date',
      'rights',
      'source',
      'identifier',
    ]) {
      const v = xmpField(xml, name);
      if (v) out[`dc:${name}`] = v;
    }
    return out;
  }
  return {};
}

export async function folderTable(
  folder: string,
  options: FolderTableOptions = {},
): Promise<Table> {
  const root = path.resolve(folder);
  const files: string[] = [];
  // Symlinks are not followed: the walk stays in the folder (the resolver checks again later).
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && MEDIA_EXT.test(entry.name)) files.push(full);
    }
  };
  await walk(root);
  const limit = options.maxFiles ?? MAX_FILES;
  if (files.length === 0) throw tableEmpty(path.basename(root));
  if (files.length > limit) throw tooManyRows(path.basename(root), files.length, limit);
  const sidecars = await Promise.all(files.map(sidecar));
  const extra = [...new Set(sidecars.flatMap((s) => Object.keys(s)))];
  // The file name is the title unless a sidecar gives one (a later non-empty column wins).
  const headers = ['Datei', 'Ordner', 'Titel', ...extra];
  const rows = files.map((file, i) => {
    const rel = path.relative(root, file).split(path.sep);
    const folders = rel.slice(0, -1).join('; ');
    const title = path.basename(file).replace(/\.[^.]+$/, '');
    return [rel.join('/'), folders, title, ...extra.map((h) => sidecars[i]![h] ?? '')];
  });
  return {
    name: path.basename(root),
    // A name inside the folder, so "the table's folder" (the default media folder) is the folder.
    file: path.join(root, '.folder-import'),
    format: 'csv',
    headers,
    rows,
    lines: rows.map((_, i) => i + 1),
  };
}
