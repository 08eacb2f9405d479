import type { Exhibition } from '../domain/exhibition';

/**
 * The colours of the bundle's three themes, as renderer/bundle/vitrine.css sets them (a unit test
 * holds the two together). Here so the check can measure every pair a page draws text with.
 */
export interface ThemePalette {
  bg: string;
  fg: string;
  muted: string;
  link: string;
  accent: string;
  surface: string;
  /** Text on accent-coloured buttons. */
  onAccent: string;
}

export const THEMES: Record<Exhibition['theme'], ThemePalette> = {
  civic: {
    bg: '#ffffff',
    fg: '#17202a',
    muted: '#4b5866',
    link: '#0b4f8a',
    accent: '#0b4f8a',
    surface: '#eef2f6',
    onAccent: '#ffffff',
  },
  archive: {
    bg: '#f7f3ea',
    fg: '#2a211b',
    muted: '#5a4a3c',
    link: '#8a2e14',
    accent: '#8a2e14',
    surface: '#ece3d1',
    onAccent: '#ffffff',
  },
  night: {
    bg: '#111317',
    fg: '#efebe4',
    muted: '#b4bac3',
    link: '#f0c36a',
    accent: '#f0c36a',
    surface: '#1d2128',
    onAccent: '#17140d',
  },
};

/** WCAG 2.x minimum for normal text (success criterion 1.4.3, level AA). */
export const WCAG_AA = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(
    hex.length === 4 ? expand(hex) : hex,
  );
  if (!m) return 0;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => channel(parseInt(h, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const expand = (hex: string) => `#${[...hex.slice(1)].map((c) => c + c).join('')}`;

/** Contrast ratio between two #rrggbb (or #rgb) colours, 1 … 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Every text/background pair the bundle's pages draw, with the exhibition's accent applied. */
export function themeTextPairs(
  theme: Exhibition['theme'],
  accentColor?: string,
): Array<{ text: keyof ThemePalette; background: keyof ThemePalette; ratio: number }> {
  const p = { ...THEMES[theme], ...(accentColor ? { accent: accentColor } : {}) };
  const pairs: Array<[keyof ThemePalette, keyof ThemePalette]> = [
    ['fg', 'bg'],
    ['fg', 'surface'],
    ['muted', 'bg'],
    ['muted', 'surface'],
    ['link', 'bg'],
    ['link', 'surface'],
    ['onAccent', 'accent'],
  ];
  return pairs.map(([text, background]) => ({
    text,
    background,
    ratio: Math.round(contrast(p[text], p[background]) * 100) / 100,
  }));
}
