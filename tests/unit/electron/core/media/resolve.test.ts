import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveMediaFile } from '../../../../../electron/core/media';
import { AppError } from '../../../../../shared/errors';
import { tempLibrary } from './fixtures';

const SHA = 'ab'.padEnd(64, '0');
const FILE = `media/ab/${SHA}.jpg`;
const THUMB = `media/thumbs/ab/${SHA}.webp`;

let root: string;
let libraryDir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ root, libraryDir, cleanup } = await tempLibrary());
  await mkdir(path.join(libraryDir, 'media', 'ab'), { recursive: true });
  await mkdir(path.join(libraryDir, 'media', 'thumbs', 'ab'), { recursive: true });
  await mkdir(path.join(libraryDir, 'media', '.incoming'), { recursive: true });
  await writeFile(path.join(libraryDir, FILE), 'photo');
  await writeFile(path.join(libraryDir, THUMB), 'thumb');
  await writeFile(path.join(libraryDir, 'media', '.incoming', 'x.part'), 'half');
  await writeFile(path.join(libraryDir, 'library.json'), '{"secret":true}');
  await writeFile(path.join(root, 'outside.txt'), 'secret');
});
afterEach(async () => {
  await cleanup();
});

async function codeOf(relPath: string): Promise<string> {
  try {
    await resolveMediaFile(libraryDir, relPath);
    return 'RESOLVED';
  } catch (error) {
    return error instanceof AppError ? error.code : `THREW ${String(error)}`;
  }
}

describe('resolveMediaFile', () => {
  it('resolves media files and thumbnails to their real absolute path', async () => {
    expect(await resolveMediaFile(libraryDir, FILE)).toBe(
      await realpath(path.join(libraryDir, FILE)),
    );
    expect(await resolveMediaFile(libraryDir, THUMB)).toBe(
      await realpath(path.join(libraryDir, THUMB)),
    );
  });

  it.each([
    ['..'],
    ['../'],
    ['../outside.txt'],
    ['../../outside.txt'],
    ['media/..'],
    ['media/../library.json'],
    ['media/ab/../../library.json'],
    ['media/ab/../../../outside.txt'],
    ['media/./ab/' + SHA + '.jpg'],
    ['..\\'],
    ['..\\outside.txt'],
    ['media\\..\\library.json'],
    ['media/ab\\..\\..\\library.json'],
    ['/etc/passwd'],
    ['//server/share/x.jpg'],
    ['\\\\server\\share\\x.jpg'],
    ['C:/Windows/win.ini'],
    ['C:\\Windows\\win.ini'],
    ['media/ab/x.jpg:stream'],
    ['media/%2e%2e/library.json'],
    ['media/%2E%2E%2Flibrary.json'],
    ['media/ab/' + SHA + '.jpg\u0000.png'],
    ['media/ab/\n' + SHA + '.jpg'],
    ['media//ab/' + SHA + '.jpg'],
    ['media/ab/'],
    ['media/.incoming/x.part'],
    ['library.json'],
    ['media'],
    [''],
    ['media/ab/' + 'a'.repeat(2000)],
  ])('rejects %j with PATH_REJECTED', async (relPath) => {
    expect(await codeOf(relPath)).toBe('PATH_REJECTED');
  });

  it('rejects an absolute path even when it points into media/', async () => {
    expect(await codeOf(path.join(libraryDir, FILE))).toBe('PATH_REJECTED');
  });

  it('rejects a symlink inside media/ that points outside', async () => {
    await symlink(path.join(root, 'outside.txt'), path.join(libraryDir, 'media', 'ab', 'evil.jpg'));
    expect(await codeOf('media/ab/evil.jpg')).toBe('PATH_REJECTED');
    await symlink(
      path.join(libraryDir, 'library.json'),
      path.join(libraryDir, 'media', 'ab', 'store.jpg'),
    );
    expect(await codeOf('media/ab/store.jpg')).toBe('PATH_REJECTED');
  });

  it('rejects a path through a symlinked folder inside media/ that points outside', async () => {
    await symlink(root, path.join(libraryDir, 'media', 'cd'), 'dir');
    expect(await codeOf('media/cd/outside.txt')).toBe('PATH_REJECTED');
  });

  it('accepts a symlink that stays inside media/', async () => {
    await symlink(path.join(libraryDir, FILE), path.join(libraryDir, 'media', 'ab', 'alias.jpg'));
    expect(await resolveMediaFile(libraryDir, 'media/ab/alias.jpg')).toBe(
      await realpath(path.join(libraryDir, FILE)),
    );
  });

  it('rejects folders and reports missing files as NOT_FOUND', async () => {
    expect(await codeOf('media/ab')).toBe('PATH_REJECTED');
    expect(await codeOf(`media/cd/${SHA}.jpg`)).toBe('NOT_FOUND');
    expect(await codeOf(`media/ab/${SHA}.png`)).toBe('NOT_FOUND');
  });

  it('reports NOT_FOUND when the library has no media folder yet', async () => {
    const empty = path.join(root, 'empty-library');
    await mkdir(empty);
    await expect(resolveMediaFile(empty, FILE)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
