import { describe, expect, it } from 'vitest';
import {
  accentContrast,
  contrastRatio,
  isAccessibleAccent,
  THEME_ACCENTS,
} from '../../../../../../renderer/app/exhibitions/editor/contrast';
import { THEMES } from '../../../../../../shared/domain';

describe('accent contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the classic 4.54:1 grey.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('accepts every theme’s own accent on its background', () => {
    for (const theme of THEMES) expect(isAccessibleAccent(theme, THEME_ACCENTS[theme])).toBe(true);
  });

  it('refuses colours below 4.5:1 against the theme background', () => {
    expect(isAccessibleAccent('civic', '#ffff00')).toBe(false);
    expect(isAccessibleAccent('night', '#0a58a8')).toBe(false);
    expect(isAccessibleAccent('night', '#ffff00')).toBe(true);
    expect(accentContrast('archive', '#777777')).toBeLessThan(4.5);
  });

  it('rejects anything that is not #rrggbb', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(/#rrggbb/);
  });
});
