import { z } from 'zod';
import { Command } from '../domain/commands';
import { ColumnMapping, TableMapping } from '../domain/import-mapping';
import { UPLOAD_ID_PATTERN } from './transport';

/**
 * Schemas of the table-import methods (`tables.*` in contract.ts), kept apart so the contract
 * only lists them. A table reaches main as a web-host upload (`POST /upload`), never as a path.
 */
export const TABLE_ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'windows-1252',
] as const;
export const TABLE_DELIMITERS = [';', ',', '\t', '|'] as const;

export const TableSource = z.strictObject({
  upload: z.strictObject({
    id: z.string().regex(UPLOAD_ID_PATTERN),
    name: z.string().min(1).max(500),
  }),
  /** Overrides of what was detected. */
  encoding: z.enum(TABLE_ENCODINGS).optional(),
  delimiter: z.enum(TABLE_DELIMITERS).optional(),
  sheet: z.string().max(200).optional(),
});

export const TablePreview = z.object({
  format: z.string(),
  encoding: z.enum(TABLE_ENCODINGS).nullable(),
  delimiter: z.enum(TABLE_DELIMITERS).nullable(),
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  /** The first rows, for the mapping editor. */
  sample: z.array(z.array(z.string())),
  rowCount: z.number().int().nonnegative(),
  /** The automatic mapping of the headers. */
  mapping: z.array(ColumnMapping),
  /** Mappings saved in this library, by name. */
  saved: z.array(TableMapping),
});
export type TablePreview = z.infer<typeof TablePreview>;

/**
 * A media folder main holds for the table import, named by id only: a folder the person chose
 * in main's dialog (Electron) or one main assembled from uploaded files (web host). The page
 * never sends the folder's path; media cells resolve inside it and nowhere else.
 */
export const MEDIA_FOLDER_ID_PATTERN = /^media-[0-9a-f]{16}$/;
export const MediaFolderId = z.string().regex(MEDIA_FOLDER_ID_PATTERN);

export const MediaFolder = z.object({
  folderId: MediaFolderId,
  /** The folder's name, for people (never a path to send back). */
  name: z.string(),
  /** Files in it (uploads: those received; a dialog folder: not counted, null). */
  files: z.number().int().nonnegative().nullable(),
});
export type MediaFolder = z.infer<typeof MediaFolder>;

/**
 * A relative path inside the chosen folder as the browser reports it (`webkitRelativePath`
 * without the folder's own name): segments of ordinary names, no `..`, no drive, no NUL.
 */
export const RelativeUploadPath = z
  .string()
  .min(1)
  .max(1000)
  .refine(
    (p) =>
      !p.includes('\0') &&
      !/^[a-z]:/i.test(p) &&
      p
        .replaceAll('\\', '/')
        .split('/')
        .every((s) => s !== '' && s !== '.' && s !== '..'),
    { message: 'not a relative path inside the folder' },
  );

export const StageMediaInput = z.strictObject({
  /** The chosen folder's name, display only. */
  name: z.string().min(1).max(500),
  files: z
    .array(z.strictObject({ id: z.string().regex(UPLOAD_ID_PATTERN), path: RelativeUploadPath }))
    .min(1)
    .max(20_000),
});

/** Which uploaded file the person chose in main's dialog (Electron), copied to an upload. */
export const ChosenUpload = z
  .object({ upload: z.object({ id: z.string().regex(UPLOAD_ID_PATTERN), name: z.string() }) })
  .nullable();

export const TableImportInput = TableSource.extend({
  mapping: z.array(ColumnMapping).max(1000),
  /** Where media cells resolve (see MediaFolder); without it rows naming files are skipped. */
  mediaFolder: MediaFolderId.optional(),
  /** Names the run for `progress` events and `tasks.cancel` (real run only). */
  taskId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{7,63}$/)
    .optional(),
  updateBy: z.string().max(500).optional(),
  mode: z.enum(['revise', 'replace']).default('revise'),
  /** Saves `mapping` under this name (real run only). */
  saveAs: z.string().min(1).max(100).optional(),
});

const Reason = z.object({
  code: z.string(),
  message: z.string(),
  column: z.string().optional(),
  value: z.string().optional(),
});

export const TableRowReport = z.object({
  row: z.number().int().positive(),
  line: z.number().int().nonnegative(),
  action: z.enum(['create', 'update', 'unchanged', 'skipped']),
  itemId: z.string().optional(),
  title: z.string().optional(),
  reasons: z.array(Reason),
  warnings: z.array(Reason),
});
export type TableRowReport = z.infer<typeof TableRowReport>;

export const TableImportReport = z.object({
  counts: z.object({
    create: z.number().int().nonnegative(),
    update: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
  rows: z.array(TableRowReport),
  /** Real run only: the revision after it and the one undo step (null when nothing changed). */
  revision: z.number().int().nonnegative().optional(),
  undo: Command.nullable().optional(),
});
export type TableImportReport = z.infer<typeof TableImportReport>;
