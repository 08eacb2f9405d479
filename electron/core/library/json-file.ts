import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Adapter } from 'lowdb';
import { fileError, parseJsonText } from './diagnostics';
import { writeFileAtomic } from './fs-atomic';
import { MAX_DATA_FILE_BYTES } from './layout';

/** The one serialization of every library file, so journal text and direct writes agree. */
export function serializeJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

function unreadable(rel: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  return fileError(
    'FILE_UNREADABLE',
    {
      de: `Die Datei kann nicht gelesen werden (${code})`,
      en: `The file cannot be read (${code})`,
    },
    { file: rel },
    { cause: error },
  );
}

/**
 * Reads a library file as text, or null when it does not exist. Size is checked with stat first:
 * a runaway file must fail fast with a clear message instead of exhausting memory.
 */
export async function readTextFile(
  root: string,
  rel: string,
  maxBytes = MAX_DATA_FILE_BYTES,
): Promise<string | null> {
  const bytes = await readFileBytes(root, rel, maxBytes);
  return bytes === null ? null : bytes.toString('utf8');
}

/** As readTextFile, the bytes themselves (so a content hash needs no second encoding). */
export async function readFileBytes(
  root: string,
  rel: string,
  maxBytes = MAX_DATA_FILE_BYTES,
): Promise<Buffer | null> {
  const path = join(root, rel);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unreadable(rel, error);
  }
  if (size > maxBytes) {
    const mb = (n: number) => Math.round(n / (1024 * 1024));
    throw fileError(
      'FILE_TOO_LARGE',
      {
        de: `Die Datei ist mit ${mb(size)} MB größer als die erlaubten ${mb(maxBytes)} MB`,
        en: `The file is ${mb(size)} MB, more than the allowed ${mb(maxBytes)} MB`,
      },
      { file: rel },
      { details: { bytes: size, maxBytes } },
    );
  }
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw unreadable(rel, error);
  }
}

/**
 * lowdb adapter for one library file. Unlike lowdb's own JSONFile (steno), a write is durable when
 * it resolves (fsync of file and folder), and a read reports damage with file, line and column
 * instead of a bare SyntaxError. Validation against the schema happens one level up.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly root: string,
    readonly rel: string,
    readonly maxBytes = MAX_DATA_FILE_BYTES,
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextFile(this.root, this.rel, this.maxBytes);
    if (text === null) return null;
    return parseJsonText(text, this.rel) as T;
  }

  async write(data: T): Promise<void> {
    await writeFileAtomic(join(this.root, this.rel), serializeJson(data));
  }
}
