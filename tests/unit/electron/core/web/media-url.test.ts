import { describe, expect, it } from 'vitest';
import { mediaUrlToRelPath } from '../../../../../electron/core/web';

describe('mediaUrlToRelPath', () => {
  it('accepts content-addressed media paths, decoding once', () => {
    const sha = 'ab'.repeat(32);
    expect(mediaUrlToRelPath(`media/ab/${sha}.jpg`)).toBe(`media/ab/${sha}.jpg`);
    expect(mediaUrlToRelPath(`media/thumbs/ab/${sha}.webp`)).toBe(`media/thumbs/ab/${sha}.webp`);
    expect(mediaUrlToRelPath('media/ab/%61b.jpg')).toBe('media/ab/ab.jpg');
  });

  it.each([
    ['empty', ''],
    ['dot dot', 'media/../library.json'],
    ['leading dot dot', '../library.json'],
    ['encoded dot dot', 'media/%2e%2e/library.json'],
    ['upper-case encoded dot dot', 'media/%2E%2E/x'],
    ['encoded slash', 'media%2f..%2flibrary.json'],
    ['encoded backslash', 'media/..%5clibrary.json'],
    ['backslash', 'media\\..\\library.json'],
    ['double encoding', 'media/%252e%252e/library.json'],
    ['absolute', '/etc/passwd'],
    ['encoded absolute', '%2fetc%2fpasswd'],
    ['drive letter', 'C:/Windows/win.ini'],
    ['NUL', 'media/ab/x%00.jpg'],
    ['raw NUL', 'media/ab/x\0.jpg'],
    ['dot segment', 'media/./x.jpg'],
    ['empty segment', 'media//x.jpg'],
    ['outside media', 'data/items/00.json'],
    ['manifest', 'library.json'],
    ['bare media', 'media'],
    ['space', 'media/a b.jpg'],
    ['bad escape', 'media/%zz.jpg'],
    ['unicode dot lookalike', 'media/\u2024\u2024/x'],
    ['overlong', `media/${'a'.repeat(2000)}`],
  ])('refuses %s', (_name, raw) => {
    expect(mediaUrlToRelPath(raw)).toBeNull();
  });
});
