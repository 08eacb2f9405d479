import { pickText } from '../domain/language';
import type { Problem } from './problem';
import { checkModes, scopedExhibitions, type Rule } from './rules';

/**
 * A public body in Germany may not publish a website without an imprint (§ 5 DDG) and a privacy
 * notice (Art. 13 GDPR). They are library settings, edited beside each exhibition's settings, so
 * the finding points there. Only for web bundles and only in the pre-publication check: a kiosk
 * in the office's own rooms is not a website, and the bare library check has no bundle in view.
 */
export const legalPagesMissing: Rule = {
  id: 'legal-missing',
  run(ctx) {
    if (!ctx.exhibitionId || !checkModes(ctx).includes('web')) return [];
    const legal = ctx.snapshot.manifest.legal;
    const missing = (['imprint', 'privacy'] as const).filter(
      (field) => pickText(legal?.[field], ctx.snapshot.manifest.defaultLanguage).trim() === '',
    );
    const problems: Problem[] = [];
    for (const x of scopedExhibitions(ctx))
      for (const field of missing)
        problems.push({
          rule: 'legal-missing',
          severity: 'warning',
          target: { collection: 'exhibitions', id: x.id, path: `legal.${field}` },
          message:
            field === 'imprint'
              ? {
                  de: 'Das Impressum fehlt: eine Website einer öffentlichen Stelle braucht eines (§ 5 DDG).',
                  en: 'The imprint is missing: a public body’s website needs one (§ 5 DDG).',
                }
              : {
                  de: 'Die Datenschutzerklärung fehlt: eine Website braucht eine (Art. 13 DSGVO).',
                  en: 'The privacy notice is missing: a website needs one (Art. 13 GDPR).',
                },
          hint: {
            de: 'In den Einstellungen unter „Rechtliche Angaben der Bibliothek“ eintragen; sie gelten für jede Ausstellung.',
            en: 'Enter it in the settings under “Legal information of the library”; it applies to every exhibition.',
          },
        });
    return problems;
  },
};
