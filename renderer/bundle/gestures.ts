/**
 * Touch gestures from pointer events, so one code path serves fingers, pens and a mouse drag
 * (issue 13 §2). A swipe is a mostly horizontal movement of one pointer; a pinch is two pointers
 * moving apart or together. The element must carry `touch-action: none` (or `pan-y` for swipes
 * only) so the browser leaves these movements to us instead of scrolling or zooming the page.
 */

/** A horizontal swipe is at least this far and twice as wide as it is high (CSS px). */
export const SWIPE_MIN = 80;

/** 'next' or 'previous' in reading order, or null when the movement was no swipe. */
export function swipeDirection(dx: number, dy: number, rtl: boolean): 'next' | 'previous' | null {
  if (Math.abs(dx) < SWIPE_MIN || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  // Content moves with the finger: dragging to the left brings the next page in (left-to-right).
  return dx < 0 !== rtl ? 'next' : 'previous';
}

export interface PinchTarget {
  /** Called with the new scale and offset whenever a pinch or a pan moves the picture. */
  onTransform(scale: number, x: number, y: number): void;
  /** Called once per single-pointer swipe while the picture is not zoomed in. */
  onSwipe(direction: 'next' | 'previous'): void;
}

const MAX_SCALE = 5;

/**
 * Pinch to zoom and drag to pan on `el`; a one-finger swipe at scale 1 is handed on. Returns a
 * function that resets the zoom (when the picture changes).
 */
export function pinchZoom(el: HTMLElement, target: PinchTarget): () => void {
  const pointers = new Map<number, { x: number; y: number }>();
  let scale = 1;
  let x = 0;
  let y = 0;
  let startDistance = 0;
  let startScale = 1;
  let down: { x: number; y: number } | null = null;
  let pinched = false;
  const distance = () => {
    const [a, b] = [...pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  };
  const apply = () => target.onTransform(scale, x, y);

  el.addEventListener('pointerdown', (e) => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    // Keep receiving this pointer's moves even when it leaves the picture.
    try {
      el.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser does not track (a synthetic event) cannot be captured.
    }
    if (pointers.size === 1) {
      down = { x: e.clientX, y: e.clientY };
      pinched = false;
    }
    if (pointers.size === 2) {
      startDistance = distance();
      startScale = scale;
      pinched = true;
    }
  });
  el.addEventListener('pointermove', (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    const moved = { x: e.clientX, y: e.clientY };
    pointers.set(e.pointerId, moved);
    if (pointers.size >= 2 && startDistance > 0) {
      scale = Math.min(MAX_SCALE, Math.max(1, (startScale * distance()) / startDistance));
      if (scale === 1) x = y = 0;
      apply();
    } else if (pointers.size === 1 && scale > 1) {
      x += moved.x - last.x;
      y += moved.y - last.y;
      apply();
    }
  });
  const up = (e: PointerEvent) => {
    if (!pointers.delete(e.pointerId)) return;
    if (pointers.size === 0 && down && !pinched && scale === 1 && e.type === 'pointerup') {
      const rtl = document.documentElement.dir === 'rtl';
      const direction = swipeDirection(e.clientX - down.x, e.clientY - down.y, rtl);
      if (direction) target.onSwipe(direction);
    }
    if (pointers.size < 2) startDistance = 0;
    if (pointers.size === 0) down = null;
  };
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
  return () => {
    scale = 1;
    x = y = 0;
    apply();
  };
}
