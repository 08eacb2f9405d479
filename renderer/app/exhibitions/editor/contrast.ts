import type { Exhibition } from '../../../../shared/domain';
import { THEMES } from '../../../../shared/render/themes';

/**
 * Theme backgrounds as the bundle's stylesheet (renderer/bundle/vitrine.css) sets them; the accent
 * colour is used for links and buttons on this background, so that is where contrast matters.
 */
export const THEME_BACKGROUNDS: Record<Exhibition['theme'], string> = {
  civic: THEMES.civic.bg,
  archive: THEMES.archive.bg,
  night: THEMES.night.bg,
};

/** The accent each theme uses when the exhibition sets none. */
export const THEME_ACCENTS: Record<Exhibition['theme'], string> = {
  civic: THEMES.civic.accent,
  archive: THEMES.archive.accent,
  night: THEMES.night.accent,
};

/** WCAG 2.x minimum for normal text (success criterion 1.4.3, level AA). */
export const MIN_CONTRAST = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1]!, match[2]!, match[3]!].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio between two colours, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

export function accentContrast(theme: Exhibition['theme'], accent: string): number {
  return contrastRatio(accent, THEME_BACKGROUNDS[theme]);
}

export function isAccessibleAccent(theme: Exhibition['theme'], accent: string): boolean {
  return accentContrast(theme, accent) >= MIN_CONTRAST;
}
