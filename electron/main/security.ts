import { APP_HOST, APP_SCHEME } from '../../shared/api';
import { classifyAppRequest } from './app-protocol';

/**
 * Electron-free security decisions of the main process, kept here so they are unit-tested
 * without Electron. `main.ts` and friends only wire them to Electron's events.
 */

/** `vitrine://app/…`: the only origin whose pages may call the API or navigate. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

export interface FrameFacts {
  /** `event.senderFrame.url`. */
  url: string;
  /** `senderFrame.parent === null` (the top frame of the window). */
  isTopFrame: boolean;
  /** The sender belongs to a window this app created. */
  isOwnWindow: boolean;
}

/**
 * Security decision: an IPC call is answered only when it comes from the top frame of one of our
 * windows showing our own protocol. A frame that is missing (navigated away or destroyed) is
 * refused as well — the caller passes null then.
 */
export function isTrustedSender(frame: FrameFacts | null): boolean {
  return frame !== null && frame.isOwnWindow && frame.isTopFrame && isAppUrl(frame.url);
}

/**
 * Security decision: which links may leave the app for the system browser. Only absolute
 * `http:`/`https:` URLs with a host, no embedded credentials, at most 2,000 characters; the
 * answer is the URL re-serialised by the parser, so what is opened is exactly what was checked.
 * Everything else (`file:`, `javascript:`, custom schemes, malformed text) returns null.
 */
export function externalUrlToOpen(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return null;
  // Control characters and spaces are never part of a link the app itself shows.
  if (/[\u0000-\u0020\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** What `will-navigate` / `setWindowOpenHandler` should do with a target URL. */
export type NavigationDecision =
  | { action: 'deny' }
  | { action: 'open-external'; url: string }
  | { action: 'open-media'; relPath: string };

/**
 * Security decision: the window never navigates (the renderer is a single page; in-page routing
 * does not fire `will-navigate`) and never opens new windows. A web link is handed to the system
 * browser after validation. A link to library media (`vitrine://app/media/…`, e.g. "Open PDF" or
 * a document's `target="_blank"` link) is handed over as its library-relative path, which main
 * resolves with `resolveMediaFile` (real-path containment inside the library's media folder)
 * before the system viewer opens that file — so no link is a silent dead end. Anything else is
 * dropped.
 */
export function decideNavigation(target: string): NavigationDecision {
  const external = externalUrlToOpen(target);
  if (external) return { action: 'open-external', url: external };
  if (typeof target === 'string' && isAppUrl(target)) {
    const request = classifyAppRequest(target);
    if (request.kind === 'media') return { action: 'open-media', relPath: request.relPath };
  }
  return { action: 'deny' };
}
