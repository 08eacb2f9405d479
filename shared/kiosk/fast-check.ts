import { MAX_DWELL_MS } from './constants';
import type { StoredEvent } from './events';

/**
 * A quick pre-check for the common, valid lines when a report reads a million events: JSON.parse
 * plus this check is about twice as fast as the zod schema. It only ever says yes to what
 * `storedEventSchema` accepts (tests/unit/shared/kiosk/fast-check.test.ts holds both to that);
 * anything it is unsure about goes to the schema, which stays the authority.
 */
const T = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const LANG = /^[a-z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}$/;
const PAGE = /^[a-z0-9][a-z0-9-]*\.html$/;

const isChapter = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 999;

function keys(o: object, n: number): boolean {
  let count = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) count++;
  return count === n;
}

export function isCommonStoredEvent(v: unknown): v is StoredEvent {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const e = v as Record<string, unknown>;
  if (typeof e.t !== 'string' || !T.test(e.t)) return false;
  switch (e.type) {
    case 'session_start':
    case 'idle_reset':
      return keys(e, 2);
    case 'page_view':
      return (
        keys(e, 6) &&
        typeof e.lang === 'string' &&
        LANG.test(e.lang) &&
        typeof e.page === 'string' &&
        e.page.length <= 120 &&
        PAGE.test(e.page) &&
        isChapter(e.chapter) &&
        Number.isInteger(e.dwellMs) &&
        (e.dwellMs as number) >= 0 &&
        (e.dwellMs as number) <= MAX_DWELL_MS
      );
    case 'media_play':
      return keys(e, 4) && (e.kind === 'audio' || e.kind === 'video') && isChapter(e.chapter);
    case 'session_end':
      return (
        keys(e, 4) &&
        (e.reason === 'idle' || e.reason === 'new_session' || e.reason === 'player_stop') &&
        Number.isInteger(e.durationMs) &&
        (e.durationMs as number) >= 0
      );
    default:
      return false;
  }
}
