/**
 * Bringing a collection in and out as tables: reading CSV/TSV/.xlsx/.ods (encodings, delimiter
 * sniffing, limits), mapping columns to item fields, the dry run, the real run as one undo step,
 * saved mappings and the table export. Plain Node; the CLI, the API and tests use it alike.
 */
export { detectEncoding, decodeText, TEXT_ENCODINGS, type TextEncoding } from './decode';
export { sniffDelimiter, DELIMITERS, type Delimiter } from './sniff';
export { readTable, DEFAULT_TABLE_LIMITS, type Table, type TableLimits } from './read-table';
export { planImport, type PlanOptions, type UpdateMode } from './plan';
export {
  dryRunImport,
  runImport,
  prepareImport,
  commitImport,
  importCancelled,
  type PlanSnapshot,
  type PreparedImport,
  type ImportOutcome,
  type ImportProgress,
} from './run';
export { reportCsv, countRows, type RowReport, type Reason, type ImportCounts } from './report';
export { readSavedMappings, saveMapping, loadMapping, MAPPINGS_FILE } from './saved-mappings';
export { exportTable, tableRows, neutralise, type TableExportOptions } from './export-table';
export { folderTable } from './folder';
