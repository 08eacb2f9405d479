/**
 * Kiosk behaviour: attract screen, idle reset with a short countdown, swipe between chapters, and
 * guards against selecting, zooming, the context menu and leaving the bundle.
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
  const countdownSeconds = Math.min(10, Math.max(1, Math.ceil(idleSeconds / 4)));

  let slideTimer: number | undefined;
  const showAttract = () => {
    if (!attract) return;
    attract.hidden = false;
    const slides = [...attract.querySelectorAll<HTMLElement>('.slide')];
    let current = 0;
    window.clearInterval(slideTimer);
    if (slides.length > 1)
      slideTimer = window.setInterval(() => {
        slides[current]!.classList.remove('is-active');
        current = (current + 1) % slides.length;
        slides[current]!.classList.add('is-active');
      }, 7000);
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

  // Swipe between chapters; the direction follows the reading direction.
  let startX = 0;
  let startY = 0;
  window.addEventListener('pointerdown', (e) => {
    startX = e.clientX;
    startY = e.clientY;
  });
  window.addEventListener('pointerup', (e) => {
    const dx = e.clientX - startX;
    const dy = e.clientY - startY;
    if (Math.abs(dx) < 80 || Math.abs(dx) < 2 * Math.abs(dy)) return;
    if (attract && !attract.hidden) return;
    const rtl = root.dir === 'rtl';
    const forward = rtl ? dx > 0 : dx < 0;
    const link = document.querySelector<HTMLAnchorElement>(forward ? 'a[rel=next]' : 'a[rel=prev]');
    if (link) location.href = link.href;
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
