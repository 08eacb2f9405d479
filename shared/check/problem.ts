import type { CollectionName } from '../domain/library';

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding of the library/pre-publication check. `target` points at the place to fix, so the
 * UI can jump there and the CLI can print a path a person can follow.
 */
export interface Problem {
  rule: string;
  severity: Severity;
  target: { collection: CollectionName | 'library'; id: string; path: string };
  /**
   * For an item problem found by an exhibition check: the first place the exhibition shows the
   * item, so the check panel can jump to the block as well as to the item.
   */
  context?: { collection: 'exhibitions'; id: string; path: string };
  message: { de: string; en: string };
  hint: { de: string; en: string };
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
