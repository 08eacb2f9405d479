import path from 'node:path';

/*
 * Control characters (C0, DEL, C1), bidi embeddings/overrides/isolates and marks, and line/
 * paragraph separators. A bidi override in a file name ("photo‮gpj.exe") makes text render in
 * a misleading order; the name is only ever shown, but it is shown in RTL (Arabic) UI too.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

const MAX = 500;

/** The source's base name, cleaned for display. Never used to build a path. */
export function displayName(sourcePath: string): string {
  // Both separators: a Windows path handed to a POSIX process still has only one base name.
  const base = path.basename(sourcePath.replaceAll('\\', '/'));
  const clean = base.normalize('NFC').replace(UNSAFE, '').trim();
  // The schema counts UTF-16 units; cut on a code point so no half surrogate remains.
  let short = '';
  for (const ch of clean) {
    if (short.length + ch.length > MAX) break;
    short += ch;
  }
  return short.length > 0 ? short : 'unbenannt';
}
