import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import type { z } from 'zod';
import type { SingleCommand } from '../../../../../shared/domain/commands';
import type { AppError } from '../../../../../shared/errors';

type SingleCommandInput = z.input<typeof SingleCommand>;

const made: string[] = [];

/** A fresh folder under the OS temp dir, removed after the test. */
export async function tempDir(prefix = 'vitrine-lib-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  while (made.length) await rm(made.pop()!, { recursive: true, force: true });
});

/** A clock the test moves by hand. */
export function manualClock(start = '2025-03-10T09:00:00.000Z') {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.set = (iso: string) => {
    now = new Date(iso).getTime();
  };
  return clock;
}

/** Path → sha256 of every file under `dir` (lock files excluded), to prove nothing was written. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        out[relative(dir, full)] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
  };
  await walk(dir);
  return out;
}

export async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

export async function copyFixture(name: string): Promise<string> {
  const dir = await tempDir();
  const target = join(dir, 'lib');
  await cp(join(import.meta.dirname, '../../../../fixtures', name), target, { recursive: true });
  return target;
}

export function itemInput(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'image' as const,
    title: { de: `Objekt ${id}`, en: `Item ${id}` },
    date: '1975~',
    rights: {
      statement: 'CC-BY-4.0',
      holder: 'Stadtarchiv Dortmund',
      creditLine: { de: 'Foto: Stadtarchiv' },
    },
    ...extra,
  };
}

export function partnershipInput(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    city: { de: id[0]!.toUpperCase() + id.slice(1), en: id[0]!.toUpperCase() + id.slice(1) },
    country: 'GB',
    kind: 'twin-city' as const,
    since: '1969',
    ...extra,
  };
}

export function exhibitionInput(id: string, itemIds: string[], partnershipIds: string[] = []) {
  return {
    id,
    slug: id,
    title: { de: `Ausstellung ${id}`, en: `Exhibition ${id}` },
    languages: ['de', 'en'],
    defaultLanguage: 'de',
    chapters: [
      {
        id: 'ch-1',
        title: { de: 'Anfänge', en: 'Beginnings' },
        blocks: [
          ...itemIds.map((itemId, i) => ({ id: `b-${i}`, type: 'item' as const, itemId })),
          ...(partnershipIds.length ? [{ id: 'map-1', type: 'map' as const, partnershipIds }] : []),
        ],
      },
    ],
  };
}

export function awardInput(id: string, partnershipIds: string[] = [], itemIds: string[] = []) {
  return {
    id,
    name: { de: 'Ehrenfahne des Europarats', en: 'Flag of Honour of the Council of Europe' },
    date: '1979',
    awardingBody: { de: 'Europarat', en: 'Council of Europe' },
    partnershipIds,
    itemIds,
  };
}

export const putItem = (id: string, extra: Record<string, unknown> = {}): SingleCommandInput => ({
  type: 'putItem',
  item: itemInput(id, extra),
});
export const putPartnership = (
  id: string,
  extra: Record<string, unknown> = {},
): SingleCommandInput => ({
  type: 'putPartnership',
  partnership: partnershipInput(id, extra),
});

/** Runs `fn` and returns the AppError it rejects with (fails the test if it resolves). */
export async function caught(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a rejection');
}
