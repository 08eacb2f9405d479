import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import {
  createApiHandlers,
  webDialogs,
  type ApiService,
  type Dialogs,
} from '../../../../../electron/core/api';
import { createLibrary } from '../../../../../electron/core/library';
import { partnership } from '../../../../fixtures/snapshot';
import { tempDir } from './helpers';

export function value<T>(result: { ok: boolean; value?: unknown; error?: unknown }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result.value as T;
}

/**
 * A web-host-like service over a real library (two partnerships) in a temporary folder, for the
 * table and package tests; `cleanup` collects what the caller's afterEach removes.
 */
export async function tableService(
  cleanup: { dirs: string[]; open: ApiService[] },
  dialogs: Dialogs = webDialogs,
) {
  const root = await tempDir('vitrine-api-tables-');
  cleanup.dirs.push(root);
  const libraryDir = join(root, 'lib');
  const lib = await createLibrary(libraryDir, {
    name: 'T',
    languages: ['de', 'en'],
    defaultLanguage: 'de',
  });
  await lib.apply({
    type: 'batch',
    commands: [
      { type: 'putPartnership', partnership: partnership('leeds') },
      { type: 'putPartnership', partnership: partnership('amiens', { country: 'FR' }) },
    ],
  });
  await lib.close();
  const s = await createApiHandlers({
    appDataDir: join(root, 'app'),
    lang: 'en',
    dialogs,
    transport: 'web',
    version: 'test',
    libraryDirOnStart: libraryDir,
    logError: () => undefined,
  });
  cleanup.open.push(s);
  /** What the web host's `POST /upload` does: the bytes under a random id in the upload folder. */
  const upload = async (name: string, bytes: Buffer | string | Uint8Array) => {
    const id = randomBytes(16).toString('hex');
    await writeFile(join(s.uploadDir(), id), bytes);
    return { id, name };
  };
  return { s, root, libraryDir, upload };
}
