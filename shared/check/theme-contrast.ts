import { themeTextPairs, WCAG_AA, type ThemePalette } from '../render/themes';
import type { Problem } from './problem';
import { scopedExhibitions, type Rule } from './rules';

const ROLE: Record<keyof ThemePalette, { de: string; en: string }> = {
  bg: { de: 'Seitenhintergrund', en: 'page background' },
  fg: { de: 'Text', en: 'text' },
  muted: { de: 'Nebentext', en: 'secondary text' },
  link: { de: 'Links', en: 'links' },
  accent: { de: 'Akzentfarbe', en: 'accent colour' },
  surface: { de: 'Kartenfläche', en: 'card surface' },
  onAccent: { de: 'Schrift auf Schaltflächen', en: 'button text' },
};

/**
 * Every text/background pair the exhibition's theme draws, with its own accent colour, must reach
 * WCAG AA (4.5:1): a custom accent can make the start button unreadable even when the theme's own
 * colours pass. One finding per failing pair, pointing at the accent setting.
 */
export const themeContrast: Rule = {
  id: 'theme-contrast',
  run(ctx) {
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx))
      for (const pair of themeTextPairs(x.theme, x.accentColor))
        if (pair.ratio < WCAG_AA) {
          const text = ROLE[pair.text];
          const bg = ROLE[pair.background];
          const ratio = pair.ratio.toFixed(2);
          problems.push({
            rule: 'theme-contrast',
            severity: 'warning',
            target: { collection: 'exhibitions', id: x.id, path: 'accentColor' },
            message: {
              de: `Zu wenig Kontrast im Design „${x.theme}“: ${text.de} auf ${bg.de} hat ${ratio.replace('.', ',')}:1, nötig sind 4,5:1 (WCAG AA).`,
              en: `Too little contrast in the “${x.theme}” theme: ${text.en} on ${bg.en} is ${ratio}:1, WCAG AA needs 4.5:1.`,
            },
            hint: {
              de: 'Eine dunklere (beim Design „night“ hellere) Akzentfarbe wählen oder die Akzentfarbe leeren.',
              en: 'Choose a darker accent colour (lighter for the “night” theme) or clear it.',
            },
          });
        }
    return problems;
  },
};
