import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `vitrine kiosk DATA --report [--csv]` as a real process, over a player data folder copied from a
 * "USB stick": damaged lines are skipped and counted, the figures come out, nothing is written.
 */
const CLI = path.resolve('electron/bin/vitrine.mjs');
let data: string;

function run(args: string[], lang = 'en') {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, 'kiosk', ...args], {
      env: { ...process.env, VITRINE_LANG: lang },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

beforeAll(async () => {
  data = await mkdtemp(path.join(os.tmpdir(), 'vitrine-kiosk-usb-'));
  await mkdir(path.join(data, 'stats'));
  const t = '2026-05-14T10:00:00.000+02:00';
  const lines = [
    { type: 'session_start', t },
    { type: 'page_view', lang: 'de', page: '01-anfang.html', chapter: 1, dwellMs: 12000, t },
    { type: 'media_play', kind: 'audio', chapter: 1, t },
    { type: 'idle_reset', t },
    { type: 'session_end', reason: 'idle', durationMs: 45000, t },
  ].map((l) => JSON.stringify(l));
  await writeFile(
    path.join(data, 'stats', '2026-05-14.ndjson'),
    [...lines.slice(0, 2), '{"type":"page_v', 'garbage', ...lines.slice(2)].join('\n') + '\n',
  );
});
afterAll(async () => {
  await rm(data, { recursive: true, force: true });
});

describe('vitrine kiosk --report', () => {
  it('prints the report as JSON with what could not be read', async () => {
    const { code, out } = await run([data, '--report']);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      sessions: 1,
      medianSessionMs: 45000,
      mediaPlays: { audio: 1, video: 0 },
      read: { files: 1, lines: 7, corrupt: 2 },
    });
    expect(report.chapters[0]).toMatchObject({ chapter: 1, views: 1, sessions: 1 });
  });

  it('prints CSV in German', async () => {
    const { code, out } = await run([data, '--report', '--csv'], 'de');
    expect(code).toBe(0);
    expect(out).toContain('Sitzungen pro Tag\r\nTag,Sitzungen\r\n2026-05-14,1');
  });

  it('refuses a web bundle and a missing path with a message, not a stack trace', async () => {
    const web = path.join(data, 'web');
    await mkdir(web, { recursive: true });
    await writeFile(path.join(web, 'index.html'), '<html data-mode="web"></html>');
    const refused = await run([web, '--headless']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('is a web bundle, not a kiosk bundle');
    const missing = await run([path.join(data, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('is missing');
    expect(missing.err).not.toMatch(/at .*\.mjs/);
  });
});
