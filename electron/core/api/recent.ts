import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentLibrary } from '../../../shared/api';
import { writeFileAtomic } from '../library/fs-atomic';

const MAX_RECENT = 12;
export const RECENT_FILE = 'recent.json';

const RecentEntry = z.object({
  id: z.string(),
  name: z.string(),
  dir: z.string(),
  lastOpened: z.string(),
});
type RecentEntry = z.infer<typeof RecentEntry>;
const RecentFile = z.object({ version: z.literal(1), libraries: z.array(RecentEntry) });

/**
 * A library's id on this machine: a hash of its absolute folder. The page refers to recent
 * libraries by this id, so it never has to send a path back to main.
 */
export function libraryIdFor(dir: string): string {
  return createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
}

export interface RecentStore {
  list(): Promise<RecentLibrary[]>;
  /** The folder behind an id, or null when the id is unknown. */
  dirOf(id: string): Promise<string | null>;
  touch(entry: { dir: string; name: string }): Promise<RecentLibrary>;
  remove(id: string): Promise<void>;
}

/**
 * `<appDataDir>/recent.json`, newest first, written atomically. A damaged file counts as empty:
 * losing the recent list is a nuisance, refusing to start would be worse.
 */
export function createRecentStore({
  appDataDir,
  clock = () => new Date(),
}: {
  appDataDir: string;
  clock?: () => Date;
}): RecentStore {
  const file = join(appDataDir, RECENT_FILE);
  // Serialised so two quick opens never interleave a read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<RecentEntry[]> {
    try {
      const parsed = RecentFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
      return parsed.success ? parsed.data.libraries : [];
    } catch {
      return [];
    }
  }

  async function write(libraries: RecentEntry[]): Promise<void> {
    await writeFileAtomic(file, `${JSON.stringify({ version: 1, libraries }, null, 2)}\n`);
  }

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  const toPublic = (e: RecentEntry): RecentLibrary => ({
    id: e.id,
    name: e.name,
    displayPath: e.dir,
    lastOpened: e.lastOpened,
  });

  return {
    list: () => serial(async () => (await read()).map(toPublic)),
    dirOf: (id) => serial(async () => (await read()).find((e) => e.id === id)?.dir ?? null),
    touch: ({ dir, name }) =>
      serial(async () => {
        const abs = resolve(dir);
        const entry: RecentEntry = {
          id: libraryIdFor(abs),
          name,
          dir: abs,
          lastOpened: clock().toISOString(),
        };
        const rest = (await read()).filter((e) => e.id !== entry.id);
        await write([entry, ...rest].slice(0, MAX_RECENT));
        return toPublic(entry);
      }),
    remove: (id) =>
      serial(async () => {
        const all = await read();
        const rest = all.filter((e) => e.id !== id);
        if (rest.length !== all.length) await write(rest);
      }),
  };
}
