import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiHandlers } from '../../../../../electron/core/api';
import { createSyntheticJpeg } from '../../../../../electron/core/media';
import { mediaPath, type MediaAsset } from '../../../../../shared/domain';
import { scriptedDialogs } from '../api/helpers';

/**
 * The soak of `vitrine web`, shared by the test (soak.test.ts) and `npm run bench`: a library
 * with one photo, the real CLI as a child process, and a bounded stream of requests — API calls
 * (reads and small edits), media with and without ranges, event streams opened and dropped —
 * that ends by count. Measures resident memory and open descriptors of the child from a warmed-up
 * start; the caller judges them.
 */
export interface SoakOptions {
  /** Arguments to node that start the CLI, e.g. [`dist/cli/main.mjs`]. */
  cli: string[];
  requests: number;
  /** Requests before the first measurement (V8 grows its heap in steps before it settles). */
  warmup: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  requests: number;
  rssStartBytes: number;
  rssEndBytes: number;
  fdStart: number;
  /** Descriptors once the closed keep-alive sockets were released (polled up to 30 s). */
  fdEnd: number;
  /** Resident MB after each quarter of the measured run. */
  trailMb: number[];
  /** Answers other than 200, 206 and 404, which would mean a failed request. */
  failures: number;
  /** The first 20 of them, as "status path". */
  unexpected: string[];
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}
const fdCount = async (pid: number) => (await readdir(`/proc/${pid}/fd`)).length;

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const root = await mkdtemp(join(tmpdir(), 'vitrine-soak-'));
  let child: ChildProcess | null = null;
  try {
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
    const created = await service.dispatch('library.createDialog', { name: 'Soak' });
    const imported = await service.dispatch('media.importDialog', {});
    if (!created.ok || !imported.ok) throw new Error('soak: could not set up the library');
    const snap = (await service.dispatch('library.snapshot', {})) as {
      value: { items: { media: MediaAsset[] }[] };
    };
    const media = `/media/${mediaPath(snap.value.items[0]!.media[0]!)}`;
    await service.close();

    const renderer = join(root, 'renderer');
    await mkdir(renderer, { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>soak</title>');
    const host = spawn(
      process.execPath,
      [...options.cli, 'web', lib, '--port', '0', '--no-open', '--app-data', join(root, 'appdata')],
      {
        env: { ...process.env, VITRINE_LANG: 'en', VITRINE_RENDERER_DIR: renderer },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = host;
    let stdout = '';
    let stderr = '';
    host.stderr!.on('data', (c: Buffer) => void (stderr += c.toString()));
    const url = await new Promise<URL>((res, rej) => {
      host.stdout!.on('data', (c: Buffer) => {
        stdout += c.toString();
        const match = /^VITRINE_READY (\S+)$/m.exec(stdout);
        if (match) res(new URL(match[1]!));
      });
      host.on('exit', (code) => rej(new Error(`host exited ${code}: ${stdout}${stderr}`)));
    });
    const token = url.searchParams.get('token')!;
    const pid = host.pid!;
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
    let failures = 0;
    const unexpected: string[] = [];
    const one = async (i: number) => {
      const kind = i % 10;
      let what: string;
      let status: number;
      if (kind < 4) status = await call('POST', (what = '/api/session.state'), '{}');
      else if (kind < 6) status = await call('POST', (what = '/api/library.snapshot'), '{}');
      else if (kind === 6) status = await call('GET', (what = media));
      else if (kind === 7)
        status = await call('GET', (what = media), undefined, { range: 'bytes=0-99' });
      else if (kind === 8 && i % 100 === 8)
        status = await call('GET', (what = '/events'), undefined, {}, true);
      else if (kind === 8)
        status = await call(
          'POST',
          (what = '/api/library.apply'),
          JSON.stringify({
            command: {
              type: 'putItem',
              item: { id: `soak-${i % 7}`, kind: 'image', title: { de: `v${i}` } },
            },
          }),
        );
      else status = await call('GET', (what = '/media/media/zz/missing.jpg'));
      if (![200, 206, 404].includes(status) && failures++ < 20)
        unexpected.push(`${status} ${what}`);
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

    await run(options.warmup, 0);
    const rssStartBytes = await rssBytes(pid);
    const fdStart = await fdCount(pid);
    const trailMb: number[] = [];
    const quarter = Math.ceil(options.requests / 4);
    for (let done = 0; done < options.requests; done += quarter) {
      await run(Math.min(quarter, options.requests - done), options.warmup + done);
      trailMb.push(Math.round((await rssBytes(pid)) / 2 ** 20));
      options.log?.(`soak: ${n} requests, RSS ${trailMb.at(-1)} MB\n`);
    }
    agent.destroy();
    const rssEndBytes = await rssBytes(pid);
    // Closed keep-alive sockets are released by the host as their close arrives: poll for it.
    let fdEnd = await fdCount(pid);
    for (let polls = 0; fdEnd > fdStart && polls < 300; polls++) {
      await new Promise((r) => setTimeout(r, 100));
      fdEnd = await fdCount(pid);
    }
    return {
      requests: n,
      rssStartBytes,
      rssEndBytes,
      fdStart,
      fdEnd,
      trailMb,
      failures,
      unexpected,
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(root, { recursive: true, force: true });
  }
}
