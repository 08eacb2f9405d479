/**
 * Moves entry `from` to position `to` in a new array (reordering chapters, blocks, gallery items,
 * timeline entries). Out-of-range positions and no-op moves return an unchanged copy, so a
 * "move up" on the first entry is harmless.
 */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return next;
  const [entry] = next.splice(from, 1);
  next.splice(to, 0, entry!);
  return next;
}
