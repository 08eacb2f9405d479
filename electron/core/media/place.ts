import { link, rename, stat } from 'node:fs/promises';
import { faultPoint } from '../library/fs-atomic';

/** Codes of file systems without hard links (FAT/exFAT sticks, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

function code(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (code(error) === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Moves the finished temp file to its content-addressed name without ever replacing an existing
 * file (Tropy's `wx` rule): a hard link fails with EEXIST atomically, so two imports of the same
 * content racing each other cannot both claim to have stored it. Where links are unsupported
 * the fallback checks, then renames; identical content makes the remaining race harmless.
 * Returns false when the destination already existed. The caller removes the temp file.
 */
export async function placeNoReplace(temp: string, destination: string): Promise<boolean> {
  try {
    await faultPoint('link', destination);
    await link(temp, destination);
    return true;
  } catch (error) {
    const c = code(error);
    if (c === 'EEXIST') return false;
    if (!c || !NO_LINKS.has(c)) throw error;
  }
  if (await exists(destination)) return false;
  await faultPoint('rename', destination);
  await rename(temp, destination);
  return true;
}
