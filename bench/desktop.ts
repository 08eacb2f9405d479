import type Sharp from 'sharp';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { readLibrarySnapshot } from '../electron/core/library';
import { imageBackendName } from '../electron/core/media/sharp';
import { mediaPath } from '../shared/domain/media';
import { syntheticPhotoLibrary } from './export';
import { median, type Figure } from './report';
import { startHost } from './ui';

/**
 * Issue 9: heavy work off the serving process. (1) While an export of `count` 12 MP photos (zip,
 * all derivatives, cold cache) runs through the web host — in its forked worker process — a cheap
 * API call is made every 50 ms; its round-trip time is the event-loop lag the page would feel.
 * (2) The cost of the Linux desktop build's image backend (sharp's WebAssembly build) against
 * native sharp, here in plain Node, on the same photos.
 */
export interface DesktopBenchOptions {
  root: string;
  outDir: string;
  quick: boolean;
  log: (s: string) => void;
}

async function api(url: string, token: string, method: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

interface Phase {
  /** Round trips of a cheap API call, as the page would see them. */
  samples: number[];
  /** The serving process's own event-loop delay meanwhile (bench/loop-monitor.cjs). */
  loop: LoopDelay;
}

async function latencyDuringExport(
  root: string,
  library: string,
  work: string,
  log: (s: string) => void,
): Promise<{ idle: Phase; export: Phase; seconds: number }> {
  const appData = join(work, 'app-data');
  await rm(join(library, 'cache'), { recursive: true, force: true });
  let loopReport: ((delay: LoopDelay) => void) | null = null;
  const host = await startHost(library, appData, {
    execArgv: ['--require', join(root, 'bench', 'loop-monitor.cjs')],
    onLine: (line) => {
      const m = /^VITRINE_LOOP (.+)$/.exec(line);
      if (m) loopReport?.(JSON.parse(m[1]!) as LoopDelay);
    },
  });
  // Asks the host for its loop delay since the last ask (and starts a new period).
  const loopDelay = () =>
    new Promise<LoopDelay>((resolve) => {
      loopReport = resolve;
      process.kill(host.pid, 'SIGUSR2');
    });
  try {
    const address = new URL(host.url);
    const token = address.searchParams.get('token')!;
    const base = address.origin;
    const call = async (samples: number[]) => {
      const s0 = performance.now();
      await api(base, token, 'session.state', {});
      samples.push(performance.now() - s0);
      await new Promise((r) => setTimeout(r, 50));
    };
    // The reference in the same run: the same call on the idle host (after a warm-up, so the
    // first calls' schema compilation is not counted in either phase).
    for (let i = 0; i < 5; i++) await call([]);
    await loopDelay();
    const idle: number[] = [];
    for (let i = 0; i < 60; i++) await call(idle);
    const idleLoop = await loopDelay();

    const target = (await api(base, token, 'exhibitions.chooseExportTarget', {
      exhibitionId: 'x-fotos',
      mode: 'web',
      zip: true,
    })) as { targetId: string; displayPath: string };
    await rm(target.displayPath, { force: true });
    const t0 = performance.now();
    await api(base, token, 'exhibitions.export', {
      taskId: `bench-${Date.now()}`,
      exhibitionId: 'x-fotos',
      mode: 'web',
      targetId: target.targetId,
      languages: ['de'],
      replace: true,
    });
    const samples: number[] = [];
    // The zip is renamed into place as the export's last step: that ends the measurement.
    while (!existsSync(target.displayPath)) {
      await call(samples);
      if (samples.length % 100 === 0) log(`  … ${samples.length} calls\n`);
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      idle: { samples: idle, loop: idleLoop },
      export: { samples, loop: await loopDelay() },
      seconds,
    };
  } finally {
    await host.stop();
  }
}

/** sharp with only its WebAssembly build available: a copy of the package tree without native ones. */
async function wasmSharp(root: string): Promise<typeof Sharp> {
  // Outside the repository: Node would otherwise find the native package in its node_modules.
  const tree = join(os.tmpdir(), `vitrine-bench-wasm-${process.pid}`, 'node_modules');
  if (!existsSync(join(tree, 'sharp'))) {
    // The packages as npm hoisted them (some, like sharp, do not export ./package.json).
    const pkgDir = (name: string) => join(root, 'node_modules', name);
    const sharpPkg = JSON.parse(await readFile(join(pkgDir('sharp'), 'package.json'), 'utf8'));
    const names = ['sharp', '@img/sharp-wasm32', '@emnapi/runtime', 'tslib'];
    names.push(...Object.keys(sharpPkg.dependencies ?? {}));
    for (const name of new Set(names)) {
      const dir = pkgDir(name);
      if (!existsSync(dir)) continue;
      await mkdir(dirname(join(tree, name)), { recursive: true });
      await cp(dir, join(tree, name), { recursive: true });
    }
  }
  const load = createRequire(join(tree, 'sharp', 'package.json'));
  return load('sharp') as typeof Sharp;
}

async function encodeAll(sharp: typeof Sharp, files: string[]): Promise<number> {
  sharp.concurrency(os.availableParallelism());
  sharp.cache(false);
  const t0 = performance.now();
  for (const file of files) {
    const input = sharp(file).autoOrient();
    for (const width of [400, 1200]) {
      const resized = input.clone().resize({ width });
      await resized.clone().jpeg({ quality: 80 }).toBuffer();
      await resized.clone().webp({ quality: 75, effort: 2 }).toBuffer();
    }
  }
  return performance.now() - t0;
}

export async function benchDesktop(options: DesktopBenchOptions): Promise<Figure[]> {
  const { root, outDir, quick, log } = options;
  const count = quick ? 30 : 200;
  const work = join(outDir, 'desktop');
  await mkdir(work, { recursive: true });
  log(`desktop: export of ${count} photos through the web host, API latency meanwhile\n`);
  const library = await syntheticPhotoLibrary(outDir, count, log);
  const run = await latencyDuringExport(root, library, work, log);
  const { samples } = run.export;
  const figures: Figure[] = [
    {
      name: `desktop.export${count}.api-latency.median`,
      value: median(samples),
      unit: 'ms',
      target: 50,
      better: 'lower',
    },
    {
      name: `desktop.export${count}.api-latency.max`,
      value: Math.max(...samples),
      unit: 'ms',
      target: 200,
      better: 'lower',
    },
    // The serving process's own event-loop delay during the export, and both figures for the
    // idle host in the same run: on a loaded machine the ratio shows what the export adds.
    ...(
      [
        ['loop-delay.p50', run.export.loop.p50],
        ['loop-delay.p99', run.export.loop.p99],
        ['loop-delay.max', run.export.loop.max],
        ['idle.api-latency.median', median(run.idle.samples)],
        ['idle.api-latency.max', Math.max(...run.idle.samples)],
        ['idle.loop-delay.p99', run.idle.loop.p99],
        ['idle.loop-delay.max', run.idle.loop.max],
      ] as const
    ).map(([name, value]): Figure => ({
      name: `desktop.export${count}.${name}`,
      value,
      unit: 'ms',
      better: 'lower',
    })),
    { name: `desktop.export${count}.seconds`, value: run.seconds, unit: 's', better: 'lower' },
  ];

  const photos = quick ? 4 : 12;
  log(`desktop: image backend, WebAssembly vs native sharp on ${photos} photos of 12 MP\n`);
  const snapshot = await readLibrarySnapshot(library);
  const files = snapshot.items
    .flatMap((i) => i.media.map((m) => join(library, mediaPath(m))))
    .slice(0, photos);
  const native = (await import('sharp')).default;
  const wasm = await wasmSharp(root);
  if (imageBackendName(wasm) !== 'wasm')
    throw new Error('the WebAssembly tree loaded a native sharp');
  if (imageBackendName(native) !== 'native') throw new Error('native sharp is not native');
  const nativeMs = await encodeAll(native, files);
  const wasmMs = await encodeAll(wasm, files);
  figures.push(
    {
      name: 'desktop.images.native.per-photo',
      value: nativeMs / photos,
      unit: 'ms',
      better: 'lower',
    },
    { name: 'desktop.images.wasm.per-photo', value: wasmMs / photos, unit: 'ms', better: 'lower' },
    { name: 'desktop.images.wasm-vs-native', value: wasmMs / nativeMs, unit: '×', better: 'lower' },
  );
  return figures;
}
