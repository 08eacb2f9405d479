import { MAX_DWELL_MS } from './constants';

/**
 * The report's hot path over a million stored lines: reads the player's own line shape straight
 * from the file's bytes into one reused record, so no string, object or Date is made per event
 * (fast-line.ts made a latin1 string and an event object per line, 2.5 s for a million on a quiet
 * machine). It is a byte-for-byte port of `parseCommonLine` and accepts exactly the lines that
 * function accepts (tests/unit/shared/kiosk/fast-bytes.test.ts holds both to the schema over
 * mutated lines); anything else answers `false`, and the caller takes the JSON.parse/zod path.
 *
 * What the report needs from `t` is the local day and hour as written: the day comes back as the
 * number YYYYMMDD and the hour as a number, both read from the digits.
 */

export const SCAN_SESSION_START = 1;
export const SCAN_SESSION_END = 2;
export const SCAN_PAGE_VIEW = 3;
export const SCAN_MEDIA_PLAY = 4;
export const SCAN_IDLE_RESET = 5;

export interface ScannedLine {
  type: number;
  /** The local day as the number YYYYMMDD. */
  day: number;
  hour: number;
  /** Interned: the same string object for every line with the same bytes. */
  lang: string;
  page: string;
  chapter: number;
  /** dwellMs of a page view, durationMs of a session end. */
  value: number;
  kind: 'audio' | 'video';
  reason: 'idle' | 'new_session' | 'player_stop';
}

export function createScannedLine(): ScannedLine {
  return {
    type: 0,
    day: 0,
    hour: 0,
    lang: '',
    page: '',
    chapter: 0,
    value: 0,
    kind: 'audio',
    reason: 'idle',
  };
}

/** `YYYYMMDD` as the `YYYY-MM-DD` the report names days with. */
export function dayString(day: number): string {
  const s = String(day).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const HEAD = bytes('{"type":"');
const PAGE_VIEW = bytes('page_view","lang":"');
const PAGE_KEY = bytes(',"page":"');
const CHAPTER_KEY = bytes(',"chapter":');
const DWELL_KEY = bytes(',"dwellMs":');
const SESSION_START = bytes('session_start"');
const SESSION_END = bytes('session_end","reason":"');
const IDLE = bytes('idle"');
const NEW_SESSION = bytes('new_session"');
const PLAYER_STOP = bytes('player_stop"');
const DURATION_KEY = bytes(',"durationMs":');
const IDLE_RESET = bytes('idle_reset"');
const MEDIA_PLAY = bytes('media_play","kind":"');
const AUDIO = bytes('audio"');
const VIDEO = bytes('video"');
const T_KEY = bytes(',"t":"');

const LANG = /^[a-z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}$/;
const PAGE = /^[a-z0-9][a-z0-9-]*\.html$/;

/**
 * Byte strings → the one string for them, for the handful of languages and few dozen pages of a
 * kiosk. Bounded like fast-line's cache, so a file of random names cannot grow it; a value that
 * does not fit is still read, only not remembered.
 */
class Interner {
  private readonly slots = new Map<number, Array<{ bytes: Uint8Array; value: string }>>();
  private size = 0;
  constructor(private readonly pattern: RegExp) {}

  /** The string of `buf[from, to)` (hash `h`) if it passes the pattern, else undefined. */
  get(buf: Uint8Array, from: number, to: number, h: number): string | undefined {
    const list = this.slots.get(h);
    if (list)
      outer: for (const entry of list) {
        const b = entry.bytes;
        if (b.length !== to - from) continue;
        for (let k = 0; k < b.length; k++) if (b[k] !== buf[from + k]) continue outer;
        return entry.value;
      }
    // Every accepted byte is ASCII, so latin1 is the text.
    let value = '';
    for (let k = from; k < to; k++) value += String.fromCharCode(buf[k]!);
    if (!this.pattern.test(value)) return undefined;
    if (this.size < 1000) {
      this.size++;
      const entry = { bytes: buf.slice(from, to), value };
      if (list) list.push(entry);
      else this.slots.set(h, [entry]);
    }
    return value;
  }
}
const LANGS = new Interner(LANG);
const PAGES = new Interner(PAGE);

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isLangChar = (c: number) =>
  isLower(c) || isDigit(c) || c === 0x2d || (c >= 0x41 && c <= 0x5a);
const isPageChar = (c: number) => isLower(c) || isDigit(c) || c === 0x2d || c === 0x2e;

// The scan position and line end, module state so that a line costs no allocation.
let buf: Uint8Array = new Uint8Array(0);
let pos = 0;
let end = 0;

/** Consumes `text` if the line goes on with it. */
function lit(text: Uint8Array): boolean {
  if (pos + text.length > end) return false;
  for (let k = 0; k < text.length; k++) if (buf[pos + k] !== text[k]) return false;
  pos += text.length;
  return true;
}

/**
 * A string's bytes up to its closing quote (consumed), all language-tag (`lang`) or page-name
 * characters, interned. Two loops rather than a character test passed in: the call stays direct.
 */
function str(lang: boolean, max: number, cache: Interner): string | undefined {
  const from = pos;
  const stop = Math.min(end, from + max + 1);
  let h = 0;
  for (let i = from; i < stop; i++) {
    const c = buf[i]!;
    if (c === 0x22) {
      pos = i + 1;
      return cache.get(buf, from, i, h);
    }
    if (lang ? !isLangChar(c) : !isPageChar(c)) return undefined;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return undefined;
}

/** A JSON integer ≥ 0 as JSON writes it (no leading zeros, no sign, no exponent), safe size. */
function int(): number {
  let i = pos;
  let c = i < end ? buf[i]! : -1;
  if (!isDigit(c)) return -1;
  let n = c - 0x30;
  i++;
  if (n === 0) {
    if (i < end && isDigit(buf[i]!)) return -1;
  } else
    while (i < end && isDigit((c = buf[i]!))) {
      n = n * 10 + (c - 0x30);
      // 15 digits stay exact; longer numbers go to the schema.
      if (++i - pos > 15) return -1;
    }
  pos = i;
  return n;
}

const at = (i: number) => (i < end ? buf[i]! : -1);

/** `,"t":"<ISO time with offset>"}` and the end of the line; fills day and hour. */
function time(out: ScannedLine): boolean {
  if (!lit(T_KEY)) return false;
  const from = pos;
  // YYYY-MM-DDTHH:MM:SS
  if (from + 19 > end) return false;
  for (let k = 0; k < 19; k++) {
    const c = buf[from + k]!;
    if (k === 4 || k === 7) {
      if (c !== 0x2d) return false;
    } else if (k === 10) {
      if (c !== 0x54) return false;
    } else if (k === 13 || k === 16) {
      if (c !== 0x3a) return false;
    } else if (!isDigit(c)) return false;
  }
  let i = from + 19;
  if (at(i) === 0x2e) {
    let digits = 0;
    while (isDigit(at(++i))) digits++;
    if (digits < 1 || digits > 3) return false;
  }
  const c = at(i);
  if (c === 0x5a /* Z */) i++;
  else if (c === 0x2b || c === 0x2d) {
    if (
      !isDigit(at(i + 1)) ||
      !isDigit(at(i + 2)) ||
      at(i + 3) !== 0x3a ||
      !isDigit(at(i + 4)) ||
      !isDigit(at(i + 5))
    )
      return false;
    i += 6;
  } else return false;
  if (i + 2 !== end || at(i) !== 0x22 || at(i + 1) !== 0x7d) return false;
  const d = (k: number) => buf[from + k]! - 0x30;
  out.day =
    d(0) * 10_000_000 +
    d(1) * 1_000_000 +
    d(2) * 100_000 +
    d(3) * 10_000 +
    d(5) * 1000 +
    d(6) * 100 +
    d(8) * 10 +
    d(9);
  out.hour = d(11) * 10 + d(12);
  return true;
}

/**
 * Reads `bytes[start, stop)` (one line without its newline) into `out`; false when the line is
 * not the player's own shape (then `out` holds garbage and the caller takes the slow path).
 */
export function scanCommonLine(
  bytes: Uint8Array,
  start: number,
  stop: number,
  out: ScannedLine,
): boolean {
  buf = bytes;
  pos = start;
  end = stop;
  if (!lit(HEAD)) return false;
  switch (at(pos)) {
    case 0x70 /* p */: {
      if (!lit(PAGE_VIEW)) return false;
      const lang = str(true, 30, LANGS);
      if (lang === undefined || !lit(PAGE_KEY)) return false;
      const page = str(false, 120, PAGES);
      if (page === undefined || !lit(CHAPTER_KEY)) return false;
      const chapter = int();
      if (chapter < 0 || chapter > 999 || !lit(DWELL_KEY)) return false;
      const dwellMs = int();
      if (dwellMs < 0 || dwellMs > MAX_DWELL_MS || !time(out)) return false;
      out.type = SCAN_PAGE_VIEW;
      out.lang = lang;
      out.page = page;
      out.chapter = chapter;
      out.value = dwellMs;
      return true;
    }
    case 0x73 /* s */: {
      if (lit(SESSION_START)) {
        out.type = SCAN_SESSION_START;
        return time(out);
      }
      if (!lit(SESSION_END)) return false;
      if (lit(IDLE)) out.reason = 'idle';
      else if (lit(NEW_SESSION)) out.reason = 'new_session';
      else if (lit(PLAYER_STOP)) out.reason = 'player_stop';
      else return false;
      if (!lit(DURATION_KEY)) return false;
      const durationMs = int();
      if (durationMs < 0) return false;
      out.type = SCAN_SESSION_END;
      out.value = durationMs;
      return time(out);
    }
    case 0x69 /* i */:
      if (!lit(IDLE_RESET)) return false;
      out.type = SCAN_IDLE_RESET;
      return time(out);
    case 0x6d /* m */: {
      if (!lit(MEDIA_PLAY)) return false;
      if (lit(AUDIO)) out.kind = 'audio';
      else if (lit(VIDEO)) out.kind = 'video';
      else return false;
      if (!lit(CHAPTER_KEY)) return false;
      const chapter = int();
      if (chapter < 0 || chapter > 999) return false;
      out.type = SCAN_MEDIA_PLAY;
      out.chapter = chapter;
      return time(out);
    }
    default:
      return false;
  }
}
