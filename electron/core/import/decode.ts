import iconv from 'iconv-lite';

/**
 * Character encodings a table arrives in. German Excel's "CSV (Trennzeichen-getrennt)" writes
 * Windows-1252, "CSV UTF-8" writes UTF-8 with a byte-order mark, "Unicode-Text" writes UTF-16 LE
 * with a BOM (and tabs). Windows-1252 goes through iconv-lite because Node's own
 * `TextDecoder('windows-1252')` maps 0x80–0x9F (€ „ “ – …) to C1 controls in Node 20/22.
 */
export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'windows-1252',
] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** The encoding a buffer is in: a BOM decides; otherwise valid UTF-8 is UTF-8, else cp1252. */
export function detectEncoding(buf: Uint8Array): TextEncoding {
  if (startsWith(buf, BOM_UTF8)) return 'utf-8-bom';
  if (startsWith(buf, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(buf, [0xfe, 0xff])) return 'utf-16be';
  return isValidUtf8(buf) ? 'utf-8' : 'windows-1252';
}

/** Decodes with the given encoding, dropping a BOM; never throws (bad bytes become U+FFFD). */
export function decodeText(buf: Uint8Array, encoding: TextEncoding): string {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let text: string;
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      text = new TextDecoder('utf-8').decode(bytes);
      break;
    case 'utf-16le':
      text = iconv.decode(bytes, 'utf-16le');
      break;
    case 'utf-16be':
      text = iconv.decode(bytes, 'utf-16be');
      break;
    case 'windows-1252':
      text = iconv.decode(bytes, 'win1252');
      break;
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Whether the bytes look like a binary file (an image, a zip, a PDF renamed `.csv`): NUL bytes
 * outside UTF-16, or many control characters, in the first 64 KiB.
 */
export function looksBinary(buf: Uint8Array, encoding: TextEncoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  const n = Math.min(buf.length, 65_536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  return n > 0 && controls / n > 0.02;
}
