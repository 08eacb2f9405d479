import { describe, expect, it } from 'vitest';
import {
  EASY_RULE_SEVERITY,
  analyzeEasyText,
  compoundSuggestion,
  splitSentences,
  type EasyRuleId,
} from '../../../../../shared/check/easy-language/analyze';
import { LABELLED } from './labelled-sentences';

const rulesOf = (text: string) => [...new Set(analyzeEasyText(text).map((f) => f.rule))].sort();
const RULES = Object.keys(EASY_RULE_SEVERITY) as EasyRuleId[];

/** Precision and recall per rule over the labelled set. */
function evaluate() {
  const table = new Map<EasyRuleId, { tp: number; fp: number; fn: number }>(
    RULES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]),
  );
  for (const { text, rules } of LABELLED) {
    const found = new Set(rulesOf(text));
    for (const rule of RULES) {
      const row = table.get(rule)!;
      const labelled = rules.includes(rule);
      if (found.has(rule) && labelled) row.tp++;
      else if (found.has(rule)) row.fp++;
      else if (labelled) row.fn++;
    }
  }
  return RULES.map((rule) => {
    const { tp, fp, fn } = table.get(rule)!;
    return {
      rule,
      severity: EASY_RULE_SEVERITY[rule],
      labelled: tp + fn,
      precision: tp + fp === 0 ? 1 : tp / (tp + fp),
      recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    };
  });
}

describe('Leichte Sprache text rules', () => {
  it('splits sentences at full stops and lines, not after abbreviations or ordinals', () => {
    expect(splitSentences('Es gibt z. B. Bilder. Am 3. März ist das Fest.\nNeue Zeile')).toEqual([
      'Es gibt z. B. Bilder.',
      'Am 3. März ist das Fest.',
      'Neue Zeile',
    ]);
  });

  it('has at least 60 labelled sentences and every rule labelled at least twice', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(60);
    for (const rule of RULES)
      expect(LABELLED.filter((s) => s.rules.includes(rule)).length).toBeGreaterThanOrEqual(2);
  });

  it('reaches precision ≥ 0.9 for every error-level rule on the labelled set', () => {
    const rows = evaluate();
    // The table the README quotes; printed so a rule change shows its new figures.
    console.log(
      ['| rule | level | labelled | precision | recall |', '| --- | --- | --- | --- | --- |']
        .concat(
          rows.map(
            (r) =>
              `| ${r.rule} | ${r.severity} | ${r.labelled} | ${r.precision.toFixed(2)} | ${r.recall.toFixed(2)} |`,
          ),
        )
        .join('\n'),
    );
    for (const row of rows.filter((r) => r.severity === 'error'))
      expect(row.precision, row.rule).toBeGreaterThanOrEqual(0.9);
  });

  it('finds nothing in the clean sentences of the set', () => {
    for (const { text } of LABELLED.filter((s) => s.rules.length === 0))
      expect(rulesOf(text), text).toEqual([]);
  });

  it('reports each finding with its sentence and a German hint', () => {
    const [finding] = analyzeEasyText('Gut. Das Haus wurde gebaut.');
    expect(finding).toMatchObject({
      rule: 'ls-passive',
      severity: 'error',
      sentence: 'Das Haus wurde gebaut.',
      match: 'wurde … gebaut',
    });
    expect(finding!.hint.de).toMatch(/Passiv/);
  });

  it.each<[EasyRuleId, string, string]>([
    [
      'ls-sentence-length',
      'Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf a b c d.',
      'Das sind genau fünfzehn Wörter und damit ist der Satz gerade noch kurz genug ok.',
    ],
    ['ls-clause', 'Ich weiß, dass es regnet.', 'Es regnet. Das weiß ich.'],
    ['ls-passive', 'Die Briefe werden heute verschickt.', 'Wir werden die Briefe schicken.'],
    ['ls-genitive', 'Das Dach des Hauses ist neu.', 'Das Dach von dem Haus ist neu.'],
    ['ls-subjunctive', 'Ich würde gern kommen.', 'Ich komme gern.'],
    ['ls-negation', 'Das ist nicht teuer.', 'Das ist billig.'],
    ['ls-abbreviation', 'Das kostet ca. 5 Euro.', 'Das kostet ungefähr 5 Euro.'],
    ['ls-compound', 'Die Partnerschaftsurkunde ist alt.', 'Die Partnerschafts-Urkunde ist alt.'],
    ['ls-number-word', 'Es kommen dreizehn Gäste.', 'Es kommen 13 Gäste. Es kommen zwölf Gäste.'],
    ['ls-percent', 'Das sind 20 Prozent.', 'Das sind viele.'],
    ['ls-old-date', 'Die Burg ist von 1350.', 'Die Burg ist sehr alt. Das war 1969.'],
    ['ls-special-character', 'Brot & Butter.', 'Brot und Butter.'],
    ['ls-quotation', "Das Bild heißt 'Sommer'.", 'Das Bild heißt „Sommer“.'],
  ])('%s fires on the bad and not on the good sentence', (rule, bad, good) => {
    expect(rulesOf(bad)).toContain(rule);
    expect(rulesOf(good)).not.toContain(rule);
  });

  it('suggests a split of long compounds with hyphen or Mediopunkt', () => {
    expect(compoundSuggestion('Städtepartnerschaft', 'hyphen')).toBe('Städte-Partnerschaft');
    expect(compoundSuggestion('Städtepartnerschaft', 'mediopunkt')).toBe('Städte·partnerschaft');
    const [finding] = analyzeEasyText('Die Städtepartnerschaft ist alt.', {
      compoundSeparator: 'mediopunkt',
    });
    expect(finding!.hint.de).toContain('Städte·partnerschaft');
  });
});
