import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { CliContext } from '../../../../../../electron/core/cli/context';

/** A CLI context that captures output, so commands run in-process and their text is asserted. */
export function cliContext(lang: 'de' | 'en' = 'de') {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    lang,
    version: '0.0.0-test',
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    isTTY: false,
    exitCode: undefined,
  };
  return { ctx, out: () => out.join(''), err: () => err.join('') };
}

/** Temp folders for one test file, removed when it ends. */
export function tempDirs(prefix: string): () => Promise<string> {
  const roots: string[] = [];
  afterAll(async () => {
    await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    roots.push(dir);
    return dir;
  };
}
