/**
 * New ids for exhibitions, chapters and blocks: a prefix plus random base-36, within the model's
 * Id rule (lowercase, digits, hyphens, at most 64). `random` is injectable so tests are stable.
 */
export function newId(prefix: string, random: () => number = Math.random): string {
  let tail = '';
  while (tail.length < 10) tail += Math.floor(random() * 36).toString(36);
  return `${prefix}-${tail}`;
}

/** A slug not yet taken: `base`, `base-2`, `base-3` … */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base.slice(0, 75)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
