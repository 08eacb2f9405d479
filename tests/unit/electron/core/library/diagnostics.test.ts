import { describe, expect, it } from 'vitest';
import {
  findJsonErrorOffset,
  formatDataPath,
  jsonErrorOffset,
  lineColumnAt,
  parseJsonText,
} from '../../../../../electron/core/library/diagnostics';
import type { AppError } from '../../../../../shared/errors';

function parseError(text: string): AppError {
  try {
    parseJsonText(text, 'data/x.json');
  } catch (error) {
    return error as AppError;
  }
  throw new Error('parsed');
}

describe('JSON error positions', () => {
  it('converts offsets to 1-based line and column', () => {
    expect(lineColumnAt('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab\ncd\nef', 99)).toEqual({ line: 3, column: 3 });
  });

  it.each([
    // V8 message with "at position N"
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3],
    // V8 message without a position: Unexpected token ']', "[1,]" is not valid JSON
    ['[1,]', 1, 4],
    ['{\n "a": }', 2, 7],
    // end of input
    ['{"a": [1, 2', 1, 12],
    ['tru', 1, 4],
    // trailing garbage
    ['{} x', 1, 4],
    // control character inside a string
    ['{"a": "b\nc"}', 1, 9],
  ])('%j → line %i, column %i', (text, line, column) => {
    const error = parseError(text);
    expect(error.code).toBe('FILE_INVALID_JSON');
    expect(error.location).toEqual({ file: 'data/x.json', line, column });
  });

  it('finds the same offset by scanning as V8 reports where it does', () => {
    for (const text of [
      '{"a":1',
      '[1,2',
      '{"a":1} x',
      '{a:1}',
      '{"a":1,}',
      '{"a" 1}',
      '01',
      '{"a":"\\x"}',
      '[1,]',
      '',
    ]) {
      let v8: number | null = null;
      try {
        JSON.parse(text);
      } catch (error) {
        const m = /at position (\d+)/.exec((error as Error).message);
        v8 = m ? Number(m[1]) : null;
        expect(jsonErrorOffset(error, text)).toBeGreaterThanOrEqual(0);
      }
      if (v8 !== null) expect(findJsonErrorOffset(text)).toBe(v8);
    }
    expect(findJsonErrorOffset('{"a": [1, {"b": null}], "c": "\\u00e4"}')).toBe(-1);
  });

  it('accepts a byte-order mark and reports empty files separately', () => {
    expect(parseJsonText('\uFEFF{"a":1}', 'f.json')).toEqual({ a: 1 });
    expect(parseError('  \n').code).toBe('FILE_EMPTY');
    expect(parseError('\uFEFF[1,]').location).toMatchObject({ line: 1, column: 4 });
  });

  it('names truncation in both languages', () => {
    const error = parseError('{"items": [');
    expect(error.messages.en).toContain('truncated');
    expect(error.messages.de).toContain('abgeschnitten');
    expect(error.messages.de).toContain('data/x.json 1:12');
  });
});

describe('formatDataPath', () => {
  it('writes zod paths the way people read them', () => {
    expect(formatDataPath(['items', 12, 'rights', 'statement'])).toBe('items[12].rights.statement');
    expect(formatDataPath([0, 'a'])).toBe('[0].a');
    expect(formatDataPath(['title', 'sr-Latn'])).toBe('title.sr-Latn');
    expect(formatDataPath(['title', 'a b'])).toBe('title["a b"]');
    expect(formatDataPath([])).toBe('');
  });
});
