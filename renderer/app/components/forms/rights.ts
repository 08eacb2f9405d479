import type { Rights } from '../../../../shared/domain';

/**
 * The rights record after choosing `statement` in the rights input: blank ("none", or "keep"
 * in the batch editor) removes the record; another statement keeps holder and credit line.
 */
export function withStatement(rights: Rights | undefined, statement: string): Rights | undefined {
  if (!statement) return undefined;
  return { creditLine: {}, ...rights, statement } as Rights;
}

/** Sets the rights holder; blank removes it instead of storing "". */
export function withHolder(rights: Rights, holder: string): Rights {
  const next = { ...rights };
  if (holder) next.holder = holder;
  else delete next.holder;
  return next;
}
