import { open, type FileHandle } from 'node:fs/promises';

/**
 * Page count and Info title/author of a PDF, read with regular expressions over the raw bytes.
 * This is deliberately not a PDF parser: it finds what is stored uncompressed (most producers
 * write the page tree root and the Info dictionary plainly) and gives up otherwise. A wrong
 * guess costs nothing worse than a pre-filled field the curator corrects.
 */
export interface PdfFacts {
  pages?: number;
  title?: string;
  author?: string;
}

const WHOLE_FILE_LIMIT = 32 * 1024 * 1024;
const EDGE = 1024 * 1024;

async function readRange(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function readText(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= WHOLE_FILE_LIMIT) return (await readRange(handle, 0, size)).toString('latin1');
    const head = await readRange(handle, 0, EDGE);
    const tail = await readRange(handle, size - EDGE, EDGE);
    return head.toString('latin1') + '\n' + tail.toString('latin1');
  } finally {
    await handle.close();
  }
}

function pageCount(text: string): number | undefined {
  let best: number | undefined;
  const re = /\/Type\s*\/Pages(?![A-Za-z])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = Math.max(text.lastIndexOf('obj', m.index), m.index - 4096);
    let end = text.indexOf('endobj', m.index);
    if (end < 0 || end - m.index > 4096) end = m.index + 4096;
    const count = /\/Count\s+(\d{1,7})(?!\d)/.exec(text.slice(start, end));
    if (count) {
      const n = Number(count[1]);
      if (n > 0 && (best === undefined || n > best)) best = n;
    }
  }
  return best;
}

/** Reads a literal string starting at `(`; returns its raw bytes as a latin1 string. */
function literalString(text: string, open: number): string | undefined {
  let depth = 0;
  let out = '';
  for (let i = open; i < text.length && i < open + 8192; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const n = text[++i];
      if (n === undefined) return undefined;
      const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
      if (n in esc) out += esc[n];
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(text[i + 1] ?? '')) oct += text[++i];
        out += String.fromCharCode(parseInt(oct, 8) & 0xff);
      } else if (n === '\r') {
        if (text[i + 1] === '\n') i++;
      } else if (n !== '\n') out += n;
      continue;
    }
    if (c === '(') {
      if (depth++ > 0) out += c;
      continue;
    }
    if (c === ')') {
      if (--depth === 0) return out;
      out += c;
      continue;
    }
    out += c;
  }
  return undefined;
}

function decodePdfText(raw: string): string {
  const bytes = Buffer.from(raw, 'latin1');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = bytes.subarray(2, bytes.length - (bytes.length % 2));
    return Buffer.from(body).swap16().toString('utf16le');
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString('utf8');
  // PDFDocEncoding matches Latin-1 for everything people type into a title.
  return raw;
}

function stringValue(dict: string, key: string): string | undefined {
  const m = new RegExp(`/${key}\\s*([(<])`).exec(dict);
  if (!m) return undefined;
  const at = m.index + m[0].length - 1;
  let raw: string | undefined;
  if (m[1] === '(') raw = literalString(dict, at);
  else {
    const close = dict.indexOf('>', at);
    if (close < 0) return undefined;
    const hex = dict.slice(at + 1, close).replace(/\s+/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(hex)) return undefined;
    raw = Buffer.from(hex.length % 2 ? hex + '0' : hex, 'hex').toString('latin1');
  }
  if (raw === undefined) return undefined;
  const value = decodePdfText(raw).trim();
  return value.length > 0 ? value : undefined;
}

function infoDictionary(text: string): string | undefined {
  // The last trailer wins: incremental updates append a new one.
  const refs = [...text.matchAll(/\/Info\s+(\d+)\s+(\d+)\s+R/g)];
  const ref = refs.at(-1);
  if (!ref) return undefined;
  const objects = [...text.matchAll(new RegExp(`(?<![0-9])${ref[1]}\\s+${ref[2]}\\s+obj`, 'g'))];
  const obj = objects.at(-1);
  if (!obj) return undefined;
  const start = obj.index + obj[0].length;
  const end = text.indexOf('endobj', start);
  return text.slice(start, end < 0 ? start + 8192 : Math.min(end, start + 65536));
}

export async function probePdf(file: string): Promise<PdfFacts> {
  try {
    const text = await readText(file);
    const facts: PdfFacts = {};
    const pages = pageCount(text);
    if (pages !== undefined) facts.pages = pages;
    const info = infoDictionary(text);
    if (info) {
      const title = stringValue(info, 'Title');
      const author = stringValue(info, 'Author');
      if (title) facts.title = title;
      if (author) facts.author = author;
    }
    return facts;
  } catch {
    return {};
  }
}
