/** A single byte range from a `Range` header, clamped to the file; 'invalid' → answer 416. */
export function parseRange(
  header: string | null | undefined,
  size: number,
): { start: number; end: number } | 'invalid' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(String(header ?? '').trim());
  if (!match || (!match[1] && !match[2])) return null;
  let start: number;
  let end: number;
  if (match[1]) {
    start = Number(match[1]);
    end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  } else {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  }
  if (!Number.isSafeInteger(start) || start > end || start >= size) return 'invalid';
  return { start, end };
}
