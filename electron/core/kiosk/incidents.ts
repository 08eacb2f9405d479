import { appendFile, mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { localIso } from './stats-store';

/**
 * The player's incident log: crashes, hangs, lost browsers, PIN lock-outs and exits, one JSON line
 * each in `<dataDir>/logs/player.log`, rotated at `maxBytes` into player.1.log … player.N.log so a
 * kiosk that runs for years never fills its disk. Counts per kind are kept for the status line.
 */
export type IncidentKind =
  | 'renderer-crashed'
  | 'page-hung'
  | 'browser-exited'
  | 'recovered'
  | 'pin-wrong'
  | 'pin-locked'
  | 'operator-exit'
  | 'stats-rejected'
  | 'exit-page-idle';

export interface Incident {
  kind: IncidentKind;
  detail?: string;
}

export interface IncidentLog {
  report(incident: Incident): Promise<void>;
  readonly counts: Readonly<Partial<Record<IncidentKind, number>>>;
  readonly file: string;
}

export function createIncidentLog(options: {
  dataDir: string;
  maxBytes?: number;
  keep?: number;
  clock?: () => Date;
}): IncidentLog {
  const dir = path.join(options.dataDir, 'logs');
  const file = path.join(dir, 'player.log');
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 5;
  const clock = options.clock ?? (() => new Date());
  const counts: Partial<Record<IncidentKind, number>> = {};
  let queue: Promise<void> = Promise.resolve();

  async function rotate(): Promise<void> {
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    if (size < maxBytes) return;
    await unlink(path.join(dir, `player.${keep}.log`)).catch(() => undefined);
    for (let i = keep - 1; i >= 1; i--)
      await rename(path.join(dir, `player.${i}.log`), path.join(dir, `player.${i + 1}.log`)).catch(
        () => undefined,
      );
    await rename(file, path.join(dir, 'player.1.log'));
  }

  return {
    counts,
    file,
    report(incident) {
      counts[incident.kind] = (counts[incident.kind] ?? 0) + 1;
      const line = `${JSON.stringify({ t: localIso(clock()), ...incident, count: counts[incident.kind] })}\n`;
      const run = queue.then(async () => {
        await mkdir(dir, { recursive: true });
        await rotate();
        await appendFile(file, line);
      });
      // A log that cannot be written must not stop the player.
      queue = run.catch(() => undefined);
      return queue;
    },
  };
}
