import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, realPathInside } from '../../../../../electron/core/fs/inside';

describe('isInside (POSIX paths)', () => {
  const p = path.posix;
  it('accepts what is below the folder and refuses the folder itself unless asked', () => {
    expect(isInside('/lib', '/lib/media/a.jpg', { path: p })).toBe(true);
    expect(isInside('/lib', '/lib', { path: p })).toBe(false);
    expect(isInside('/lib', '/lib/', { path: p, orSame: true })).toBe(true);
  });

  it('compares by segments: a sibling with the same prefix is outside', () => {
    expect(isInside('/lib', '/lib-old/a.jpg', { path: p })).toBe(false);
    expect(isInside('/lib', '/li', { path: p })).toBe(false);
  });

  it('resolves `..` and `.` before comparing', () => {
    expect(isInside('/lib', '/lib/media/../../etc/passwd', { path: p })).toBe(false);
    expect(isInside('/lib', '/lib/./media/../a.jpg', { path: p })).toBe(true);
    expect(isInside('/lib/media/..', '/lib/a.jpg', { path: p })).toBe(true);
    expect(isInside('/lib', '/', { path: p })).toBe(false);
  });

  it('keeps names that merely start with two dots inside', () => {
    expect(isInside('/lib', '/lib/..notes', { path: p })).toBe(true);
    expect(isInside('/lib', '/lib/...', { path: p })).toBe(true);
  });

  it('is case-sensitive, as POSIX file systems are', () => {
    expect(isInside('/lib', '/Lib/a.jpg', { path: p })).toBe(false);
  });
});

describe('isInside (Windows paths)', () => {
  const w = path.win32;
  it('understands backslashes, forward slashes and drive letters', () => {
    expect(isInside('C:\\Bibliothek', 'C:\\Bibliothek\\media\\a.jpg', { path: w })).toBe(true);
    expect(isInside('C:\\Bibliothek', 'C:/Bibliothek/media/a.jpg', { path: w })).toBe(true);
    expect(isInside('C:\\Bibliothek', 'D:\\Bibliothek\\a.jpg', { path: w })).toBe(false);
    expect(isInside('C:\\Bibliothek', 'C:\\Bibliothek\\..\\x.txt', { path: w })).toBe(false);
    expect(isInside('C:\\Bibliothek', 'C:\\Bibliothek-alt\\a.jpg', { path: w })).toBe(false);
  });

  it('ignores case, as Windows does', () => {
    expect(isInside('C:\\Bibliothek', 'c:\\bibliothek\\Media\\a.jpg', { path: w })).toBe(true);
  });
});

describe('realPathInside (a real folder with symbolic links)', () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'vitrine-inside-'));
    root = path.join(base, 'lib');
    await mkdir(path.join(root, 'media'), { recursive: true });
    await writeFile(path.join(root, 'media', 'a.jpg'), 'a');
    await writeFile(path.join(base, 'secret.txt'), 'outside');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'media', 'leak.jpg'));
    await symlink(path.join(root, 'media', 'a.jpg'), path.join(root, 'alias.jpg'));
    // The folder itself reached through a link: its files are still inside.
    await symlink(root, path.join(base, 'lib-link'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('returns the real path of a file inside', async () => {
    const real = await realPathInside(root, path.join(root, 'alias.jpg'));
    expect(real).toBe(await realPathInside(root, path.join(root, 'media', 'a.jpg')));
    expect(real?.endsWith(path.join('media', 'a.jpg'))).toBe(true);
    expect(await realPathInside(path.join(base, 'lib-link'), path.join(root, 'alias.jpg'))).toBe(
      real,
    );
  });

  it('refuses a link that leads out, and a file that is not there', async () => {
    expect(await realPathInside(root, path.join(root, 'media', 'leak.jpg'))).toBeNull();
    expect(await realPathInside(root, path.join(root, 'media', 'missing.jpg'))).toBeNull();
    expect(await realPathInside(root, path.join(root, '..', 'secret.txt'))).toBeNull();
  });
});
