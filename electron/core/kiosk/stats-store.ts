import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { storedEventSchema, type KioskEvent, type StoredEvent } from '../../../shared/kiosk/events';
import { isCommonStoredEvent } from '../../../shared/kiosk/fast-check';
import { parseCommonLine } from '../../../shared/kiosk/fast-line';
import {
  createScannedLine,
  scanCommonLine,
  type ScannedLine,
} from '../../../shared/kiosk/fast-bytes';
import { fsyncDir } from '../library/fs-atomic';

/**
 * Visitor statistics on the player's disk: one NDJSON file per local day
 * (`stats/2026-05-14.ndjson`), appended line by line.
 *
 * Durability: every accepted event is written and `fdatasync`ed before the request is answered,
 * and a new day file's folder entry is fsynced. A crash can at worst leave a torn last line; the
 * writer starts a fresh line on reopen and the reader skips (and counts) what does not parse.
 * Bounded: a day file stops growing at `maxDayBytes` (events beyond are counted as dropped), and
 * the oldest day files go when all together exceed `maxTotalBytes`.
 */

export const STATS_FOLDER = 'stats';
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.ndjson$/;
/** A line longer than this is damage, not an event (real lines are < 200 bytes). */
export const MAX_LINE_BYTES = 4096;

export interface StatsWriterOptions {
  /** The player's data folder; files go to `<dataDir>/stats/`. */
  dataDir: string;
  clock?: () => Date;
  maxDayBytes?: number;
  maxTotalBytes?: number;
}

export interface StatsWriter {
  /** Stores validated events in order (and the session ends they imply); resolves once durable. */
  record(...events: KioskEvent[]): Promise<void>;
  /** Closes an open session (reason `player_stop`) and the file. */
  close(): Promise<void>;
  readonly counts: { written: number; dropped: number };
}

/** Local time with its offset, so days and hours are the kiosk's own, e.g. 2026-05-14T10:03:00.120+02:00. */
export function localIso(date: Date): string {
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

export function createStatsWriter(options: StatsWriterOptions): StatsWriter {
  const dir = path.join(options.dataDir, STATS_FOLDER);
  const clock = options.clock ?? (() => new Date());
  const maxDay = options.maxDayBytes ?? 16 * 2 ** 20;
  const maxTotal = options.maxTotalBytes ?? 256 * 2 ** 20;
  const counts = { written: 0, dropped: 0 };
  let handle: FileHandle | null = null;
  let day = '';
  let size = 0;
  let sessionStart: number | null = null;
  // Appends run one after another so lines never interleave.
  let queue: Promise<void> = Promise.resolve();

  async function prune(): Promise<void> {
    const files = (await readdir(dir)).filter((f) => DAY_FILE.test(f)).sort();
    const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(dir, f))).size));
    let total = sizes.reduce((a, b) => a + b, 0);
    // Never the current day's file: it is the one being written.
    for (let i = 0; i < files.length - 1 && total > maxTotal; i++) {
      await unlink(path.join(dir, files[i]!));
      total -= sizes[i]!;
    }
    await fsyncDir(dir);
  }

  async function fileFor(now: Date): Promise<void> {
    const today = localIso(now).slice(0, 10);
    if (handle && today === day) return;
    await handle?.close();
    handle = null;
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${today}.ndjson`);
    const opened = await open(file, 'a+');
    const info = await opened.stat();
    size = info.size;
    if (size > 0) {
      // A torn last line from a crash: start on a fresh line so the next event stays readable.
      const last = Buffer.alloc(1);
      await opened.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) {
        await opened.write('\n');
        size++;
      }
    }
    handle = opened;
    day = today;
    await fsyncDir(dir);
    await prune();
  }

  async function append(lines: object[], now: Date): Promise<void> {
    await fileFor(now);
    const t = localIso(now);
    const text = lines.map((l) => `${JSON.stringify({ ...l, t })}\n`).join('');
    const bytes = Buffer.byteLength(text);
    if (size + bytes > maxDay) {
      counts.dropped += lines.length;
      return;
    }
    await handle!.write(text);
    await handle!.datasync();
    size += bytes;
    counts.written += lines.length;
  }

  function endLine(reason: 'idle' | 'new_session' | 'player_stop', now: Date) {
    const durationMs = Math.max(0, now.getTime() - (sessionStart ?? now.getTime()));
    sessionStart = null;
    return { type: 'session_end', reason, durationMs };
  }

  function enqueue(work: () => Promise<void>): Promise<void> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    counts,
    record(...events) {
      return enqueue(async () => {
        const now = clock();
        const lines: object[] = [];
        for (const event of events)
          if (event.type === 'session_start') {
            if (sessionStart !== null) lines.push(endLine('new_session', now));
            sessionStart = now.getTime();
            lines.push(event);
          } else if (event.type === 'idle_reset') {
            lines.push(event);
            if (sessionStart !== null) lines.push(endLine('idle', now));
          } else {
            // Outside a session (a beacon that overtook the first touch, say) an event still counts
            // for its chapter but starts no visit: only a touch on the attract screen does.
            lines.push(event);
          }
        await append(lines, now);
      });
    },
    close() {
      return enqueue(async () => {
        if (sessionStart !== null) {
          const now = clock();
          await append([endLine('player_stop', now)], now);
        }
        await handle?.close();
        handle = null;
      });
    },
  };
}

export interface ReadResult {
  files: number;
  lines: number;
  /** Lines that are not a valid event (torn, edited, too long): skipped, never fatal. */
  corrupt: number;
}

/**
 * Streams every stored event of a player's data folder (or its `stats/` folder) in day order to
 * `onEvent`. Memory stays flat however large a file is: lines are cut from 1 MB chunks and an
 * overlong line is skipped without being held.
 */
export async function readStats(
  folder: string,
  onEvent: (event: StoredEvent) => void,
  /**
   * Given, the player's own lines are read straight from the bytes into one reused record and
   * handed here instead of `onEvent` (the report's path over a million lines); `onEvent` still
   * gets every other valid line.
   */
  onScanned?: (line: ScannedLine) => void,
): Promise<ReadResult> {
  let dir = folder;
  const direct = await readdir(folder).catch(() => null);
  if (direct === null) return { files: 0, lines: 0, corrupt: 0 };
  if (direct.includes(STATS_FOLDER)) dir = path.join(folder, STATS_FOLDER);
  const names = (dir === folder ? direct : await readdir(dir))
    .filter((f) => DAY_FILE.test(f))
    .sort();
  const result: ReadResult = { files: names.length, lines: 0, corrupt: 0 };
  // The hot path reads the player's own line shape by hand: from the bytes when the caller takes
  // scanned lines (shared/kiosk/fast-bytes.ts), else from the line as latin1, one native call and
  // no UTF-8 decoding (shared/kiosk/fast-line.ts). Anything else is decoded as UTF-8 and goes
  // through JSON.parse and the schema.
  const scanned = createScannedLine();
  const take = (buf: Buffer, start: number, end: number) => {
    // Blank lines (e.g. the fresh line after a torn one) are not events and not damage.
    if (end === start || (end === start + 1 && buf[start] === 0x0d)) return;
    result.lines++;
    if (end - start > MAX_LINE_BYTES) {
      result.corrupt++;
      return;
    }
    if (onScanned) {
      if (scanCommonLine(buf, start, end, scanned)) return onScanned(scanned);
    } else {
      const common = parseCommonLine(buf.toString('latin1', start, end));
      if (common) return onEvent(common);
    }
    let value: unknown;
    try {
      value = JSON.parse(buf.toString('utf8', start, end));
    } catch {
      result.corrupt++;
      return;
    }
    if (isCommonStoredEvent(value)) return onEvent(value);
    const parsed = storedEventSchema.safeParse(value);
    if (parsed.success) onEvent(parsed.data);
    else result.corrupt++;
  };
  for (const name of names) {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let overlong = false;
    const stream = createReadStream(path.join(dir, name), { highWaterMark: 2 ** 20 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(0x0a, from);
        if (nl < 0) break;
        if (overlong) {
          result.lines++;
          result.corrupt++;
        } else if (pendingBytes) {
          const line = Buffer.concat([...pending, chunk.subarray(from, nl)]);
          take(line, 0, line.length);
        } else take(chunk, from, nl);
        pending = [];
        pendingBytes = 0;
        overlong = false;
        from = nl + 1;
      }
      const rest = chunk.subarray(from);
      if (rest.length && !overlong) {
        pendingBytes += rest.length;
        if (pendingBytes > MAX_LINE_BYTES) {
          overlong = true;
          pending = [];
        } else pending.push(Buffer.from(rest));
      }
    }
    if (overlong) {
      result.lines++;
      result.corrupt++;
    } else if (pendingBytes) {
      const line = Buffer.concat(pending);
      take(line, 0, line.length);
    }
  }
  return result;
}
