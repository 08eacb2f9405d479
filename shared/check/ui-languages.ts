import { isEasyGerman, languageName } from '../domain/language';
import { catalogueLanguage } from '../render/catalogue';
import type { Problem } from './problem';
import { scopedExhibitions, type Rule } from './rules';

/**
 * A bundle language without a catalogue of fixed page text (navigation, credits, 404, kiosk
 * prompts) shows that text in English. Not wrong, so only a note: the curator should know
 * before visitors see "Next chapter" under a Polish title.
 */
export const uiLanguageFallback: Rule = {
  id: 'ui-language-fallback',
  run(ctx) {
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx))
      for (const lang of x.languages) {
        if (isEasyGerman(lang) || catalogueLanguage(lang) !== null) continue;
        const name = `${languageName(lang)} (${lang})`;
        problems.push({
          rule: 'ui-language-fallback',
          severity: 'info',
          target: { collection: 'exhibitions', id: x.id, path: `languages.${lang}` },
          message: {
            de: `Für ${name} gibt es keine festen Seitentexte: Navigation, Bildnachweise und Hinweise erscheinen auf Englisch.`,
            en: `There is no fixed page text for ${name}: navigation, credits and prompts appear in English.`,
          },
          hint: {
            de: 'Die Inhalte bleiben in der Sprache; nur die festen Texte der Seiten sind englisch.',
            en: 'The content stays in that language; only the pages’ fixed text is English.',
          },
        });
      }
    return problems;
  },
};
