import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Readable list of violations: rule, impact, and the first few offending selectors. */
export function describeViolations(
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
): string {
  return violations
    .map((v) => {
      const targets = v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`)
        .join('\n');
      return `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${targets}`;
    })
    .join('\n');
}

/** Runs axe-core over the whole page (WCAG 2.x A/AA and best practices) and lists what it finds. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations.length === 0 ? [] : [describeViolations(result.violations)];
}
