import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSoak } from './soak-load';

/**
 * Soak: the real `vitrine web` in a child process serves a long, bounded stream of requests
 * (soak-load.ts, shared with `npm run bench`, which runs the full 100,000). Its resident memory
 * may grow by at most 20 MB from a warmed-up start, and it holds no more file descriptors at the
 * end than at the start. Here the count is VITRINE_SOAK_REQUESTS (default 20,000) so the suite
 * stays reasonable on a loaded machine.
 */
const REQUESTS = Number(process.env.VITRINE_SOAK_REQUESTS ?? 20_000);
const WARMUP = 10_000;
const repo = resolve(__dirname, '../../../../..');
let outDir: string;

beforeAll(async () => {
  await mkdir(join(repo, '.tmp'), { recursive: true });
  outDir = await mkdtemp(join(repo, '.tmp', 'soak-build-'));
  const built = spawnSync(
    process.execPath,
    [join(repo, 'electron', 'build.mjs'), '--outdir', outDir, '--only', 'cli'],
    { encoding: 'utf8' },
  );
  expect(built.status, built.stderr).toBe(0);
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('soak of the web host', () => {
  it(`serves ${REQUESTS} requests with bounded memory and no descriptor leak`, async () => {
    const result = await runSoak({
      cli: [join(outDir, 'cli', 'main.mjs')],
      requests: REQUESTS,
      warmup: WARMUP,
    });
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    console.log(
      `soak: ${result.requests} requests, RSS ${mb(result.rssStartBytes)} → ${mb(result.rssEndBytes)} MB, fds ${result.fdStart} → ${result.fdEnd}, RSS after each quarter ${result.trailMb.join(', ')} MB`,
    );
    expect(result.unexpected).toEqual([]);
    expect(result.requests).toBe(WARMUP + REQUESTS);
    expect(result.fdEnd).toBeLessThanOrEqual(result.fdStart);
    expect((result.rssEndBytes - result.rssStartBytes) / 2 ** 20).toBeLessThanOrEqual(20);
  }, 600_000);
});
