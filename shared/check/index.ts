import { LIBRARY_RULES, type CheckContext, type Rule } from './rules';
import { SEVERITY_ORDER, type Problem } from './problem';

export type { Problem, Severity } from './problem';
export type { CheckContext, Rule } from './rules';
export { LIBRARY_RULES } from './rules';

/** Runs every rule; one implementation for the CLI, the app's check panel and export. */
export function runChecks(ctx: CheckContext, rules: readonly Rule[] = LIBRARY_RULES): Problem[] {
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

export function countBySeverity(problems: Problem[]) {
  return {
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    infos: problems.filter((p) => p.severity === 'info').length,
  };
}
