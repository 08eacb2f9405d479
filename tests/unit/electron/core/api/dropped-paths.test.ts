import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDroppedFiles, DEFAULT_DROPPED_LIMITS } from '../../../../../electron/core/api';
import { tempDir } from './helpers';

const made: string[] = [];
async function folder(): Promise<string> {
  const dir = await tempDir('vitrine-drop-');
  made.push(dir);
  return dir;
}
afterEach(async () => {
  while (made.length) await rm(made.pop()!, { recursive: true, force: true });
});

const codes = (failed: Array<{ name: string; error: { code: string } }>) =>
  failed.map((f) => [f.name, f.error.code]);

describe('checkDroppedFiles', () => {
  it('passes absolute paths of regular files through, once each, in the order dropped', async () => {
    const dir = await folder();
    const a = join(dir, 'Rathaus Leeds.jpg');
    const b = join(dir, 'brief.pdf');
    await writeFile(a, 'a');
    await writeFile(b, 'b');
    const check = await checkDroppedFiles(
      {
        files: [
          { path: b, name: 'brief.pdf' },
          { path: join(dir, 'sub', '..', 'Rathaus Leeds.jpg'), name: 'Rathaus Leeds.jpg' },
          { path: b, name: 'brief.pdf' },
        ],
      },
      'de',
    );
    expect(check).toEqual({ paths: [b, a], failed: [] });
  });

  it('follows a symbolic link to a file, as the file manager shows it', async () => {
    const dir = await folder();
    const target = join(dir, 'plakat.png');
    await writeFile(target, 'x');
    const link = join(dir, 'verknüpfung.png');
    await symlink(target, link);
    const check = await checkDroppedFiles({ files: [{ path: link, name: 'x' }] }, 'en');
    expect(check.paths).toEqual([link]);
  });

  it('reports folders, vanished files, files not on disk and too large files one by one', async () => {
    const dir = await folder();
    const sub = join(dir, 'Urlaubsbilder');
    await mkdir(sub);
    const big = join(dir, 'film.mp4');
    await writeFile(big, Buffer.alloc(2048));
    const ok = join(dir, 'ok.jpg');
    await writeFile(ok, 'x');
    const check = await checkDroppedFiles(
      {
        files: [
          { path: sub, name: 'Urlaubsbilder' },
          { path: join(dir, 'weg.jpg'), name: 'weg.jpg' },
          { path: '', name: 'aus-dem-browser.png' },
          { path: big, name: 'film.mp4' },
          { path: ok, name: 'ok.jpg' },
        ],
      },
      'en',
      { maxFiles: 10, maxBytes: 1024 },
    );
    expect(check.paths).toEqual([ok]);
    expect(codes(check.failed)).toEqual([
      ['Urlaubsbilder', 'FILE_UNREADABLE'],
      ['weg.jpg', 'FILE_UNREADABLE'],
      ['aus-dem-browser.png', 'FILE_UNREADABLE'],
      ['film.mp4', 'MEDIA_TOO_LARGE'],
    ]);
    expect(check.failed[0]!.error.message).toContain('not a file');
  });

  it('shows names without bidi overrides or control characters', async () => {
    const check = await checkDroppedFiles(
      { files: [{ path: '', name: 'photo\u202egpj.exe\u0007' }] },
      'de',
    );
    expect(check.failed[0]!.name).toBe('photogpj.exe');
  });

  it.each([
    ['not an object', 'paths'],
    ['no files', { files: [] }],
    ['extra keys', { files: [{ path: '/tmp/x', name: 'x', size: 1 }] }],
    ['a number for a path', { files: [{ path: 3, name: 'x' }] }],
    ['a relative path', { files: [{ path: 'media/../../etc/passwd', name: 'x' }] }],
    ['a NUL byte', { files: [{ path: '/tmp/a\0b', name: 'x' }] }],
    ['a path of 5,000 characters', { files: [{ path: '/' + 'a'.repeat(5000), name: 'x' }] }],
  ])('refuses the whole batch for %s', async (_label, input) => {
    await expect(checkDroppedFiles(input, 'de')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses more files than the limit before touching the disk', async () => {
    const files = Array.from({ length: 4 }, (_, i) => ({ path: `/nowhere/${i}.jpg`, name: 'x' }));
    await expect(
      checkDroppedFiles({ files }, 'en', { maxFiles: 3, maxBytes: 10 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(DEFAULT_DROPPED_LIMITS.maxFiles).toBe(1000);
  });
});
