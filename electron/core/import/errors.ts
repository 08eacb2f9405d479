import { AppError } from '../../../shared/errors';
import { counts } from './numbers';

/**
 * The messages of a table import that refuses a whole file. Each says what is wrong and what to
 * do, in German and English; they reuse the store's codes so callers handle them like any file.
 */
export function tableEmpty(name: string): AppError {
  return new AppError('FILE_EMPTY', {
    de: `${name} ist leer oder enthält keine Kopfzeile. Speichern Sie die Tabelle mit einer Kopfzeile und mindestens einer Zeile.`,
    en: `${name} is empty or has no header row. Save the table with a header row and at least one row.`,
  });
}

export function tableTooLarge(name: string, bytes: number, limit: number): AppError {
  const size = counts(Math.round(bytes / 1_000_000));
  const max = counts(Math.round(limit / 1_000_000));
  return new AppError(
    'FILE_TOO_LARGE',
    {
      de: `${name} ist ${size.de} MB groß; eingelesen werden Tabellen bis ${max.de} MB. Teilen Sie die Tabelle in mehrere Dateien.`,
      en: `${name} is ${size.en} MB; tables up to ${max.en} MB are read. Split the table into several files.`,
    },
    { details: { bytes, limit } },
  );
}

export function notATable(name: string, cause?: unknown): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    {
      de: `${name} ist keine lesbare Tabelle (CSV, TSV, .xlsx oder .ods). Vielleicht wurde eine andere Datei umbenannt – öffnen Sie sie in einer Tabellenkalkulation und speichern Sie sie als CSV oder .xlsx.`,
      en: `${name} is not a readable table (CSV, TSV, .xlsx or .ods). Perhaps another file was renamed – open it in a spreadsheet program and save it as CSV or .xlsx.`,
    },
    { cause },
  );
}

export function tooManyColumns(name: string, columns: number, limit: number): AppError {
  const [has, max] = [counts(columns), counts(limit)];
  return new AppError(
    'FILE_TOO_LARGE',
    {
      de: `${name} hat ${has.de} Spalten; eingelesen werden höchstens ${max.de}. Entfernen Sie leere oder unnötige Spalten.`,
      en: `${name} has ${has.en} columns; at most ${max.en} are read. Remove empty or unneeded columns.`,
    },
    { details: { columns, limit } },
  );
}

/**
 * `rows` is null when reading stopped at the cap (a delimited file is not read to its end), so
 * the message never names a count that is not the table's.
 */
export function tooManyRows(name: string, rows: number | null, limit: number): AppError {
  const max = counts(limit);
  const has =
    rows === null ? { de: `mehr als ${max.de}`, en: `more than ${max.en}` } : counts(rows);
  return new AppError(
    'FILE_TOO_LARGE',
    {
      de: `${name} hat ${has.de} Zeilen; ein Import übernimmt höchstens ${max.de} (ein Rückgängig-Schritt). Es wurde nichts geschrieben. Teilen Sie die Tabelle.`,
      en: `${name} has ${has.en} rows; one import takes at most ${max.en} (one undo step). Nothing was written. Split the table.`,
    },
    { details: { rows, limit } },
  );
}

export function rowTooLarge(name: string, line: number | undefined, limit: number): AppError {
  const max = counts(Math.round(limit / 1_000_000));
  return new AppError(
    'FILE_TOO_LARGE',
    {
      de: `${name}${line ? ` (Zeile ${line})` : ''}: eine Zeile ist größer als ${max.de} MB. Meist fehlt ein schließendes Anführungszeichen; prüfen Sie die Tabelle.`,
      en: `${name}${line ? ` (line ${line})` : ''}: a row is larger than ${max.en} MB. Usually a closing quote is missing; check the table.`,
    },
    line ? { location: { file: name, line }, details: { limit } } : { details: { limit } },
  );
}

export function malformedCsv(name: string, line: number | undefined, cause: unknown): AppError {
  return new AppError(
    'FILE_UNREADABLE',
    {
      de: `${name} lässt sich nicht als Tabelle lesen${line ? ` (Zeile ${line})` : ''}: ${String((cause as Error)?.message ?? cause)}. Prüfen Sie Trennzeichen und Anführungszeichen.`,
      en: `${name} cannot be read as a table${line ? ` (line ${line})` : ''}: ${String((cause as Error)?.message ?? cause)}. Check the delimiter and the quotes.`,
    },
    { cause, ...(line ? { location: { file: name, line } } : {}) },
  );
}
