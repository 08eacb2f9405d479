import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A small web bundle shaped like an export: start page, chapter pages per language, styles,
 * script and images. Each call to `write` rewrites the folder from `files`, so a test edits a
 * chapter or deletes one the way a new export would.
 */
export function bundleFiles(version = 1): Record<string, string> {
  return {
    'index.html': `<!doctype html><title>Start v${version}</title><a href="de/index.html">de</a>`,
    'de/index.html': `<!doctype html><title>Ausstellung v${version}</title>`,
    'de/kapitel-1.html': '<!doctype html><title>Kapitel 1</title><img src="../media/a.jpg">',
    'de/kapitel-2.html': '<!doctype html><title>Kapitel 2</title><img src="../media/b.jpg">',
    'en/index.html': `<!doctype html><title>Exhibition v${version}</title>`,
    'en/chapter-1.html': '<!doctype html><title>Chapter 1</title>',
    'en/chapter-2.html': '<!doctype html><title>Chapter 2</title>',
    'assets/style.css': 'body { font-family: serif; }',
    'assets/runtime.js': '(() => {})();',
    'media/a.jpg': 'A'.repeat(5000),
    'media/b.jpg': 'B'.repeat(7000),
    'media/extra/c.jpg': 'C'.repeat(3000),
  };
}

export async function writeBundle(dir: string, files: Record<string, string>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, ...rel.split('/'));
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  }
}

/** Every file under `dir` with its text, leaving out the publisher's own manifest. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/');
    if (rel === '.vitrine-publish.json') continue;
    out[rel] = await readFile(path.join(dir, rel), 'utf8');
  }
  return out;
}

/** Folders under `dir` (to prove emptied folders are removed). */
export async function listDirs(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
