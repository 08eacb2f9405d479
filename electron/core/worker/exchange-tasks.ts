import type { LibrarySnapshot } from '../../../shared/domain';
import {
  importPackageMedia,
  packageCancelled,
  packExhibition,
  readPackage,
  type ReadPackage,
} from '../exchange';
import {
  dryRunImport,
  folderTable,
  loadMapping,
  prepareImport,
  readTable,
  type ImportCounts,
  type PlanSnapshot,
  type PreparedImport,
  type RowReport,
  type Table,
} from '../import';
import type { ReadTableOptions } from '../import/read-table';
import type { PlanOptions } from '../import/plan';
import { writeFileAtomic } from '../library/fs-atomic';
import type { TaskContext } from './tasks';

/**
 * The worker's tasks for tables and exchange packages: reading and parsing a table, planning it,
 * bringing its media in, and reading, checking and writing packages. They read files and write
 * media files and package files only; the store is written by the process that owns it
 * (`commitImport`, `commitPackage`), so it keeps one writer. Inputs and answers are plain data.
 */

/** A table to read in the worker: the file, the name people know it by, the reading choices. */
export interface TableSource {
  /** The table file, or with `folder` the folder whose media files make the table. */
  file: string;
  /** A folder import without a table (`folderTable`): sub-folders become tags, sidecars fill. */
  folder?: boolean;
  /** Shown in messages and reports instead of the file's own name (an upload's random id). */
  name?: string;
  read?: Omit<ReadTableOptions, 'limits'>;
}

async function load(source: TableSource): Promise<Table> {
  const table = source.folder
    ? await folderTable(source.file)
    : await readTable(source.file, source.read ?? {});
  return source.name ? { ...table, name: source.name } : table;
}

type PlainPlanOptions = Omit<PlanOptions, 'newId'>;

/** The package without its media bytes: what the host needs to show and resolve conflicts. */
export type PackageContents = Omit<ReadPackage, 'media'>;

export const exchangeTasks = {
  /** What the wizard shows of a table before the mapping: read and parsed whole, 20 rows sent. */
  tablePreview: async (input: TableSource) => {
    const table = await load(input);
    return {
      format: table.format,
      encoding: table.encoding ?? null,
      delimiter: table.delimiter ?? null,
      sheets: table.sheets ?? [],
      headers: table.headers,
      sample: table.rows.slice(0, 20),
      rowCount: table.rows.length,
    };
  },
  /**
   * What the CLI prints and maps from before it plans: the table as read (name, what was
   * detected, headers, row count) and, asked by name or file, a saved mapping of the library.
   */
  tableDescribe: async (input: TableSource & { libraryDir: string; mapping?: string }) => {
    const table = await load(input);
    return {
      name: table.name,
      file: table.file,
      format: table.format,
      encoding: table.encoding ?? null,
      delimiter: table.delimiter ?? null,
      sheet: table.sheet ?? null,
      headers: table.headers,
      rowCount: table.rows.length,
      mapping: input.mapping ? (await loadMapping(input.libraryDir, input.mapping)).columns : null,
    };
  },
  /** The dry run: read, parse and plan a table against a snapshot; nothing is written. */
  tableDryRun: async (
    input: TableSource & { snapshot: PlanSnapshot; plan: PlainPlanOptions },
  ): Promise<{ rows: RowReport[]; counts: ImportCounts }> =>
    dryRunImport(input.snapshot, await load(input), input.plan),
  /**
   * The real run up to the store: read, plan, bring the media into the library's media folder and
   * build the items. Progress: `ImportProgress` (media). The host commits with `commitImport`.
   */
  tablePrepare: async (
    input: TableSource & {
      libraryDir: string;
      snapshot: PlanSnapshot;
      plan: Omit<PlainPlanOptions, 'mediaDir'> & { mediaDir?: string };
    },
    ctx: TaskContext,
  ): Promise<PreparedImport> =>
    prepareImport(input.libraryDir, input.snapshot, await load(input), {
      ...input.plan,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(p),
    }),
  /** Reads and checks a package whole (bombs, paths, version, schemas, media hashes). */
  packageRead: async (input: { file: string }): Promise<PackageContents> => {
    const { manifest, data } = await readPackage(input.file);
    return { manifest, data };
  },
  /**
   * Reads and checks a package and brings its media into the library's media folder; the host
   * then writes the entities with `commitPackage` (which removes `added` again if that fails).
   */
  packageUnpack: async (
    input: {
      file: string;
      libraryDir: string;
    },
    ctx?: TaskContext,
  ): Promise<PackageContents & { added: Awaited<ReturnType<typeof importPackageMedia>> }> => {
    const pkg = await readPackage(input.file);
    const added = await importPackageMedia(
      input.libraryDir,
      pkg,
      ctx ? { signal: ctx.signal, onProgress: (p) => ctx.progress(p) } : {},
    );
    return { manifest: pkg.manifest, data: pkg.data, added };
  },
  /**
   * Zips an exhibition with what it needs and writes the package file atomically. Progress:
   * media files read; a cancel before the write leaves no file.
   */
  packagePack: async (
    input: {
      libraryDir: string;
      snapshot: LibrarySnapshot;
      slug: string;
      target: string;
    },
    ctx?: TaskContext,
  ): Promise<{ bytes: number }> => {
    const bytes = await packExhibition(
      input.libraryDir,
      input.snapshot,
      input.slug,
      undefined,
      ctx ? { signal: ctx.signal, onProgress: (p) => ctx.progress(p) } : {},
    );
    if (ctx?.signal.aborted) throw packageCancelled();
    await writeFileAtomic(input.target, bytes);
    return { bytes: bytes.byteLength };
  },
};
