/**
 * Names shared by the player and the bundle's runtime. No zod here: the runtime imports this file
 * and must stay a few kilobytes.
 */

/** Longer dwell times are cut: a page left open over night says nothing about reading. */
export const MAX_DWELL_MS = 30 * 60_000;
/** The largest request body the player accepts (bytes); real events are under 150 bytes each. */
export const MAX_EVENT_BYTES = 1024;
/** Events per request at most. */
export const MAX_BATCH_EVENTS = 8;
/** Where the bundle posts its events on its player (same origin, token cookie). */
export const KIOSK_STATS_PATH = '/__vitrine/stats';
/** The operator's exit page (PIN entry) on the player. */
export const KIOSK_EXIT_PATH = '/__vitrine/exit';
/** The meta tag a player adds to every page it serves; without it the runtime reports nothing. */
export const KIOSK_PLAYER_META = 'vitrine-player';
