/** A device frame's size in CSS pixels (the page is laid out at this size, then scaled). */
export interface FrameSize {
  width: number;
  height: number;
}

/**
 * The scale that shows the whole device frame inside the room the canvas has: as large as fits
 * both ways, never larger than life (a 1280 px desktop page at 1:1 on a wide screen). Degenerate
 * sizes give a small positive scale, never zero or NaN, so the frame stays visible.
 */
export function frameScale(frame: FrameSize, room: FrameSize): number {
  const fit = Math.min(1, room.width / frame.width, room.height / frame.height);
  return Number.isFinite(fit) && fit > 0 ? fit : 0.1;
}
