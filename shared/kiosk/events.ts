import { z } from 'zod';
import { MAX_BATCH_EVENTS, MAX_DWELL_MS } from './constants';

/**
 * Visitor statistics of a kiosk player: what the bundle's runtime may report, and what the player
 * stores. Privacy by design (DSGVO Art. 25): every field is a closed set, a bounded number or a
 * pattern that cannot carry free text; there is no visitor, device or session identifier, no IP
 * address and no cookie of its own. Sessions are the stretches between a first touch and the
 * next idle reset, recovered from the order of the lines, not from an id.
 */

/** A BCP 47 tag as the bundle writes it (`de`, `en`, `ar`, `de-x-ls`). */
const lang = z.string().regex(/^[a-z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}$/);
/** A bundle page file such as `index.html` or `02-die-ersten-jahre.html` (export slugs only). */
const page = z
  .string()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*\.html$/);
/** Chapter number (1 = first chapter); 0 for pages that are no chapter (start, credits, search). */
const chapter = z.number().int().min(0).max(999);

const sessionStart = z.strictObject({ type: z.literal('session_start') });
const pageView = z.strictObject({
  type: z.literal('page_view'),
  lang,
  page,
  chapter,
  dwellMs: z.number().int().min(0).max(MAX_DWELL_MS),
});
const languageSwitch = z.strictObject({ type: z.literal('language'), from: lang, to: lang });
const mediaPlay = z.strictObject({
  type: z.literal('media_play'),
  kind: z.enum(['audio', 'video']),
  chapter,
});
const lightbox = z.strictObject({ type: z.literal('lightbox'), chapter });
const qr = z.strictObject({ type: z.literal('qr'), chapter });
const idleReset = z.strictObject({ type: z.literal('idle_reset') });

export const kioskEventSchema = z.discriminatedUnion('type', [
  sessionStart,
  pageView,
  languageSwitch,
  mediaPlay,
  lightbox,
  qr,
  idleReset,
]);
export type KioskEvent = z.infer<typeof kioskEventSchema>;
export type KioskEventType = KioskEvent['type'];

/** What one request may carry: an event, or a few that must stay in order (page view, then idle reset). */
export const kioskEventBatchSchema = z.union([
  kioskEventSchema.transform((e) => [e]),
  z.array(kioskEventSchema).min(1).max(MAX_BATCH_EVENTS),
]);

/** Written by the player itself when a session closes (idle, a new first touch, or shutdown). */
export const sessionEndSchema = z.strictObject({
  type: z.literal('session_end'),
  reason: z.enum(['idle', 'new_session', 'player_stop']),
  durationMs: z.number().int().min(0),
});

/** The player's clock on every stored line: ISO 8601 local time with its offset. */
const stamp = {
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/),
};

/** One stored line: an event plus its time, each shape still strict (no extra fields). */
export const storedEventSchema = z.discriminatedUnion('type', [
  sessionStart.extend(stamp),
  pageView.extend(stamp),
  languageSwitch.extend(stamp),
  mediaPlay.extend(stamp),
  lightbox.extend(stamp),
  qr.extend(stamp),
  idleReset.extend(stamp),
  sessionEndSchema.extend(stamp),
]);
export type StoredEvent = z.infer<typeof storedEventSchema>;

export {
  MAX_DWELL_MS,
  KIOSK_EXIT_PATH,
  KIOSK_PLAYER_META,
  KIOSK_STATS_PATH,
  MAX_BATCH_EVENTS,
  MAX_EVENT_BYTES,
} from './constants';
