import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { mediaPath } from '../shared/domain/media';
import { createLibrary, openLibrary } from '../electron/core/library';
import { median, type Figure } from './report';
import { syntheticItem, syntheticPartnerships } from './synthetic';

const run = promisify(execFile);

/**
 * A synthetic library of `count` items, built once through the real store and kept under
 * bench/out/ so repeated runs measure, not generate. Placeholder media files make it "clean" for
 * the check, so the check figure is the typical case rather than 10,000 error lines.
 */
export async function syntheticLibrary(
  outDir: string,
  count: number,
  log: (s: string) => void,
): Promise<string> {
  const dir = join(outDir, `library-${count}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  log(`  generating ${count} items …\n`);
  const library = await createLibrary(dir, {
    name: `Benchmark ${count}`,
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  await library.apply({
    type: 'batch',
    commands: syntheticPartnerships().map((partnership) => ({
      type: 'putPartnership',
      partnership,
    })),
  });
  const batch = 10_000;
  for (let start = 0; start < count; start += batch) {
    const commands = [];
    for (let n = start; n < Math.min(count, start + batch); n++)
      commands.push({ type: 'putItem' as const, item: syntheticItem(n) });
    await library.apply({ type: 'batch', commands });
  }
  const snapshot = library.snapshot();
  await library.close();
  const dirs = new Set<string>();
  for (const item of snapshot.items)
    for (const asset of item.media) {
      const rel = mediaPath(asset);
      const folder = join(dir, rel, '..');
      if (!dirs.has(folder)) {
        await mkdir(folder, { recursive: true });
        dirs.add(folder);
      }
      await writeFile(join(dir, rel), '');
    }
  await writeFile(join(dir, '.complete'), '');
  return dir;
}

export async function benchOpen(dir: string, count: number, reps: number): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const library = await openLibrary(dir, { readOnly: true });
    library.snapshot();
    times.push(performance.now() - t0);
    await library.close();
  }
  return {
    name: `library.open.${count}`,
    value: median(times),
    unit: 'ms',
    target: count === 10_000 ? 400 : undefined,
    better: 'lower',
  };
}

/** A realistic edit: retitle one item; resolves only once fsynced, so this is the durable cost. */
export async function benchEdit(dir: string, count: number, edits: number): Promise<Figure> {
  const library = await openLibrary(dir);
  try {
    const snapshot = library.snapshot();
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const item = snapshot.items[(i * 7919) % snapshot.items.length]!;
      const t0 = performance.now();
      await library.apply({
        type: 'putItem',
        item: { ...item, title: { ...item.title, de: `${item.title.de ?? ''} ·` } },
      });
      times.push(performance.now() - t0);
    }
    return {
      name: `library.edit.durable.${count}`,
      value: median(times),
      unit: 'ms',
      target: count === 10_000 ? 30 : undefined,
      better: 'lower',
    };
  } finally {
    await library.close();
  }
}

/** Resident memory of a fresh Node process that has opened the library (what main would hold). */
export async function benchMemory(childEntry: string, dir: string, count: number): Promise<Figure> {
  const { stdout } = await run(process.execPath, ['--expose-gc', childEntry, dir]);
  const rss = Number(stdout.trim().split('\n').pop());
  return {
    name: `library.memory.rss.${count}`,
    value: rss / 1024 / 1024,
    unit: 'MB',
    target: count === 10_000 ? 250 : undefined,
    better: 'lower',
  };
}

export async function childMemory(dir: string): Promise<void> {
  const library = await openLibrary(dir, { readOnly: true });
  const snapshot = library.snapshot();
  (globalThis as { gc?: () => void }).gc?.();
  process.stdout.write(`${snapshot.items.length}\n${process.memoryUsage().rss}\n`);
  await library.close();
}

/** The whole `vitrine check` command as a person runs it, process start included. */
export async function benchCheck(
  cliEntry: string,
  dir: string,
  count: number,
  reps: number,
): Promise<Figure> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await run(process.execPath, [cliEntry, 'check', dir, '--json'], {
      maxBuffer: 256 * 1024 * 1024,
    }).catch((err: { code?: number }) => {
      if (err.code !== 1) throw err;
    });
    times.push(performance.now() - t0);
  }
  return {
    name: `cli.check.${count}`,
    value: median(times),
    unit: 'ms',
    target: count === 10_000 ? 1000 : undefined,
    better: 'lower',
  };
}
