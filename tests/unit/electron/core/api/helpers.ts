import { mkdtemp, readFile, readdir, readlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialogs } from '../../../../../electron/core/api';

export async function tempDir(prefix = 'vitrine-api-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Dialog answers chosen by the test, as a person would click them. */
export function scriptedDialogs(answers: {
  library?: string | null;
  newLibrary?: string | null;
  media?: string[] | null;
}): Dialogs & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    chooseLibraryFolder: async () => {
      asked.push('library');
      return answers.library ?? null;
    },
    chooseNewLibraryFolder: async (name) => {
      asked.push(`new:${name}`);
      return answers.newLibrary ?? null;
    },
    chooseMediaFiles: async () => {
      asked.push('media');
      return answers.media ?? null;
    },
  };
}

/** Every file under `dir` with its content, to prove a rejected call changed nothing on disk. */
export async function treeContents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(d: string, prefix: string): Promise<void> {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        out[rel] = `-> ${await readlink(join(d, entry.name))}`;
      } else if (entry.isDirectory()) {
        // Backups are time-based; their presence is not a change made by the call.
        if (rel === 'backups') continue;
        await walk(join(d, entry.name), rel);
      } else if (entry.name !== '.vitrine.lock') {
        out[rel] = (await readFile(join(d, entry.name))).toString('base64');
      }
    }
  }
  await walk(dir, '');
  return out;
}
