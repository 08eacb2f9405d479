import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLibrary, listBackups, openLibrary } from '../../../../../electron/core/library';
import { BUDGET_FACTOR, uniqueBytes } from '../../../../../electron/core/library/backups';
import { loadLibrary } from '../../../../../electron/core/library/load';
import { itemShardFile, shardOf } from '../../../../../electron/core/library/layout';
import { manualClock, putItem, tempDir } from './helpers';

/** A small seeded generator, so a failing run can be repeated exactly. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const ITEMS = 3_000;
const DAYS = 31;

describe('backups stay bounded', () => {
  it('a month of daily edits keeps backups/ within 3 × data/, dailies sharing unchanged files', async () => {
    const clock = manualClock('2025-03-01T09:00:00.000Z');
    const dir = join(await tempDir(), 'lib');
    const first = await createLibrary(dir, {
      name: 'Monat',
      languages: ['de', 'en'],
      defaultLanguage: 'de',
      clock,
    });
    const ids = Array.from({ length: ITEMS }, (_, i) => `obj-${i}`);
    await first.apply({
      type: 'batch',
      commands: ids.map((id) =>
        putItem(id, { description: { de: `Beschreibung ${id} `.repeat(8) } }),
      ),
    });
    await first.close();

    const random = prng(12);
    const ratios: number[] = [];
    for (let day = 1; day <= DAYS; day++) {
      clock.set(new Date(Date.UTC(2025, 2, day, 9)).toISOString());
      const library = await openLibrary(dir, { clock });
      // A working day: a dozen edits spread over the morning, one new item.
      for (let edit = 0; edit < 12; edit++) {
        const id = ids[Math.floor(random() * ids.length)]!;
        await library.apply(putItem(id, { title: { de: `Tag ${day} Nr. ${edit}`, en: 'x' } }));
        clock.advance(2 * 60_000);
      }
      await library.apply(putItem(`neu-${day}`));
      await library.close();
      const data = await uniqueBytes([join(dir, 'data')]);
      const backups = await uniqueBytes([join(dir, 'backups')]);
      ratios.push(backups / data);
    }
    expect(Math.max(...ratios)).toBeLessThanOrEqual(BUDGET_FACTOR);

    const all = await listBackups(dir);
    const dailies = all.filter((b) => b.kind === 'daily');
    // History survives the bound: at this rate of change (8 of 3,000 items a day) the last
    // days' dailies, without gaps, and the newest recent one fit.
    expect(dailies.map((d) => d.id).slice(0, 4)).toEqual([
      'daily-2025-03-31',
      'daily-2025-03-30',
      'daily-2025-03-29',
      'daily-2025-03-28',
    ]);
    expect(all.filter((b) => b.kind === 'recent').length).toBeGreaterThanOrEqual(1);

    // Unchanged files are shared between dailies, never with the live files.
    const liveIno = new Set<number>();
    for (let s = 0; s < 64; s++)
      liveIno.add((await stat(join(dir, itemShardFile(s))).catch(() => null))?.ino ?? -1);
    let shared = 0;
    for (let s = 0; s < 64; s++) {
      const [a, b] = await Promise.all(
        dailies.slice(0, 2).map((d) => stat(join(d.path, itemShardFile(s)))),
      );
      if (a!.ino === b!.ino) shared++;
      for (const d of dailies)
        expect(liveIno.has((await stat(join(d.path, itemShardFile(s)))).ino)).toBe(false);
    }
    expect(shared).toBeGreaterThan(32);
    expect(shared).toBeLessThan(64);

    // Every kept daily still restores to a whole library; the newest has the last day's item.
    for (const d of dailies) await loadLibrary(d.path);
    const newest = await loadLibrary(dailies[0]!.path);
    const shard = newest.files.get(itemShardFile(shardOf('neu-30')));
    expect(shard?.entities.some((e) => e.id === 'neu-30')).toBe(true);
  }, 600_000);
});
