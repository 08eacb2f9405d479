import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv, type CsvError } from 'csv-parse/sync';
import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';
import { MAX_BATCH_COMMANDS } from '../../../shared/domain/commands';
import { AppError } from '../../../shared/errors';
import { decodeText, detectEncoding, looksBinary, type TextEncoding } from './decode';
import {
  malformedCsv,
  notATable,
  rowTooLarge,
  tableEmpty,
  tableTooLarge,
  tooManyColumns,
  tooManyRows,
} from './errors';
import { sniffDelimiter, type Delimiter } from './sniff';

export type TableFormat = 'csv' | 'xlsx' | 'ods' | 'xls';

export interface TableLimits {
  /** Largest file read at all, checked on the file's size before a byte is read. */
  bytes: number;
  columns: number;
  /** Data rows in one import; one import is one undo step, which the store caps at 10,000. */
  rows: number;
  /** Largest record of a delimited file (a missing closing quote swallows the rest otherwise). */
  recordBytes: number;
  /** Sum of a spreadsheet's unpacked parts (zip bombs). */
  unpackedBytes: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = {
  bytes: 50_000_000,
  columns: 1_000,
  rows: MAX_BATCH_COMMANDS,
  recordBytes: 1_000_000,
  unpackedBytes: 300_000_000,
};

export interface ReadTableOptions {
  /** Overrides detection (the wizard's and the CLI's encoding choice). */
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  /** Sheet of a workbook; the first when absent. */
  sheet?: string;
  limits?: Partial<TableLimits>;
}

export interface Table {
  name: string;
  /** Absolute path of the file read; its folder is where media are looked for by default. */
  file: string;
  format: TableFormat;
  /** For delimited text: what was detected or chosen. */
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  sheets?: string[];
  sheet?: string;
  headers: string[];
  /** Data rows, each as long as it was in the file (cells are strings, trimmed of nothing). */
  rows: string[][];
  /** 1-based line (CSV) or row (sheet) number of each data row, for the report. */
  lines: number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  // SheetJS builds dates at local midnight; round to the nearest day so a zone offset can't shift it.
  const t = new Date(d.getTime() + 12 * 3_600_000);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDate(value);
  return String(value);
}

function finish(
  name: string,
  records: string[][],
  lines: number[],
  base: Omit<Table, 'name' | 'file' | 'headers' | 'rows' | 'lines'> & { file: string },
  limits: TableLimits,
): Table {
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw tableEmpty(name);
  const headers = records[headerIndex]!.map((h) => h.trim());
  const rows: string[][] = [];
  const rowLines: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const row = records[i]!;
    if (row.every((c) => c.trim() === '')) continue;
    rows.push(row);
    rowLines.push(lines[i] ?? i + 1);
  }
  if (rows.length === 0) throw tableEmpty(name);
  if (rows.length > limits.rows) throw tooManyRows(name, rows.length, limits.rows);
  return { name, ...base, headers, rows, lines: rowLines };
}

function readDelimited(
  name: string,
  buf: Buffer,
  options: ReadTableOptions,
  limits: TableLimits,
  file: string,
): Table {
  const encoding = options.encoding ?? detectEncoding(buf);
  if (looksBinary(buf, encoding)) throw notATable(name);
  const text = decodeText(buf, encoding);
  if (text.trim() === '') throw tableEmpty(name);
  const delimiter = options.delimiter ?? sniffDelimiter(text.slice(0, 200_000)).delimiter;
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: limits.recordBytes,
      on_record: (record: string[], context: { lines: number }) => {
        if (record.length > limits.columns)
          throw tooManyColumns(name, record.length, limits.columns);
        // Far past the cap: stop reading (a 200 MB table is never held whole). Below this, rows of
        // empty cells (not counted) may still bring it under the cap; the exact check is after.
        if (lines.length > 2 * limits.rows + 1) throw tooManyRows(name, null, limits.rows);
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const csvError = error as CsvError & { lines?: number };
    if (csvError.code === 'CSV_MAX_RECORD_SIZE')
      throw rowTooLarge(name, csvError.lines, limits.recordBytes);
    throw malformedCsv(name, csvError.lines, error);
  }
  return finish(name, records, lines, { file, format: 'csv', encoding, delimiter }, limits);
}

/** Refuses a workbook whose parts would unpack to more than the limit, before unpacking them. */
function zipEntries(name: string, buf: Buffer, limit: number): string[] {
  let total = 0;
  const names: string[] = [];
  try {
    unzipSync(buf, {
      filter: (file) => {
        total += file.originalSize;
        names.push(file.name);
        return false;
      },
    });
  } catch (error) {
    throw notATable(name, error);
  }
  if (total > limit) throw tableTooLarge(name, total, limit);
  return names;
}

function readWorkbook(
  name: string,
  buf: Buffer,
  options: ReadTableOptions,
  limits: TableLimits,
  file: string,
): Table {
  const entries = startsWith(buf, ZIP) ? zipEntries(name, buf, limits.unpackedBytes) : [];
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(buf, { type: 'buffer', cellDates: true, dense: true, cellFormula: false });
  } catch (error) {
    throw notATable(name, error);
  }
  const sheets = workbook.SheetNames;
  const sheetName = options.sheet && sheets.includes(options.sheet) ? options.sheet : sheets[0];
  const sheet = sheetName ? workbook.Sheets[sheetName] : undefined;
  if (!sheet || !sheet['!ref']) throw tableEmpty(name);
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const columns = range.e.c - range.s.c + 1;
  if (columns > limits.columns) throw tooManyColumns(name, columns, limits.columns);
  const raw = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
    header: 1,
    raw: true,
    defval: '',
    blankrows: true,
  });
  const records = raw.map((r) => r.map(cellText));
  const lines = records.map((_, i) => range.s.r + i + 1);
  const format: TableFormat = startsWith(buf, OLE)
    ? 'xls'
    : entries.includes('content.xml')
      ? 'ods'
      : 'xlsx';
  return finish(name, records, lines, { file, format, sheets, sheet: sheetName! }, limits);
}

/**
 * Reads a table file as header + rows of strings. What the file is comes from its bytes (a zip is
 * a workbook, an OLE file an old .xls, anything else delimited text), not its name. Every refusal
 * is an `AppError` with a German and English message; nothing is written anywhere.
 */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<Table> {
  const limits = { ...DEFAULT_TABLE_LIMITS, ...options.limits };
  const name = path.basename(file);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw notATable(name);
    size = info.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'FILE_UNREADABLE',
      {
        de: `${name} kann nicht gelesen werden (${(error as Error).message}).`,
        en: `${name} cannot be read (${(error as Error).message}).`,
      },
      { cause: error },
    );
  }
  if (size === 0) throw tableEmpty(name);
  // The size decides before anything is read, so a 200 MB table never lands in memory.
  if (size > limits.bytes) throw tableTooLarge(name, size, limits.bytes);
  const handle = await open(file, 'r');
  let buf: Buffer;
  try {
    buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    buf = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (startsWith(buf, ZIP) || startsWith(buf, OLE))
    return readWorkbook(name, buf, options, limits, path.resolve(file));
  return readDelimited(name, buf, options, limits, path.resolve(file));
}
