import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

/** 1980-01-01, the earliest DOS date: a fixed time makes the archive byte-identical across runs. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const STORED = /\.(avif|webp|jpe?g|png|mp3|m4a|mp4|webm|ogg|pdf|zip)$/i;

export async function listFiles(root: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, child)));
    else if (e.isFile()) out.push(child);
  }
  return out;
}

/** A zip of the folder with sorted entries and fixed times; media is stored, text deflated. */
export async function zipFolder(root: string): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const rel of await listFiles(root)) {
    const data = new Uint8Array(await readFile(path.join(root, rel)));
    files[rel] = [data, { level: STORED.test(rel) ? 0 : 9, mtime: FIXED_MTIME }];
  }
  return zipSync(files, { mtime: FIXED_MTIME });
}
