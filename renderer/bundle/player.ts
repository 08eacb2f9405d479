import { KIOSK_EXIT_PATH, KIOSK_PLAYER_META, MAX_DWELL_MS } from '../../shared/kiosk/constants';

/**
 * Statistics and the operator's exit, only when the page runs in a Vitrine kiosk player (the
 * player adds a `<meta name="vitrine-player">` to every page it serves). Opened any other way —
 * from a USB stick, a web host, a browser — this module does nothing at all.
 *
 * Privacy by design: the page stores nothing (no cookie, no storage), sends no identifier and no
 * text anyone typed; events go to the player on the same origin only. The player's schema
 * (shared/kiosk/events.ts) refuses anything else.
 */
type Event =
  | { type: 'session_start' }
  | { type: 'page_view'; lang: string; page: string; chapter: number; dwellMs: number }
  | { type: 'language'; from: string; to: string }
  | { type: 'media_play'; kind: 'audio' | 'video'; chapter: number }
  | { type: 'lightbox'; chapter: number }
  | { type: 'qr'; chapter: number }
  | { type: 'idle_reset' };

/** Ctrl+Alt+Shift+E opens the player's PIN page (staff with a keyboard only). */
const isExitChord = (e: KeyboardEvent) => e.ctrlKey && e.altKey && e.shiftKey && e.code === 'KeyE';

export function initPlayer(): void {
  const endpoint = document
    .querySelector<HTMLMetaElement>(`meta[name="${KIOSK_PLAYER_META}"]`)
    ?.getAttribute('content');
  if (!endpoint || !endpoint.startsWith('/')) return;

  const root = document.documentElement;
  const lang = root.lang;
  const page = location.pathname.split('/').pop() || 'index.html';
  // A chapter page names its number (kiosk pages have no chapter menu to count in).
  const chapter =
    Number(document.querySelector<HTMLElement>('[data-chapter]')?.dataset.chapter) || 0;
  const attract = document.querySelector<HTMLElement>('[data-attract]');
  const attractShown = () => !!attract && !attract.hidden;

  // sendBeacon survives the page being left; one request per batch keeps its events in order.
  const send = (...events: Event[]) => {
    const body = new Blob([JSON.stringify(events.length === 1 ? events[0] : events)], {
      type: 'application/json',
    });
    if (!navigator.sendBeacon?.(endpoint, body))
      void fetch(endpoint, { method: 'POST', body, keepalive: true }).catch(() => undefined);
  };

  let viewStart: number | null = attractShown() ? null : performance.now();
  const pageView = (): Event[] => {
    if (viewStart === null) return [];
    const dwellMs = Math.min(MAX_DWELL_MS, Math.round(performance.now() - viewStart));
    viewStart = null;
    return [{ type: 'page_view', lang, page, chapter, dwellMs }];
  };

  // A visit begins with the first touch on the attract screen.
  window.addEventListener(
    'pointerdown',
    () => {
      if (!attractShown() || viewStart !== null) return;
      viewStart = performance.now();
      send({ type: 'session_start' });
    },
    { capture: true },
  );
  // kiosk.ts announces the idle reset before it shows the attract screen or leaves the page.
  document.addEventListener('vitrine:idle', () => send(...pageView(), { type: 'idle_reset' }));
  window.addEventListener('pagehide', () => {
    const view = pageView();
    if (view.length) send(...view);
  });

  document.addEventListener(
    'click',
    (e) => {
      const link = (e.target as Element | null)?.closest?.('a');
      if (!link) return;
      const to = link.getAttribute('hreflang');
      if (
        link.closest('nav.languages, .kiosk-languages') &&
        to &&
        to !== lang &&
        !link.hasAttribute('aria-current')
      )
        send({ type: 'language', from: lang, to });
      if (link.hasAttribute('data-lightbox')) send({ type: 'lightbox', chapter });
    },
    { capture: true },
  );
  document.addEventListener(
    'play',
    (e) => {
      const target = e.target;
      if (target instanceof HTMLMediaElement)
        send({
          type: 'media_play',
          kind: target instanceof HTMLVideoElement ? 'video' : 'audio',
          chapter,
        });
    },
    { capture: true },
  );
  const codes = document.querySelectorAll('figure.qr');
  if (codes.length && 'IntersectionObserver' in window) {
    const seen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        seen.disconnect();
        send({ type: 'qr', chapter });
      },
      { threshold: 0.5 },
    );
    codes.forEach((code) => seen.observe(code));
  }

  window.addEventListener(
    'keydown',
    (e) => {
      if (!isExitChord(e)) return;
      e.preventDefault();
      location.href = KIOSK_EXIT_PATH;
    },
    { capture: true },
  );
}
