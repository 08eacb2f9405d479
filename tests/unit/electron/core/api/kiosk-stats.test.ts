import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiHandlers,
  webDialogs,
  type ApiService,
  type Dialogs,
} from '../../../../../electron/core/api';
import { tempDir } from './helpers';

/**
 * `kiosk.statsReport` through the real dispatch (input validation, output schema checked): a
 * player's data folder copied from a "USB stick", typed as a path or chosen in the dialog.
 */
let root: string;
let usb: string;
const services: ApiService[] = [];

beforeAll(async () => {
  root = await tempDir();
  usb = join(root, 'usb', 'vitrine-kiosk');
  await mkdir(join(usb, 'stats'), { recursive: true });
  const t = '2026-05-14T10:00:00.000+02:00';
  const lines = [
    { type: 'session_start', t },
    { type: 'page_view', lang: 'de', page: '01-anfang.html', chapter: 1, dwellMs: 12000, t },
    { type: 'media_play', kind: 'video', chapter: 1, t },
    { type: 'idle_reset', t },
    { type: 'session_end', reason: 'idle', durationMs: 45000, t },
  ].map((l) => JSON.stringify(l));
  await writeFile(
    join(usb, 'stats', '2026-05-14.ndjson'),
    `${[...lines.slice(0, 2), '{"type":"page_v', ...lines.slice(2)].join('\n')}\n`,
  );
});
afterAll(async () => {
  for (const s of services) await s.close();
  await rm(root, { recursive: true, force: true });
});

async function service(dialogs: Dialogs = webDialogs) {
  const s = await createApiHandlers({
    appDataDir: join(root, `appdata-${services.length}`),
    lang: 'en',
    dialogs,
    transport: dialogs === webDialogs ? 'web' : 'electron',
    version: 'test',
    checkOutput: true,
    logError: () => undefined,
  });
  services.push(s);
  return s;
}

describe('kiosk.statsReport', () => {
  it('reads a typed folder: figures, damaged lines counted', async () => {
    const s = await service();
    const result = await s.dispatch('kiosk.statsReport', { folder: `  ${usb}  ` });
    expect(result).toMatchObject({
      ok: true,
      value: {
        folder: usb,
        files: 1,
        lines: 6,
        corrupt: 1,
        report: { sessions: 1, medianSessionMs: 45000, mediaPlays: { audio: 0, video: 1 } },
      },
    });
  });

  it('answers clear errors for a relative path, a missing folder, bad input and no dialog', async () => {
    const s = await service();
    expect(await s.dispatch('kiosk.statsReport', { folder: 'usb/stats' })).toMatchObject({
      ok: false,
      error: { code: 'PATH_REJECTED', message: expect.stringContaining('not a full path') },
    });
    expect(await s.dispatch('kiosk.statsReport', { folder: join(root, 'gone') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('USB stick') },
    });
    expect(await s.dispatch('kiosk.statsReport', { folder: 'a\0b' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await s.dispatch('kiosk.statsReport', { folder: usb, extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await s.dispatch('kiosk.statsReport', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('Type the path') },
    });
  });

  it('uses the desktop dialog when no folder is typed; null when cancelled', async () => {
    let answer: string | null = usb;
    const s = await service({ ...webDialogs, chooseStatsFolder: async () => answer });
    expect(await s.dispatch('kiosk.statsReport', {})).toMatchObject({
      ok: true,
      value: { folder: usb, report: { sessions: 1 } },
    });
    answer = null;
    expect(await s.dispatch('kiosk.statsReport', {})).toEqual({ ok: true, value: null });
  });
});
