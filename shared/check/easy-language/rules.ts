import { EASY_GERMAN, hasText, pickText } from '../../domain/language';
import type { Exhibition } from '../../domain/exhibition';
import type { EntityOf } from '../../domain/library';
import { referencesOf } from '../../domain/references';
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

/** The texts of an item that a page shows beside or for it, with the UI's field name. */
const ITEM_FIELDS = [
  { key: 'altText', de: 'Alternativtext', en: 'alt text' },
  { key: 'title', de: 'Titel', en: 'title' },
  { key: 'description', de: 'Beschreibung', en: 'description' },
] as const;

/**
 * The same text rules over the Leichte Sprache texts of the items an exhibition shows: their alt
 * texts (read aloud by screen readers) and the titles and descriptions the figure captions show.
 * The target is the item's field, so "open item" edits it; the context is the first place the
 * exhibition shows the item, so jump-to-fix can also go there. An item shown by several
 * exhibitions is reported once.
 */
export const easyLanguageItemText: Rule = {
  id: 'easy-language-item-text',
  run(ctx: CheckContext) {
    const items = new Map(ctx.snapshot.items.map((i) => [i.id, i]));
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx)) {
      if (!hasEasyGerman(x)) continue;
      const options = { compoundSeparator: x.easyLanguage?.compoundSeparator ?? 'hyphen' };
      for (const ref of referencesOf('exhibitions', x)) {
        const item: EntityOf['items'] | undefined = items.get(ref.id);
        if (ref.collection !== 'items' || !item || seen.has(item.id)) continue;
        seen.add(item.id);
        const itemName = pickText(item.title, x.defaultLanguage) || item.id;
        for (const field of ITEM_FIELDS) {
          if (!hasText(item[field.key], EASY_GERMAN)) continue;
          for (const finding of analyzeEasyText(item[field.key][EASY_GERMAN]!, options))
            problems.push({
              rule: finding.rule,
              severity: finding.severity,
              target: { collection: 'items', id: item.id, path: `${field.key}.${EASY_GERMAN}` },
              context: { collection: 'exhibitions', id: x.id, path: ref.path },
              message: {
                de: `Leichte Sprache bei „${itemName}“ (${field.de}): „${finding.sentence}“`,
                en: `Leichte Sprache of “${itemName}” (${field.en}): “${finding.sentence}”`,
              },
              hint: finding.hint,
            });
        }
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

export const EASY_LANGUAGE_RULES: readonly Rule[] = [
  easyLanguageText,
  easyLanguageUnreviewed,
  easyLanguageItemText,
];
