import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/library/fs-atomic';

export const WINDOW_STATE_FILE = 'window-state.json';

const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
});
export type Bounds = z.infer<typeof Bounds>;

const WindowState = z.object({ bounds: Bounds, maximized: z.boolean().default(false) });
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_SIZE = { width: 1280, height: 820 };

/** Remembered size and position; a damaged or missing file means "use the default". */
export async function loadWindowState(appDataDir: string): Promise<WindowState | null> {
  try {
    const parsed = WindowState.safeParse(
      JSON.parse(await readFile(join(appDataDir, WINDOW_STATE_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function saveWindowState(appDataDir: string, state: WindowState): Promise<void> {
  await writeFileAtomic(join(appDataDir, WINDOW_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * The remembered bounds if at least a usable part of the window (its top 100×40 px, where the
 * title bar is) lies on one of the current displays; otherwise null, so a window remembered on
 * an unplugged monitor opens where it can be seen.
 */
export function visibleBounds(
  saved: Bounds | undefined,
  workAreas: readonly Bounds[],
): Bounds | null {
  if (!saved) return null;
  const grabX = saved.x + Math.min(100, saved.width);
  const grabY = saved.y + Math.min(40, saved.height);
  const onScreen = workAreas.some(
    (a) => saved.x < a.x + a.width && grabX > a.x && saved.y >= a.y - 10 && grabY <= a.y + a.height,
  );
  return onScreen ? saved : null;
}
