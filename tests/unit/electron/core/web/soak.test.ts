import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdir, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../../../electron/core/api';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { mediaPath, type MediaAsset } from '../../../../../shared/domain';
import { scriptedDialogs, tempDir } from '../api/helpers';

/**
 * Soak: the real `vitrine web` in a child process serves a long, bounded stream of requests —
 * API calls (reads and small edits), media with and without ranges, and event streams opened and
 * dropped — in a loop that ends by count. Its resident memory may grow by at most 20 MB from a
 * warmed-up start, and it holds no more file descriptors at the end than at the start. The
 * 100,000-request run is `npm run bench` territory only when it is slow; here the count is
 * VITRINE_SOAK_REQUESTS (default 20,000) so the suite stays reasonable on a loaded machine.
 */
const REQUESTS = Number(process.env.VITRINE_SOAK_REQUESTS ?? 20_000);
/** Enough to reach the heap's steady size (V8 grows its heap in steps before it settles). */
const WARMUP = 10_000;
const repo = resolve(__dirname, '../../../../..');
let outDir: string;
let child: ChildProcess | null = null;

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
  if (child && child.exitCode === null) child.kill('SIGKILL');
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}
const fdCount = async (pid: number) => (await readdir(`/proc/${pid}/fd`)).length;

describe.skipIf(process.platform !== 'linux')('soak of the web host', () => {
  it(`serves ${REQUESTS} requests with bounded memory and no descriptor leak`, async () => {
    const root = await tempDir('vitrine-soak-');
    const lib = join(root, 'lib');
    const photo = join(root, 'foto.jpg');
    await writeFile(photo, await createSyntheticJpeg({ width: 640, height: 480, seed: 3 }));
    const service = await createApiHandlers({
      appDataDir: join(root, 'appdata-setup'),
      lang: 'en',
      dialogs: scriptedDialogs({ newLibrary: lib, media: [photo] }),
      transport: 'web',
      version: 'test',
      logError: () => undefined,
    });
    expect((await service.dispatch('library.createDialog', { name: 'Soak' })).ok).toBe(true);
    expect((await service.dispatch('media.importDialog', {})).ok).toBe(true);
    const snap = (await service.dispatch('library.snapshot', {})) as {
      value: { items: { media: MediaAsset[] }[] };
    };
    const media = `/media/${mediaPath(snap.value.items[0]!.media[0]!)}`;
    await service.close();

    const renderer = join(root, 'renderer');
    await mkdir(renderer, { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>soak</title>');
    child = spawn(
      process.execPath,
      [
        join(outDir, 'cli', 'main.mjs'),
        'web',
        lib,
        '--port',
        '0',
        '--no-open',
        '--app-data',
        join(root, 'appdata'),
      ],
      {
        env: { ...process.env, VITRINE_LANG: 'en', VITRINE_RENDERER_DIR: renderer },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    const url = await new Promise<URL>((res, rej) => {
      child!.stdout!.on('data', (c: Buffer) => {
        stdout += c.toString();
        const match = /^VITRINE_READY (\S+)$/m.exec(stdout);
        if (match) res(new URL(match[1]!));
      });
      child!.on('exit', (code) => rej(new Error(`host exited ${code}: ${stdout}`)));
    });
    const token = url.searchParams.get('token')!;
    const pid = child.pid!;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });

    const call = (
      method: string,
      path: string,
      body?: string,
      headers: Record<string, string> = {},
      dropAfterFirstChunk = false,
    ) =>
      new Promise<number>((res, rej) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: Number(url.port),
            path,
            method,
            agent: dropAfterFirstChunk ? false : agent,
            headers: {
              authorization: `Bearer ${token}`,
              ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
              ...headers,
            },
          },
          (response) => {
            if (dropAfterFirstChunk) {
              response.once('data', () => {
                req.destroy();
                res(response.statusCode ?? 0);
              });
              return;
            }
            response.resume();
            response.on('end', () => res(response.statusCode ?? 0));
          },
        );
        req.on('error', rej);
        req.end(body);
      });

    let n = 0;
    const one = async (i: number) => {
      const kind = i % 10;
      let status: number;
      if (kind < 4) status = await call('POST', '/api/session.state', '{}');
      else if (kind < 6) status = await call('POST', '/api/library.snapshot', '{}');
      else if (kind === 6) status = await call('GET', media);
      else if (kind === 7) status = await call('GET', media, undefined, { range: 'bytes=0-99' });
      else if (kind === 8 && i % 100 === 8)
        status = await call('GET', '/events', undefined, {}, true);
      else if (kind === 8)
        status = await call(
          'POST',
          '/api/library.apply',
          JSON.stringify({
            command: {
              type: 'putItem',
              item: { id: `soak-${i % 7}`, kind: 'image', title: { de: `v${i}` } },
            },
          }),
        );
      else status = await call('GET', '/media/media/zz/missing.jpg');
      expect([200, 206, 404]).toContain(status);
      n++;
    };
    /** Runs `count` requests, 8 at a time, and stops by itself. */
    const run = async (count: number, offset: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < count) await one(offset + next++);
        }),
      );
    };

    await run(WARMUP, 0);
    const rss0 = await rssBytes(pid);
    const fd0 = await fdCount(pid);
    const trail: number[] = [];
    for (let done = 0; done < REQUESTS; done += REQUESTS / 4) {
      await run(REQUESTS / 4, WARMUP + done);
      trail.push(Math.round((await rssBytes(pid)) / 2 ** 20));
    }
    agent.destroy();
    const rss1 = await rssBytes(pid);
    // Closed keep-alive sockets are released by the host as their close arrives: poll for it.
    await expect.poll(() => fdCount(pid), { timeout: 30_000 }).toBeLessThanOrEqual(fd0);
    const growth = (rss1 - rss0) / (1024 * 1024);
    console.log(
      `soak: ${n} requests, RSS ${Math.round(rss0 / 2 ** 20)} → ${Math.round(rss1 / 2 ** 20)} MB, fds ${fd0} → ${await fdCount(pid)}, RSS after each quarter ${trail.join(', ')} MB`,
    );
    expect(n).toBe(WARMUP + REQUESTS);
    expect(growth).toBeLessThanOrEqual(20);
    child.kill('SIGTERM');
  }, 600_000);
});
