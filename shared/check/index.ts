import type { LibrarySnapshot } from '../domain/library';
import type { MediaAsset } from '../domain/media';
import { EXHIBITION_RULES } from './exhibition';
import { LIBRARY_RULES, type CheckContext, type Rule } from './rules';
import { SEVERITY_ORDER, type Problem } from './problem';
import { EASY_LANGUAGE_RULES } from './easy-language/rules';
import { uiLanguageFallback } from './ui-languages';
import { legalPagesMissing } from './legal';
import { themeContrast } from './theme-contrast';

export type { Problem, Severity } from './problem';
export type { CheckContext, Rule } from './rules';
export { checkModes, LIBRARY_RULES, scopedExhibitions, scopedItems } from './rules';
export {
  EXHIBITION_RULES,
  KIOSK_MAX_FILE_BYTES,
  MIN_IMAGE_WIDTH,
  exhibitionEmpty,
  kioskLinks,
  mediaTooLargeForKiosk,
  mediaTooSmall,
} from './exhibition';
export {
  blockCompleteness,
  blockTextFields,
  exhibitionCompleteness,
  exhibitionTextFields,
  type TextField,
} from './fields';

/** Every rule: the library check (`vitrine check`) and the pre-publication check. */
export const ALL_RULES: readonly Rule[] = [
  ...LIBRARY_RULES,
  ...EXHIBITION_RULES,
  ...EASY_LANGUAGE_RULES,
  uiLanguageFallback,
  legalPagesMissing,
  themeContrast,
];

/** Runs every rule; one implementation for the CLI, the app's check panel and export. */
export function runChecks(ctx: CheckContext, rules: readonly Rule[] = ALL_RULES): Problem[] {
  return rules
    .flatMap((rule) => rule.run(ctx))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.target.collection.localeCompare(b.target.collection) ||
        a.target.id.localeCompare(b.target.id) ||
        a.target.path.localeCompare(b.target.path),
    );
}

/**
 * The pre-publication check of one exhibition, as export and the editor's check panel run it:
 * errors block export, warnings are shown. Without `mode`, the rules of both modes apply.
 */
export function runExhibitionChecks(
  snapshot: LibrarySnapshot,
  exhibitionId: string,
  mode: 'web' | 'kiosk' | 'both' = 'both',
  mediaExists?: (relPath: string, asset: MediaAsset) => boolean,
): Problem[] {
  const ctx: CheckContext = { snapshot, exhibitionId, mode };
  if (mediaExists) ctx.mediaExists = mediaExists;
  return runChecks(ctx);
}

export function countBySeverity(problems: Problem[]) {
  return {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    infos: problems.filter((p) => p.severity === 'info').length,
  };
}
export {
  DEFAULT_EASY_OPTIONS,
  EASY_RULE_SEVERITY,
  analyzeEasyText,
  splitSentences,
  type EasyFinding,
  type EasyOptions,
  type EasyRuleId,
} from './easy-language/analyze';
export {
  EASY_LANGUAGE_RULES,
  easyLanguageItemText,
  easyLanguageText,
  easyLanguageUnreviewed,
} from './easy-language/rules';
