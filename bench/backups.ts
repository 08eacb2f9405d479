import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { listBackups, openLibrary } from '../electron/core/library';
import { uniqueBytes } from '../electron/core/library/backups';
import type { Figure } from './report';

/**
 * Issue 12: a month of daily edits on a copy of the synthetic library, with an injected clock.
 * Reports the largest size of backups/ over data/ seen on any day (each inode counted once) and
 * how many daily backups were kept at the end.
 */
export async function benchBackupsMonth(
  source: string,
  outDir: string,
  size: number,
  log: (s: string) => void,
): Promise<Figure[]> {
  const dir = join(outDir, `backups-month-${size}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(join(source, 'library.json'), join(dir, 'library.json'));
  await cp(join(source, 'data'), join(dir, 'data'), { recursive: true });
  let now = Date.UTC(2025, 2, 1, 9);
  const clock = () => new Date(now);
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  let worst = 0;
  for (let day = 1; day <= 31; day++) {
    now = Date.UTC(2025, 2, day, 9);
    const library = await openLibrary(dir, { clock });
    const items = library.snapshot().items;
    for (let edit = 0; edit < 8; edit++) {
      const item = items[Math.floor(random() * items.length)]!;
      await library.apply({
        type: 'putItem',
        item: { ...item, title: { ...item.title, de: `Tag ${day} Nr. ${edit}` } },
      });
      now += 2 * 60_000;
    }
    await library.close();
    const ratio =
      (await uniqueBytes([join(dir, 'backups')])) / (await uniqueBytes([join(dir, 'data')]));
    worst = Math.max(worst, ratio);
    log(`  day ${day}: backups/ = ${ratio.toFixed(2)} × data/\n`);
  }
  const dailies = (await listBackups(dir)).filter((b) => b.kind === 'daily').length;
  await rm(dir, { recursive: true, force: true });
  return [
    {
      name: `backups/ over data/ after a month of daily edits, ${size} items (worst day)`,
      value: worst,
      unit: '×',
      target: 3,
      better: 'lower',
    },
    {
      name: `daily backups kept after a month of 8 edits a day, ${size} items`,
      value: dailies,
      unit: 'backups',
      better: 'higher',
    },
  ];
}
