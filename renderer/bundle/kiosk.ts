import { swipeDirection } from './gestures';

/**
 * Kiosk behaviour: attract screen cycling through the highlights, idle overlay with a countdown
 * and a "continue" button before the reset, swipe (pointer events, so a mouse drag works too) and
 * arrow keys between chapters, Back through the visit's history, and guards against selecting,
 * zooming, the context menu and leaving the bundle.
 */
const ACTIVITY = [
  'pointerdown',
  'pointermove',
  'keydown',
  'wheel',
  'touchstart',
  'scroll',
] as const;

export function initKiosk(): void {
  const root = document.documentElement;
  const idleSeconds = Math.max(1, Number(root.dataset.idle) || 90);
  const home = new URL(root.dataset.home ?? 'index.html', location.href);
  const onHome = home.pathname === location.pathname;
  const attract = document.querySelector<HTMLElement>('[data-attract]');
  const dialog = document.querySelector<HTMLElement>('[data-idle-dialog]');
  const countdownEl = dialog?.querySelector<HTMLElement>('[data-countdown]');
  // At least three seconds, so the countdown is seen counting before the reset.
  const countdownSeconds = Math.min(10, Math.max(3, Math.ceil(idleSeconds / 4)));
  // Seven seconds per highlight; kiosks set to a very short idle time (demonstrations, tests)
  // cycle faster, never quicker than every 1.5 s.
  const slideSeconds = Math.min(7, Math.max(1.5, idleSeconds / 10));
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');

  let slideTimer: number | undefined;
  const showAttract = () => {
    if (!attract) return;
    attract.hidden = false;
    const slides = [...attract.querySelectorAll<HTMLElement>('.slide')];
    let current = 0;
    const show = (i: number) => {
      slides[current]?.classList.remove('is-active');
      current = i % slides.length;
      slides[current]?.classList.add('is-active');
      // Which highlight shows, for styling and for tests that wait for the next one.
      attract.dataset.slide = String(current);
      attract.dispatchEvent(new CustomEvent('vitrine:slide', { detail: current }));
    };
    window.clearInterval(slideTimer);
    show(0);
    // Moving pictures only for those who have not asked their system for less motion.
    const cycling = slides.length > 1 && !reducedMotion?.matches;
    attract.dataset.cycling = String(cycling);
    if (cycling) slideTimer = window.setInterval(() => show(current + 1), slideSeconds * 1000);
    attract.querySelector<HTMLElement>('a')?.focus({ preventScroll: true });
  };
  const hideAttract = () => {
    if (!attract || attract.hidden) return;
    attract.hidden = true;
    window.clearInterval(slideTimer);
    if (location.hash === '#attract')
      history.replaceState(null, '', location.pathname + location.search);
  };
  attract?.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) return;
    hideAttract();
  });
  if (onHome && location.hash === '#attract') showAttract();

  let idleTimer: number | undefined;
  let tickTimer: number | undefined;
  let remaining = 0;
  const goHome = () => {
    // The player's statistics close the visit here (renderer/bundle/player.ts).
    document.dispatchEvent(new Event('vitrine:idle'));
    // The next visitor starts without the last one's enlarged picture.
    for (const open of document.querySelectorAll('dialog[open]'))
      (open as HTMLDialogElement).close();
    if (onHome) {
      if (dialog) dialog.hidden = true;
      window.scrollTo(0, 0);
      showAttract();
      arm();
    } else location.href = `${home.pathname}${home.search}#attract`;
  };
  const tick = () => {
    remaining--;
    if (countdownEl) countdownEl.textContent = String(Math.max(0, remaining));
    if (remaining <= 0) {
      window.clearInterval(tickTimer);
      goHome();
    }
  };
  const startCountdown = () => {
    if (onHome && attract && !attract.hidden) return arm();
    remaining = countdownSeconds;
    if (dialog) {
      dialog.hidden = false;
      if (countdownEl) countdownEl.textContent = String(remaining);
      dialog.querySelector<HTMLElement>('[data-stay]')?.focus({ preventScroll: true });
    }
    tickTimer = window.setInterval(tick, 1000);
  };
  function arm() {
    window.clearTimeout(idleTimer);
    window.clearInterval(tickTimer);
    if (dialog) dialog.hidden = true;
    idleTimer = window.setTimeout(startCountdown, idleSeconds * 1000);
  }
  for (const type of ACTIVITY)
    window.addEventListener(type, () => arm(), { passive: true, capture: true });
  dialog?.querySelector('[data-stay]')?.addEventListener('click', () => arm());
  arm();

  // Swipe and arrow keys between chapters; the direction follows the reading direction. An open
  // dialog (the lightbox) has gestures of its own, and the attract screen only waits for a touch.
  const busy = () =>
    Boolean(document.querySelector('dialog[open]') || (attract && !attract.hidden));
  const turn = (direction: 'next' | 'previous') => {
    const link = document.querySelector<HTMLAnchorElement>(
      direction === 'next' ? 'a[rel=next]' : 'a[rel=prev]',
    );
    if (link) location.href = link.href;
  };
  let start: { x: number; y: number; id: number } | null = null;
  window.addEventListener('pointerdown', (e) => {
    start = e.isPrimary ? { x: e.clientX, y: e.clientY, id: e.pointerId } : null;
  });
  window.addEventListener('pointerup', (e) => {
    if (!start || start.id !== e.pointerId || busy()) return;
    const direction = swipeDirection(e.clientX - start.x, e.clientY - start.y, root.dir === 'rtl');
    start = null;
    if (direction) turn(direction);
  });
  window.addEventListener('keydown', (e) => {
    if (busy() || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return;
    const rtl = root.dir === 'rtl';
    if (e.key === 'ArrowRight') turn(rtl ? 'previous' : 'next');
    else if (e.key === 'ArrowLeft') turn(rtl ? 'next' : 'previous');
  });
  // Back returns through this visit's pages; without a page before, its link leads to the
  // previous chapter or the start page.
  document.querySelector<HTMLAnchorElement>('a[data-back]')?.addEventListener('click', (e) => {
    if (history.length > 1 && document.referrer.startsWith(location.origin)) {
      e.preventDefault();
      history.back();
    }
  });

  window.addEventListener('contextmenu', (e) => e.preventDefault());
  window.addEventListener('selectstart', (e) => {
    if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
  });
  window.addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0'].includes(e.key)) e.preventDefault();
  });
  document.addEventListener('gesturestart', (e) => e.preventDefault());
  // A safety net: nothing may lead out of the bundle on a kiosk.
  document.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a');
    if (a && a.href && new URL(a.href).protocol !== location.protocol) e.preventDefault();
  });
}
