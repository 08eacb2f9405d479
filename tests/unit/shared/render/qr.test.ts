import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../../../shared/render/qr';

describe('qrSvg', () => {
  it('draws the code with a quiet zone and the three finder patterns', () => {
    const svg = qrSvg('https://www.dortmund.de/');
    const [, full] = /viewBox="0 0 (\d+) \1"/.exec(svg) ?? [];
    // Version v has 4v + 17 modules a side; the quiet zone adds 4 on each side.
    expect((Number(full) - 8 - 17) % 4).toBe(0);
    const size = Number(full) - 8;
    expect(svg).toContain('M4 4h7v1h-7z'); // top-left finder, first row
    expect(svg).toContain(`M${size - 3} 4h7v1h-7z`); // top-right finder, first row
    expect(svg).toContain(`M4 ${size - 3}h7v1h-7z`); // bottom-left finder, last row
    expect(svg).toMatch(/^<svg [^>]*aria-hidden="true"[^>]*>/);
  });

  it('is deterministic and differs for different addresses', () => {
    expect(qrSvg('https://a.example/')).toBe(qrSvg('https://a.example/'));
    expect(qrSvg('https://a.example/')).not.toBe(qrSvg('https://b.example/'));
  });

  it('grows with the address', () => {
    const side = (s: string) => Number(/viewBox="0 0 (\d+)/.exec(s)?.[1]);
    expect(side(qrSvg(`https://example.org/${'a'.repeat(200)}`))).toBeGreaterThan(
      side(qrSvg('https://example.org/')),
    );
  });
});
