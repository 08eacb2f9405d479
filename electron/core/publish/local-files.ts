import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestEntry } from './plan';
import { MANIFEST_NAME } from './plan';

/** Every file of an exported bundle with its content hash, keyed by `/`-separated path. */
export async function scanLocalFiles(root: string): Promise<Record<string, ManifestEntry>> {
  const files: Record<string, ManifestEntry> = {};
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const rels = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => rel !== MANIFEST_NAME)
    .sort();
  for (const rel of rels) {
    const data = await readFile(path.join(root, ...rel.split('/')));
    files[rel] = { sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
  }
  return files;
}
