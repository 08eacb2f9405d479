import { MAX_DWELL_MS } from './constants';
import type { StoredEvent } from './events';

/**
 * Reads one stored line exactly as the player writes it (`JSON.stringify` of a validated event
 * plus its time: fixed key order, no spaces, no escapes), without JSON.parse and without zod —
 * the hot path when a report reads a million events. It only ever answers an event that
 * `storedEventSchema.parse(JSON.parse(line))` would answer too (tests/unit/shared/kiosk/
 * fast-line.test.ts holds it to that over mutated lines); anything else — other key orders,
 * spaces, escapes, rare event types, damage — answers `undefined`, and the caller takes the slow
 * path, where the schema stays the authority.
 *
 * `line` may be decoded as latin1: every character this parser accepts is ASCII, so a UTF-8
 * sequence anywhere can only make it answer `undefined`.
 */
export function parseCommonLine(line: string): StoredEvent | undefined {
  if (!line.startsWith('{"type":"')) return undefined;
  const p = new Cursor(line, 9);
  switch (line.charCodeAt(9)) {
    case 0x70 /* p */: {
      if (!p.lit('page_view","lang":"')) return undefined;
      const lang = p.str(isLangChar, 30);
      if (lang === undefined || !known(LANGS, LANG, lang) || !p.lit(',"page":"')) return undefined;
      const page = p.str(isPageChar, 120);
      if (page === undefined || !known(PAGES, PAGE, page) || !p.lit(',"chapter":'))
        return undefined;
      const chapter = p.int();
      if (chapter === undefined || chapter > 999 || !p.lit(',"dwellMs":')) return undefined;
      const dwellMs = p.int();
      if (dwellMs === undefined || dwellMs > MAX_DWELL_MS) return undefined;
      const t = p.time();
      return t === undefined ? undefined : { type: 'page_view', lang, page, chapter, dwellMs, t };
    }
    case 0x73 /* s */: {
      if (p.lit('session_start"')) {
        const t = p.time();
        return t === undefined ? undefined : { type: 'session_start', t };
      }
      if (!p.lit('session_end","reason":"')) return undefined;
      const reason = p.lit('idle"')
        ? 'idle'
        : p.lit('new_session"')
          ? 'new_session'
          : p.lit('player_stop"')
            ? 'player_stop'
            : undefined;
      if (reason === undefined || !p.lit(',"durationMs":')) return undefined;
      const durationMs = p.int();
      if (durationMs === undefined) return undefined;
      const t = p.time();
      return t === undefined ? undefined : { type: 'session_end', reason, durationMs, t };
    }
    case 0x69 /* i */: {
      if (!p.lit('idle_reset"')) return undefined;
      const t = p.time();
      return t === undefined ? undefined : { type: 'idle_reset', t };
    }
    case 0x6d /* m */: {
      if (!p.lit('media_play","kind":"')) return undefined;
      const kind = p.lit('audio"') ? 'audio' : p.lit('video"') ? 'video' : undefined;
      if (kind === undefined || !p.lit(',"chapter":')) return undefined;
      const chapter = p.int();
      if (chapter === undefined || chapter > 999) return undefined;
      const t = p.time();
      return t === undefined ? undefined : { type: 'media_play', kind, chapter, t };
    }
    default:
      return undefined;
  }
}

const LANG = /^[a-z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}$/;
const PAGE = /^[a-z0-9][a-z0-9-]*\.html$/;

/**
 * A kiosk has a handful of languages and a few dozen pages: remember the values that passed
 * their pattern (bounded, so a file of random names cannot grow it) instead of testing each.
 */
const LANGS = new Set<string>();
const PAGES = new Set<string>();
function known(cache: Set<string>, pattern: RegExp, value: string): boolean {
  if (cache.has(value)) return true;
  if (!pattern.test(value)) return false;
  if (cache.size < 1000) cache.add(value);
  return true;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLower = (c: number) => c >= 0x61 && c <= 0x7a;
const isLangChar = (c: number) =>
  isLower(c) || isDigit(c) || c === 0x2d || (c >= 0x41 && c <= 0x5a);
const isPageChar = (c: number) => isLower(c) || isDigit(c) || c === 0x2d || c === 0x2e;

class Cursor {
  constructor(
    private readonly s: string,
    public i: number,
  ) {}

  /** Consumes `text` if the line goes on with it. */
  lit(text: string): boolean {
    if (!this.s.startsWith(text, this.i)) return false;
    this.i += text.length;
    return true;
  }

  /** A string's characters up to its closing quote (consumed), all passing `ok`. */
  str(ok: (c: number) => boolean, max: number): string | undefined {
    const from = this.i;
    const s = this.s;
    for (let i = from; i < s.length && i - from <= max; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        this.i = i + 1;
        return s.slice(from, i);
      }
      if (!ok(c)) return undefined;
    }
    return undefined;
  }

  /** A JSON integer ≥ 0 as JSON writes it (no leading zeros, no sign, no exponent), safe size. */
  int(): number | undefined {
    const s = this.s;
    let i = this.i;
    let c = s.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    let n = c - 0x30;
    i++;
    if (n === 0) {
      if (isDigit(s.charCodeAt(i))) return undefined;
    } else
      while (isDigit((c = s.charCodeAt(i)))) {
        n = n * 10 + (c - 0x30);
        // 15 digits stay exact; longer numbers go to the schema.
        if (++i - this.i > 15) return undefined;
      }
    this.i = i;
    return n;
  }

  /** `,"t":"<ISO time with offset>"}` and the end of the line. */
  time(): string | undefined {
    if (!this.lit(',"t":"')) return undefined;
    const s = this.s;
    const from = this.i;
    // YYYY-MM-DDTHH:MM:SS
    for (let k = 0; k < 19; k++) {
      const c = s.charCodeAt(from + k);
      const want = k === 4 || k === 7 ? 0x2d : k === 10 ? 0x54 : k === 13 || k === 16 ? 0x3a : -1;
      if (want === -1 ? !isDigit(c) : c !== want) return undefined;
    }
    let i = from + 19;
    if (s.charCodeAt(i) === 0x2e) {
      let digits = 0;
      while (isDigit(s.charCodeAt(++i))) digits++;
      if (digits < 1 || digits > 3) return undefined;
    }
    const c = s.charCodeAt(i);
    if (c === 0x5a /* Z */) i++;
    else if (c === 0x2b || c === 0x2d) {
      if (
        !isDigit(s.charCodeAt(i + 1)) ||
        !isDigit(s.charCodeAt(i + 2)) ||
        s.charCodeAt(i + 3) !== 0x3a ||
        !isDigit(s.charCodeAt(i + 4)) ||
        !isDigit(s.charCodeAt(i + 5))
      )
        return undefined;
      i += 6;
    } else return undefined;
    if (i + 2 !== s.length || s.charCodeAt(i) !== 0x22 || s.charCodeAt(i + 1) !== 0x7d)
      return undefined;
    return s.slice(from, i);
  }
}
