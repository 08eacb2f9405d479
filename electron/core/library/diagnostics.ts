import type { z } from 'zod';
import { AppError, type ErrorCode, type ErrorLocation } from '../../../shared/errors';

/** What to do about a damaged file, in both languages; appended to every load error. */
const RESTORE_HINT = {
  de: 'Stellen Sie die neueste gültige Sicherung wieder her (Schaltfläche unter dieser Meldung, Datei ▸ Aus Sicherung wiederherstellen … oder „vitrine restore ORDNER --newest-valid“) oder korrigieren Sie die Datei.',
  en: 'Restore the newest valid backup (the button below this message, File ▸ Restore from backup …, or “vitrine restore FOLDER --newest-valid”) or correct the file.',
};

export function fileError(
  code: ErrorCode,
  what: { de: string; en: string },
  location: ErrorLocation,
  options: { details?: unknown; cause?: unknown } = {},
): AppError {
  const at = [
    location.file,
    location.line !== undefined ? `${location.line}:${location.column ?? 1}` : '',
    location.path,
  ]
    .filter(Boolean)
    .join(' ');
  return new AppError(
    code,
    {
      de: `${what.de} (${at}). ${RESTORE_HINT.de}`,
      en: `${what.en} (${at}). ${RESTORE_HINT.en}`,
    },
    { location, ...options },
  );
}

/** 1-based line and column of a UTF-16 offset, the way editors count them. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Offset of the first syntax error, found by a strict scanner. Used when V8's message carries no
 * position (Node 20 says `Unexpected token '}', "…" is not valid JSON` for some errors).
 */
export function findJsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail();
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail();
      if (c === 92) {
        i++;
        const e = text[i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++)
            if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
}

/** Offset named in V8's message, or found by scanning when the message has none. */
export function jsonErrorOffset(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const scanned = findJsonErrorOffset(text);
  return scanned >= 0 ? scanned : text.length;
}

/**
 * Parses a library file. A UTF-8 byte-order mark is accepted (Windows editors add one) but the
 * file is not rewritten for it. Errors name file, line and column.
 */
export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === '')
    throw fileError('FILE_EMPTY', { de: 'Die Datei ist leer', en: 'The file is empty' }, { file });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const offset = jsonErrorOffset(error, body);
    const { line, column } = lineColumnAt(body, offset);
    const truncated = offset >= body.trimEnd().length;
    throw fileError(
      'FILE_INVALID_JSON',
      truncated
        ? {
            de: 'Die Datei endet mitten im Inhalt (abgeschnitten)',
            en: 'The file ends in the middle of its content (truncated)',
          }
        : { de: 'Die Datei enthält fehlerhaftes JSON', en: 'The file contains invalid JSON' },
      { file, line, column },
      { cause: error },
    );
  }
}

/** `['items', 12, 'rights', 'statement']` → `items[12].rights.statement`. */
export function formatDataPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$-]*$/.test(name)
        ? out
          ? `.${name}`
          : name
        : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

export interface IssueSummary {
  path: string;
  message: string;
}

export function summarizeIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[] = [],
): IssueSummary[] {
  return issues.slice(0, 20).map((issue) => ({
    path: formatDataPath([...prefix, ...issue.path]),
    message: issue.message,
  }));
}
