import { createHash } from 'node:crypto';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CollectionName } from '../../../shared/domain/library';
import { fileError } from './diagnostics';
import { faultPoint, fsyncDir, unlinkDurable } from './fs-atomic';
import { LOG_FILE } from './layout';

/**
 * The change log, `data/log.jsonl`: one JSON line per acknowledged change holding the new version
 * of every entity it touched (null for a removed one) and the new manifest when it changed. A
 * change costs one appended line and one fsync instead of rewriting the files it touches; the
 * data files catch up in a compaction (see store.ts), after which the log is removed. Opening
 * replays the lines newer than the data files over them.
 *
 * Each line ends with a checksum of the line before it, so a line cut short by a crash (or by a
 * full disk) is recognised: only the last line can be torn that way, and it was never
 * acknowledged, so it is ignored with a note. A bad line followed by good ones is damage and
 * stops the open instead.
 */
export interface LogRecord {
  revision: number;
  /** Per collection: id → the entity's new version, or null when it was removed. */
  changes: Partial<Record<CollectionName, Record<string, unknown>>>;
  manifest?: unknown;
}

const SUM_KEY = ',"checksum":"';
/** `,"checksum":"` + 64 hex digits + `"}` */
const SUM_TAIL = SUM_KEY.length + 64 + 2;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The same kind of line made piece by piece from the change maps, for the store: a 10,000-item
 * batch as one string (plus its copy with the checksum and its encoded bytes) held about 70 MB at
 * once and pushed a table import's peak memory over its limit (issue 11 §5). The pieces are one
 * entity each; the checksum is fed as they go and ends the line, so the file holds exactly one
 * line per change as before, and a line cut short anywhere is still a torn line.
 */
export function* logLinePieces(
  revision: number,
  changes: Partial<Record<CollectionName, ReadonlyMap<string, unknown>>>,
  manifest?: unknown,
): Generator<string> {
  const hash = createHash('sha256');
  const piece = (text: string) => {
    hash.update(text);
    return text;
  };
  yield piece(`{"revision":${JSON.stringify(revision)},"changes":{`);
  let firstCollection = true;
  for (const [collection, map] of Object.entries(changes)) {
    if (!map || map.size === 0) continue;
    yield piece(`${firstCollection ? '' : ','}${JSON.stringify(collection)}:{`);
    firstCollection = false;
    let first = true;
    for (const [id, value] of map) {
      yield piece(`${first ? '' : ','}${JSON.stringify(id)}:${JSON.stringify(value ?? null)}`);
      first = false;
    }
    yield piece('}');
  }
  yield piece('}');
  if (manifest !== undefined) yield piece(`,"manifest":${JSON.stringify(manifest)}`);
  hash.update('}');
  yield `${SUM_KEY}${hash.digest('hex')}"}\n`;
}

/** The record of one line, or null when the line is torn or does not match its checksum. */
function parseLine(line: string): LogRecord | null {
  if (line.length <= SUM_TAIL || !line.endsWith('"}')) return null;
  const at = line.length - SUM_TAIL;
  if (line.slice(at, at + SUM_KEY.length) !== SUM_KEY) return null;
  const sum = line.slice(at + SUM_KEY.length, -2);
  const body = `${line.slice(0, at)}}`;
  if (sha256(body) !== sum) return null;
  try {
    const record = JSON.parse(body) as LogRecord;
    if (
      !Number.isInteger(record.revision) ||
      typeof record.changes !== 'object' ||
      record.changes === null
    )
      return null;
    return record;
  } catch {
    return null;
  }
}

export interface ReadLog {
  records: LogRecord[];
  /** Bytes of the complete, valid lines: where the next line goes. */
  validBytes: number;
  /** Set when the log ends in a torn line (a change that was never acknowledged). */
  torn: { line: number; bytes: number } | null;
}

/** Joins small pieces into strings of about `size` characters. */
function* chunked(pieces: Iterable<string>, size: number): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

export const NO_LOG: ReadLog = { records: [], validBytes: 0, torn: null };

/** Reads the log's text (null: no log). Throws FILE_INVALID_DATA when a line before the last is bad. */
export function parseLog(text: string | null): ReadLog {
  if (text === null || text.length === 0) return NO_LOG;
  const records: LogRecord[] = [];
  let offset = 0;
  let validBytes = 0;
  let line = 0;
  while (offset < text.length) {
    line++;
    const end = text.indexOf('\n', offset);
    const raw = end === -1 ? text.slice(offset) : text.slice(offset, end);
    const record = end === -1 ? null : parseLine(raw);
    const next = end === -1 ? text.length : end + 1;
    if (!record) {
      if (text.slice(next).trim() !== '')
        throw fileError(
          'FILE_INVALID_DATA',
          {
            de: `Zeile ${line} des Änderungsprotokolls ist beschädigt (Prüfsumme stimmt nicht), spätere Zeilen sind vorhanden`,
            en: `Line ${line} of the change log is damaged (checksum does not match) and later lines follow`,
          },
          { file: LOG_FILE, line, column: 1 },
        );
      return {
        records,
        validBytes,
        torn: { line, bytes: Buffer.byteLength(text.slice(offset)) },
      };
    }
    records.push(record);
    validBytes += Buffer.byteLength(text.slice(offset, next));
    offset = next;
  }
  return { records, validBytes, torn: null };
}

/**
 * Appends lines durably: open, append, fdatasync, close per change (creating the file also syncs
 * its folder). No descriptor stays open between changes, so the disk can be remounted or the
 * folder moved while the library is open. A failed append is taken back (the file cut to its
 * former length, or removed when this append created it), so a refused change leaves no trace;
 * when even that fails the error carries `undone: false` and the caller stops writing.
 */
export class LogWriter {
  private entryCount: number;

  constructor(
    readonly root: string,
    private bytes: number,
    entries: number,
    /** Characters per write of a line given in pieces (tests make it small to kill mid-line). */
    private readonly chunkSize = 1 << 20,
  ) {
    this.entryCount = entries;
  }

  get path(): string {
    return join(this.root, LOG_FILE);
  }

  /** Bytes in the log (complete lines). */
  get size(): number {
    return this.bytes;
  }

  get entries(): number {
    return this.entryCount;
  }

  /** One line, as a string or in pieces (written in chunks of about 1 MB). */
  async append(line: string | Iterable<string>): Promise<void> {
    const path = this.path;
    const before = this.bytes;
    // Whether this append creates the file follows from the size we track.
    const created = before === 0;
    let handle: FileHandle | null = null;
    // What there is to take back: nothing, a file this append created, or bytes it wrote.
    let stage: 'none' | 'opened' | 'written' = 'none';
    let written = 0;
    try {
      await faultPoint('open', path);
      handle = await open(path, 'a', 0o644);
      stage = 'opened';
      if (created) await fsyncDir(dirname(path));
      await faultPoint('write', path);
      stage = 'written';
      // appendFile writes all of it (a single write may stop short when the disk fills up).
      if (typeof line === 'string') {
        await handle.appendFile(line);
        written = Buffer.byteLength(line);
      } else
        for (const chunk of chunked(line, this.chunkSize)) {
          // Each further chunk is a step of its own: a kill here leaves a torn line.
          if (written > 0) await faultPoint('write', path);
          await handle.appendFile(chunk);
          written += Buffer.byteLength(chunk);
        }
      await faultPoint('fsync', path);
      await handle.datasync();
      await handle.close();
      handle = null;
    } catch (error) {
      await handle?.close().catch(() => undefined);
      const undone =
        stage === 'none' || (stage === 'opened' && !created)
          ? true
          : await this.takeBack(before, created);
      throw Object.assign(error as Error, { undone });
    }
    this.bytes += written;
    this.entryCount++;
  }

  /** Cuts the log back to `length` bytes (e.g. a torn last line at open). */
  async truncate(length: number): Promise<void> {
    await faultPoint('truncate', this.path);
    const handle = await open(this.path, 'r+');
    try {
      await handle.truncate(length);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.bytes = length;
  }

  private async takeBack(length: number, created: boolean): Promise<boolean> {
    try {
      if (created) {
        await unlink(this.path).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
        });
        await fsyncDir(dirname(this.path)).catch(() => undefined);
      } else {
        const handle = await open(this.path, 'r+');
        try {
          await handle.truncate(length);
          await handle.datasync();
        } finally {
          await handle.close();
        }
      }
      this.bytes = length;
      return true;
    } catch {
      return false;
    }
  }

  /** Removes the log once the data files hold everything in it. */
  async remove(): Promise<void> {
    await unlinkDurable(this.path);
    this.bytes = 0;
    this.entryCount = 0;
  }
}
