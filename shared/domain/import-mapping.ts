import { z } from 'zod';
import { LanguageCode } from './language';

/**
 * How the columns of a table become item fields. Saved by name in the library
 * (`data/import-mappings.json`, see electron/core/import/saved-mappings.ts) so the office maps its
 * old Excel list once and the app and the CLI (`--mapping NAME`) reuse it.
 */
export const IMPORT_FIELDS = [
  'ignore',
  'id',
  'title',
  'description',
  'altText',
  'transcript',
  'date',
  'creator',
  'source',
  'archiveRef',
  'rights',
  'rightsHolder',
  'creditLine',
  'tags',
  'places',
  'partnerships',
  'media',
  /** The names media files had before they entered a library (round trip of the export). */
  'mediaName',
  'kind',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/** Fields that hold text per language; the others ignore `lang`. */
export const LOCALIZED_IMPORT_FIELDS: readonly ImportField[] = [
  'title',
  'description',
  'altText',
  'transcript',
  'creditLine',
];
/** Fields whose cell holds several values split by `separator`. */
export const MULTI_IMPORT_FIELDS: readonly ImportField[] = [
  'tags',
  'places',
  'partnerships',
  'media',
  'mediaName',
];

export const ColumnMapping = z.object({
  /** The header text as it is in the table. */
  column: z.string().max(500),
  field: ImportField,
  /** For localized fields; the library's default language when absent. */
  lang: LanguageCode.optional(),
  /** For multi-value fields; `;` when absent. */
  separator: z.string().min(1).max(5).optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const TableMapping = z.object({
  name: z.string().min(1).max(100),
  columns: z.array(ColumnMapping).max(1000),
});
export type TableMapping = z.infer<typeof TableMapping>;

export const SAVED_MAPPINGS_FORMAT = 'vitrine-import-mappings';
export const SavedMappings = z.object({
  format: z.literal(SAVED_MAPPINGS_FORMAT),
  mappings: z.array(TableMapping).max(200),
});
export type SavedMappings = z.infer<typeof SavedMappings>;
