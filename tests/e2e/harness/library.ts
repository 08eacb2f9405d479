import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `vitrine-e2e-${prefix}-`));
}

/**
 * Builds the sample library once per run into a template folder; each test then gets its own
 * copy, so no test sees another's edits and building (images, thumbnails) is paid once.
 */
export async function buildSampleTemplate(): Promise<string> {
  const { buildSampleLibrary } = await import('../../../electron/core/sample/index');
  const dir = join(await tempDir('template'), 'Beispielbibliothek');
  await buildSampleLibrary(dir);
  return dir;
}

export async function copyLibrary(template: string): Promise<string> {
  const dir = join(await tempDir('library'), 'Beispielbibliothek');
  await cp(template, dir, { recursive: true });
  return dir;
}
