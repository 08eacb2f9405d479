import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExhibitionChecks } from '../../../../shared/check';
import { THEMES, themeTextPairs, WCAG_AA } from '../../../../shared/render/themes';
import { fixtureSnapshot } from '../render/fixture';

const CSS = path.resolve(import.meta.dirname, '../../../../renderer/bundle/vitrine.css');

/** The custom properties of one theme block of the bundle's stylesheet. */
function themeBlock(css: string, theme: string): Record<string, string> {
  const start = css.indexOf(`[data-theme='${theme}'] {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,6})/gi)].map((m) => [m[1]!, m[2]!]),
  );
}

const long = (hex: string) =>
  hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex.toLowerCase();

describe('theme contrast', () => {
  it('knows the stylesheet’s own colours, and every built-in theme passes WCAG AA', async () => {
    const css = await readFile(CSS, 'utf8');
    for (const [name, palette] of Object.entries(THEMES)) {
      const vars = themeBlock(css, name);
      expect(
        {
          bg: long(vars.bg!),
          fg: long(vars.fg!),
          muted: long(vars.muted!),
          link: long(vars.link!),
          accent: long(vars.accent!),
          surface: long(vars.surface!),
          onAccent: long(vars['on-accent']!),
        },
        name,
      ).toEqual(palette);
      for (const pair of themeTextPairs(name as keyof typeof THEMES))
        expect(pair.ratio, `${name} ${pair.text}/${pair.background}`).toBeGreaterThanOrEqual(
          WCAG_AA,
        );
    }
  });

  it('reports each pair a custom accent colour breaks, pointing at the accent setting', () => {
    const snapshot = fixtureSnapshot();
    const x = snapshot.exhibitions[0]!;
    const found = () =>
      runExhibitionChecks(snapshot, x.id, 'web').filter((p) => p.rule === 'theme-contrast');
    x.theme = 'civic';
    x.accentColor = '#0a58a8';
    expect(found()).toEqual([]);
    // A light yellow accent: white button text on it is unreadable (about 1.1:1).
    x.accentColor = '#ffe680';
    const problems = found();
    expect(problems.map((p) => [p.severity, p.target.path])).toEqual([['warning', 'accentColor']]);
    expect(problems[0]!.message.en).toMatch(/button text on accent colour is 1\.\d+:1/);
    expect(problems[0]!.message.de).toMatch(
      /Schrift auf Schaltflächen auf Akzentfarbe hat 1,\d+:1/,
    );
    // The night theme draws dark text on its accent: a dark accent fails there instead.
    x.theme = 'night';
    x.accentColor = '#333333';
    expect(found()).toHaveLength(1);
    x.accentColor = '#ffe680';
    expect(found()).toEqual([]);
  });
});
