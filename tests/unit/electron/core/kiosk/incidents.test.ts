import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIncidentLog } from '../../../../../electron/core/kiosk/incidents';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-incidents-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('incident log', () => {
  it('counts per kind and writes one JSON line per incident', async () => {
    const log = createIncidentLog({ dataDir: dir });
    await log.report({ kind: 'renderer-crashed', detail: 'crashed' });
    await log.report({ kind: 'renderer-crashed' });
    await log.report({ kind: 'page-hung' });
    expect(log.counts).toEqual({ 'renderer-crashed': 2, 'page-hung': 1 });
    const lines = (await readFile(log.file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.kind, l.count])).toEqual([
      ['renderer-crashed', 1],
      ['renderer-crashed', 2],
      ['page-hung', 1],
    ]);
  });

  it('rotates at its size bound and keeps only so many old files', async () => {
    const log = createIncidentLog({ dataDir: dir, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) await log.report({ kind: 'page-hung', detail: `n${i}` });
    const files = (await readdir(path.join(dir, 'logs'))).sort();
    expect(files).toEqual(['player.1.log', 'player.2.log', 'player.log']);
    // The newest incident is in the current file, and nothing older than two rotations is kept.
    expect(await readFile(log.file, 'utf8')).toContain('"detail":"n39"');
    const all = (
      await Promise.all(files.map((f) => readFile(path.join(dir, 'logs', f), 'utf8')))
    ).join('');
    expect(all).not.toContain('"detail":"n0"');
    expect(log.counts['page-hung']).toBe(40);
  });
});
