import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadWindowState,
  saveWindowState,
  visibleBounds,
  WINDOW_STATE_FILE,
} from '../../../../electron/main/window-state';
import { tempDir } from '../core/api/helpers';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('round-trips through the app data folder', async () => {
    const dir = await tempDir();
    expect(await loadWindowState(dir)).toBeNull();
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
    await saveWindowState(dir, state);
    expect(await loadWindowState(dir)).toEqual(state);
    expect(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(state);
  });

  it('ignores a damaged file or absurd sizes', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, WINDOW_STATE_FILE), '{"bounds":');
    expect(await loadWindowState(dir)).toBeNull();
    await writeFile(
      join(dir, WINDOW_STATE_FILE),
      JSON.stringify({ bounds: { x: 0, y: 0, width: 5, height: 5 } }),
    );
    expect(await loadWindowState(dir)).toBeNull();
  });

  it('keeps bounds only when the title bar is on a current display', () => {
    const b = { x: 100, y: 100, width: 800, height: 600 };
    expect(visibleBounds(b, [screen])).toEqual(b);
    expect(visibleBounds({ ...b, x: 2500 }, [screen])).toBeNull();
    expect(
      visibleBounds({ ...b, x: 2500 }, [screen, { x: 1920, y: 0, width: 1920, height: 1080 }]),
    ).toEqual({ ...b, x: 2500 });
    expect(visibleBounds({ ...b, y: -500 }, [screen])).toBeNull();
    expect(visibleBounds(undefined, [screen])).toBeNull();
  });
});
