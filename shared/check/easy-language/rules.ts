import { EASY_GERMAN, pickText } from '../../domain/language';
import type { Exhibition } from '../../domain/exhibition';
import { exhibitionTextFields } from '../fields';
import type { Problem } from '../problem';
import { scopedExhibitions, type CheckContext, type Rule } from '../rules';
import { analyzeEasyText } from './analyze';

const hasEasyGerman = (x: Exhibition) => x.languages.includes(EASY_GERMAN);
const name = (x: Exhibition) => pickText(x.title, x.defaultLanguage) || '—';

/**
 * The text rules of analyze.ts over every Leichte Sprache text of an exhibition. Each finding
 * points at the field in `de-x-ls`, so the check panel's jump-to-fix opens that text, and names
 * the sentence, so the curator sees which one to rewrite.
 */
export const easyLanguageText: Rule = {
  id: 'easy-language-text',
  run(ctx: CheckContext) {
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx)) {
      if (!hasEasyGerman(x)) continue;
      const options = { compoundSeparator: x.easyLanguage?.compoundSeparator ?? 'hyphen' };
      for (const field of exhibitionTextFields(x)) {
        const text = field.text(EASY_GERMAN);
        if (!text.trim()) continue;
        for (const finding of analyzeEasyText(text, options))
          problems.push({
            rule: finding.rule,
            severity: finding.severity,
            target: { collection: 'exhibitions', id: x.id, path: `${field.path}.${EASY_GERMAN}` },
            message: {
              de: `Leichte Sprache in „${name(x)}“: „${finding.sentence}“`,
              en: `Leichte Sprache in “${name(x)}”: “${finding.sentence}”`,
            },
            hint: finding.hint,
          });
      }
    }
    return problems;
  },
};

/** DIN SPEC 33429 asks for checking by the target group; until recorded, a warning. */
export const easyLanguageUnreviewed: Rule = {
  id: 'easy-language-unreviewed',
  run(ctx: CheckContext) {
    return scopedExhibitions(ctx)
      .filter((x) => hasEasyGerman(x) && !x.easyLanguage?.review)
      .map((x) => ({
        rule: 'easy-language-unreviewed',
        severity: 'warning' as const,
        target: { collection: 'exhibitions' as const, id: x.id, path: 'easyLanguage.review' },
        message: {
          de: `Die Leichte Sprache von „${name(x)}“ ist noch nicht von einer Prüfgruppe geprüft.`,
          en: `The Leichte Sprache of “${name(x)}” has not been checked by a test reader group.`,
        },
        hint: {
          de: 'Texte von Menschen der Zielgruppe prüfen lassen und Datum und Prüfgruppe eintragen.',
          en: 'Have people of the target group check the texts, then enter the date and group.',
        },
      }));
  },
};

export const EASY_LANGUAGE_RULES: readonly Rule[] = [easyLanguageText, easyLanguageUnreviewed];
