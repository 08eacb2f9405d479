import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  SAVED_MAPPINGS_FORMAT,
  SavedMappings,
  TableMapping,
} from '../../../shared/domain/import-mapping';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../library/fs-atomic';
import { invalidInput } from '../library/commands';

/**
 * Named column mappings live beside the library's data (`data/import-mappings.json`), validated
 * by zod on every read like the other data files. A separate file, not a library collection: a
 * mapping is a tool setting, not collection data, so saving one is no undo step and old
 * libraries need no migration (a missing file means "no mappings").
 */
export const MAPPINGS_FILE = 'data/import-mappings.json';

export async function readSavedMappings(libraryDir: string): Promise<TableMapping[]> {
  const file = path.join(libraryDir, MAPPINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new AppError(
      'FILE_INVALID_JSON',
      {
        de: `${MAPPINGS_FILE} ist kein gültiges JSON (${(error as Error).message}).`,
        en: `${MAPPINGS_FILE} is not valid JSON (${(error as Error).message}).`,
      },
      { location: { file: MAPPINGS_FILE }, cause: error },
    );
  }
  const parsed = SavedMappings.safeParse(data);
  if (!parsed.success) throw invalidInput(parsed.error.issues, [MAPPINGS_FILE]);
  return parsed.data.mappings;
}

/** Saves (or replaces) a mapping by name; atomic, so a crash leaves the old file or the new. */
export async function saveMapping(libraryDir: string, mapping: TableMapping): Promise<void> {
  const checked = TableMapping.safeParse(mapping);
  if (!checked.success) throw invalidInput(checked.error.issues, ['mapping']);
  const mappings = (await readSavedMappings(libraryDir)).filter((m) => m.name !== mapping.name);
  mappings.push(checked.data);
  const data: SavedMappings = { format: SAVED_MAPPINGS_FORMAT, mappings };
  await writeFileAtomic(path.join(libraryDir, MAPPINGS_FILE), `${JSON.stringify(data, null, 2)}\n`);
}

/** `--mapping NAME|FILE`: a saved mapping by name, else a JSON file holding one mapping. */
export async function loadMapping(libraryDir: string, nameOrFile: string): Promise<TableMapping> {
  const saved = (await readSavedMappings(libraryDir)).find((m) => m.name === nameOrFile);
  if (saved) return saved;
  let text: string;
  try {
    text = await readFile(nameOrFile, 'utf8');
  } catch {
    throw new AppError('NOT_FOUND', {
      de: `Eine Zuordnung „${nameOrFile}“ gibt es weder in der Bibliothek noch als Datei.`,
      en: `There is no mapping “${nameOrFile}”, neither in the library nor as a file.`,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new AppError(
      'FILE_INVALID_JSON',
      {
        de: `${nameOrFile} ist kein gültiges JSON.`,
        en: `${nameOrFile} is not valid JSON.`,
      },
      { cause: error },
    );
  }
  const parsed = TableMapping.safeParse(data);
  if (!parsed.success) throw invalidInput(parsed.error.issues, [nameOrFile]);
  return parsed.data;
}
