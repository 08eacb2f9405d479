import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unlinkDurable, writeFileAtomic } from './fs-atomic';
import { JOURNAL_FILE } from './layout';

/**
 * A change that touches several files is made all-or-nothing with a redo journal: the full new
 * content of every touched file is written (and fsynced) first, then the files, then the journal
 * is removed. A crash before the journal is complete leaves the old files; a crash after it is
 * repaired at the next open by writing the journal's files again (idempotent).
 */
export interface JournalEntry {
  /** Relative path inside the library; `null` content removes the file. */
  path: string;
  content: string | null;
}

export interface Journal {
  revision: number;
  files: JournalEntry[];
}

const FORMAT = 'vitrine-journal';

/** Only library files may be named: a journal is data from disk and must not write elsewhere. */
const ALLOWED_PATH =
  /^(?:library\.json|data\/[a-z]+\.json|data\/log\.jsonl|data\/items\/\d{2,4}\.json)$/;

function checksum(journal: Journal): string {
  return createHash('sha256')
    .update(JSON.stringify({ revision: journal.revision, files: journal.files }))
    .digest('hex');
}

/**
 * A journal entry whose content is made when it is needed. A batch over many shards would
 * otherwise hold every file's full text, the journal's text and the checksum's text at once
 * (several hundred MB for 10,000 items); made lazily, only one file's text lives at a time.
 * `content` must give the same text each time it is called.
 */
export interface LazyJournalEntry {
  path: string;
  content: () => string | null;
}

export interface LazyJournal {
  revision: number;
  files: LazyJournalEntry[];
}

function lazy(journal: Journal): LazyJournal {
  return {
    revision: journal.revision,
    files: journal.files.map((f) => ({ path: f.path, content: () => f.content })),
  };
}

/**
 * The journal's text in pieces, one file at a time. The checksum is the same as `checksum()`
 * (sha256 of `JSON.stringify({ revision, files })`), fed piece by piece, so journals written
 * either way read back alike; `format`, `revision`, `files`, `checksum` keep their order.
 */
function* journalPieces(journal: LazyJournal): Generator<string> {
  const hash = createHash('sha256');
  const both = (text: string) => {
    hash.update(text);
    return text;
  };
  const head = `"revision":${JSON.stringify(journal.revision)},"files":[`;
  hash.update(`{${head}`);
  yield `{"format":${JSON.stringify(FORMAT)},${head}`;
  let first = true;
  for (const f of journal.files) {
    const entry = JSON.stringify({ path: f.path, content: f.content() });
    yield both(first ? entry : `,${entry}`);
    first = false;
  }
  hash.update(']}');
  yield `],"checksum":${JSON.stringify(hash.digest('hex'))}}`;
}

export async function writeJournal(root: string, journal: Journal | LazyJournal): Promise<void> {
  const lazyJournal = isLazy(journal) ? journal : lazy(journal);
  for (const f of lazyJournal.files)
    if (!ALLOWED_PATH.test(f.path)) throw new Error(`journal path not allowed: ${f.path}`);
  await writeFileAtomic(join(root, JOURNAL_FILE), journalPieces(lazyJournal));
}

function isLazy(journal: Journal | LazyJournal): journal is LazyJournal {
  return journal.files.some((f) => typeof f.content === 'function');
}

export type JournalState =
  | { state: 'none' }
  | { state: 'complete'; journal: Journal }
  | { state: 'invalid'; reason: string };

export async function readJournal(root: string): Promise<JournalState> {
  let text: string;
  try {
    text = await readFile(join(root, JOURNAL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none' };
    return { state: 'invalid', reason: String(error) };
  }
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (raw.format !== FORMAT || typeof raw.revision !== 'number' || !Array.isArray(raw.files))
      return { state: 'invalid', reason: 'shape' };
    const files: JournalEntry[] = [];
    for (const f of raw.files as unknown[]) {
      const entry = f as Record<string, unknown>;
      if (
        typeof entry?.path !== 'string' ||
        !ALLOWED_PATH.test(entry.path) ||
        !(typeof entry.content === 'string' || entry.content === null)
      )
        return { state: 'invalid', reason: 'entry' };
      files.push({ path: entry.path, content: entry.content });
    }
    const journal = { revision: raw.revision, files };
    if (raw.checksum !== checksum(journal)) return { state: 'invalid', reason: 'checksum' };
    return { state: 'complete', journal };
  } catch {
    return { state: 'invalid', reason: 'json' };
  }
}

/** Writes every file of the journal (manifest last), then removes the journal. */
export async function applyJournal(root: string, journal: Journal | LazyJournal): Promise<void> {
  const lazyJournal = isLazy(journal) ? journal : lazy(journal);
  const ordered = [...lazyJournal.files].sort(
    (a, b) => Number(a.path === 'library.json') - Number(b.path === 'library.json'),
  );
  for (const entry of ordered) {
    const path = join(root, entry.path);
    const content = entry.content();
    if (content === null) await unlinkDurable(path);
    else {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, content);
    }
  }
  await unlinkDurable(join(root, JOURNAL_FILE));
}

export async function discardJournal(root: string): Promise<void> {
  await unlinkDurable(join(root, JOURNAL_FILE));
}
