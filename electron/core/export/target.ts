import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../fs/inside';
import { AppError } from '../../../shared/errors';
import { faultPoint } from '../library/fs-atomic';

/** A bundle-relative path we write: `/`-separated safe segments, nothing that can climb out. */
const REL_PATH = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

export function pathRejected(what: string): AppError {
  return new AppError('PATH_REJECTED', {
    de: `Unzulässiger Pfad im Export: ${what}`,
    en: `Path rejected in export: ${what}`,
  });
}

/**
 * Resolves a bundle-relative path inside `root`. Security: every file the exporter writes goes
 * through here, so a slug, language code or file name can never place a file outside OUTDIR.
 */
export function safeJoin(root: string, rel: string): string {
  if (!REL_PATH.test(rel) || rel.split('/').some((s) => s === '.' || s === '..'))
    throw pathRejected(rel);
  const full = path.resolve(root, rel);
  if (!isInside(root, full, { orSame: true })) throw pathRejected(rel);
  return full;
}

async function entryKind(p: string): Promise<'missing' | 'empty-dir' | 'dir' | 'file'> {
  try {
    const s = await stat(p);
    if (!s.isDirectory()) return 'file';
    return (await readdir(p)).length === 0 ? 'empty-dir' : 'dir';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
}

export function targetNotEmpty(target: string): AppError {
  return new AppError(
    'EXPORT_TARGET_NOT_EMPTY',
    {
      de: `Das Ziel „${target}“ ist nicht leer. Mit --force wird es am Ende des Exports ersetzt.`,
      en: `The target “${target}” is not empty. With --force it is replaced at the end of the export.`,
    },
    { location: { file: target } },
  );
}

/**
 * Checks the target before any work. Refuses targets that would swallow the library or the
 * file system root, and non-empty targets without `force`.
 */
export async function checkTarget(
  target: string,
  options: { force: boolean; zip: boolean; protect: string[] },
): Promise<void> {
  const resolved = path.resolve(target);
  if (resolved === path.parse(resolved).root) throw pathRejected(target);
  for (const p of options.protect) {
    if (isInside(resolved, p, { orSame: true })) throw pathRejected(`${target} ⊇ ${p}`);
  }
  const kind = await entryKind(resolved);
  if (options.zip ? kind === 'dir' || kind === 'empty-dir' : kind === 'file')
    throw targetNotEmpty(target);
  if ((kind === 'dir' || kind === 'file') && !options.force) throw targetNotEmpty(target);
}

/** A fresh temporary folder next to the target, on the same file system so rename is atomic. */
export async function makeTempDir(target: string): Promise<string> {
  const resolved = path.resolve(target);
  await mkdir(path.dirname(resolved), { recursive: true });
  const dir = path.join(
    path.dirname(resolved),
    `.${path.basename(resolved)}.vitrine-${randomBytes(4).toString('hex')}.tmp`,
  );
  await faultPoint('mkdir', dir);
  await mkdir(dir);
  return dir;
}

/**
 * Puts the finished temp folder (or file) in place. An existing target is moved aside first and
 * deleted only after the new one is in place, so there is no moment without a complete bundle
 * that a failure could leave behind.
 */
export async function commitTarget(
  temp: string,
  target: string,
  options: { force: boolean; zip: boolean },
): Promise<void> {
  const resolved = path.resolve(target);
  const kind = await entryKind(resolved);
  if ((kind === 'dir' || kind === 'file') && !options.force) throw targetNotEmpty(target);
  if (options.zip ? kind === 'dir' || kind === 'empty-dir' : kind === 'file')
    throw targetNotEmpty(target);
  if (kind === 'empty-dir') await rm(resolved, { recursive: true });
  if (kind === 'dir' || kind === 'file') {
    const aside = `${path.join(path.dirname(resolved), `.${path.basename(resolved)}.vitrine-old-${randomBytes(4).toString('hex')}`)}`;
    await faultPoint('rename', resolved);
    await rename(resolved, aside);
    try {
      await faultPoint('rename', temp);
      await rename(temp, resolved);
    } catch (err) {
      await rename(aside, resolved);
      throw err;
    }
    // The new bundle is in place: failing to remove the old one (hidden, next to it) is no failure.
    await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    return;
  }
  await faultPoint('rename', temp);
  await rename(temp, resolved);
}
