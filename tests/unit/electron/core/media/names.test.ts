import { describe, expect, it } from 'vitest';
import { displayName } from '../../../../../electron/core/media/names';

describe('displayName', () => {
  it('keeps only the base name of either separator style', () => {
    expect(displayName('/home/a/../b/Brief an Amiens.pdf')).toBe('Brief an Amiens.pdf');
    expect(displayName('C:\\Users\\x\\Kumasi 2019.jpg')).toBe('Kumasi 2019.jpg');
  });

  it('removes control characters and bidi controls but keeps real letters', () => {
    expect(displayName('a\u202Eb\u2066c\u200Fd\u0000e\u009Bf.jpg')).toBe('abcdef.jpg');
    expect(displayName('صورة دورا.jpg')).toBe('صورة دورا.jpg');
    expect(displayName('Новий Сад.png')).toBe('Новий Сад.png');
  });

  it('normalizes to NFC', () => {
    expect(displayName('Mu\u0308nster.jpg')).toBe('Münster.jpg');
  });

  it('never returns an empty name', () => {
    expect(displayName('/tmp/\u202E\u0001')).toBe('unbenannt');
  });

  it('caps the length at 500 UTF-16 units without splitting a surrogate pair', () => {
    const name = displayName('a' + '😀'.repeat(400));
    expect(name.length).toBeLessThanOrEqual(500);
    expect(name.length).toBe(499);
    expect(name.endsWith('😀')).toBe(true);
  });
});
