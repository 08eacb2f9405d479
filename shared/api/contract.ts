import { z } from 'zod';
import {
  Award,
  Command,
  CommandResult,
  EntityChanges,
  Exhibition,
  Id,
  Item,
  Manifest,
  Partnership,
} from '../domain';
import { API_EVENT_NAMES, API_METHOD_NAMES, type PRELOAD_ONLY_METHOD_NAMES } from './names';
import { UPLOAD_ID_PATTERN } from './transport';
import { BackupIdSchema, BackupListSchema, LibraryIdSchema, RestorePreviewSchema } from './backups';
import {
  ChosenUpload,
  MediaFolder,
  StageMediaInput,
  TableImportInput,
  TableImportReport,
  TablePreview,
  TableSource,
} from './tables';
import {
  FILE_KINDS,
  PACKAGE_CONFLICT_MODES,
  PackageExportResult,
  PackageImportResult,
  PackageInspection,
  PackageUpload,
} from './packages';
import {
  PublishProgressEvent,
  PublishResultView,
  PublishStartInput,
  PublishTargetsView,
  SavePublishTargetInput,
} from './publish';
import { PublishTargetId } from '../domain/publish-target';
import { KioskStatsInput, KioskStatsResult } from './kiosk-stats';
import { ItemQueryInput, ItemQueryResult, ItemsByIdsInput, ItemsByIdsResult } from './query';

/**
 * The API between the renderer and main, declared once. Every transport (Electron IPC, the
 * loopback web host) validates input against these schemas before a handler runs, and the
 * renderer's types are derived from them, so a method cannot drift between the two sides.
 *
 * Adding a method: add an entry to `apiMethods` (input and output schema, JSDoc saying what it
 * does and which errors it can return) and its name to `names.ts`, then implement it in
 * `electron/core/api/service.ts` (the handler table's type demands it).
 * The preload and the web host pick it up from this table without further changes.
 */

/** Methods that take no arguments still take an (empty) object, so every call has one shape. */
const NoInput = z.strictObject({});

export const UiLanguageSchema = z.enum(['de', 'en']);
export const TransportSchema = z.enum(['electron', 'web']);

export const AppInfo = z.object({
  version: z.string(),
  /** `process.platform` of the machine main runs on (`linux`, `win32`, `darwin`). */
  platform: z.string(),
  transport: TransportSchema,
  uiLanguage: UiLanguageSchema,
  /**
   * Prefix for library media: a media URL is `mediaBaseUrl + relPath`, where relPath is the file's
   * path inside the library (`mediaPath(asset)` = `media/ab/ab12….jpg`, or `thumbnailPath(sha)`).
   * Both transports answer `/media/` (same origin, so CSP `'self'` covers it; the web host's
   * session cookie authorises `<img src>` requests).
   */
  mediaBaseUrl: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** The open library as the page sees it. The path is for display only, never sent back. */
export const LibrarySummary = z.object({
  /** Stable id of this library on this machine (derived from its folder); used by `openRecent`. */
  id: z.string().min(1).max(100),
  name: z.string(),
  displayPath: z.string(),
  revision: z.number().int().nonnegative(),
  readOnly: z.boolean(),
  itemCount: z.number().int().nonnegative(),
  isSample: z.boolean(),
});
export type LibrarySummary = z.infer<typeof LibrarySummary>;

export const RecentLibrary = z.object({
  id: z.string().min(1).max(100),
  name: z.string(),
  displayPath: z.string(),
  /** ISO timestamp. */
  lastOpened: z.string(),
});
export type RecentLibrary = z.infer<typeof RecentLibrary>;

export const SessionState = z.object({
  library: LibrarySummary.nullable(),
  recent: z.array(RecentLibrary),
  /**
   * Why the library named at start (`vitrine web DIR`, a file association) could not be opened,
   * when it is damaged and has backups: the page shows it with the restore offer. Cleared once a
   * library is open.
   */
  startError: z.lazy(() => ErrorDataSchema).optional(),
});
export type SessionState = z.infer<typeof SessionState>;

export const LibrarySnapshotSchema = z.object({
  manifest: Manifest,
  revision: z.number().int().nonnegative(),
  items: z.array(Item),
  partnerships: z.array(Partnership),
  awards: z.array(Award),
  exhibitions: z.array(Exhibition),
});

export const ErrorDataSchema = z.object({
  code: z.string(),
  message: z.string(),
  location: z
    .object({
      file: z.string().optional(),
      line: z.number().optional(),
      column: z.number().optional(),
      path: z.string().optional(),
    })
    .optional(),
  details: z.unknown().optional(),
});

export const MediaImportResult = z.object({
  /** Items created (one per imported file), in the order the files were chosen. */
  itemIds: z.array(Id),
  /** Files that were not imported and why; the others were imported regardless. */
  failed: z.array(z.object({ name: z.string(), error: ErrorDataSchema })),
  /** Revision after the import; unchanged when nothing was imported or the dialog was cancelled. */
  revision: z.number().int().nonnegative(),
});
export type MediaImportResult = z.infer<typeof MediaImportResult>;

/** One finding of the pre-publication check (shared/check `Problem`), as it crosses a transport. */
export const ProblemSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  target: z.object({ collection: z.string(), id: z.string(), path: z.string() }),
  context: z
    .object({ collection: z.literal('exhibitions'), id: z.string(), path: z.string() })
    .optional(),
  message: z.object({ de: z.string(), en: z.string() }),
  hint: z.object({ de: z.string(), en: z.string() }),
});
export type ProblemData = z.infer<typeof ProblemSchema>;

export const ExportModeSchema = z.enum(['web', 'kiosk']);

/** The check in front of an export: errors block it, warnings and notes are shown. */
export const ExportCheckResult = z.object({
  exhibitionId: Id,
  errors: z.array(ProblemSchema),
  warnings: z.array(ProblemSchema),
  infos: z.array(ProblemSchema),
});
export type ExportCheckResult = z.infer<typeof ExportCheckResult>;

/**
 * Ids of long work (export) are chosen by the page, so it can match progress events and cancel
 * before the starting call has even answered.
 */
export const TaskId = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/);

/** Where an export will go. Main keeps the path; the page holds only the id. */
export const ExportTarget = z.object({
  targetId: z.string(),
  /** For display only, never sent back. */
  displayPath: z.string(),
  /** Something is there already: the page must ask before `replace: true`. */
  nonEmpty: z.boolean(),
  zip: z.boolean(),
});
export type ExportTarget = z.infer<typeof ExportTarget>;

export const ExportSummary = z.object({
  taskId: TaskId,
  displayPath: z.string(),
  files: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
  pages: z.number().int().nonnegative(),
  languages: z.array(z.string()),
  derivatives: z.object({ made: z.number().int(), reused: z.number().int() }),
  warnings: z.number().int().nonnegative(),
  seconds: z.number().nonnegative(),
});
export type ExportSummary = z.infer<typeof ExportSummary>;

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const apiMethods = {
  /** Version, platform, transport and the UI language main uses for messages and menus. */
  'app.info': method(NoInput, AppInfo),
  /** Switches the language of error messages and native menus; persisted for the next start. */
  'app.setUiLanguage': method(z.strictObject({ lang: UiLanguageSchema }), AppInfo),
  /** The open library (or null) and the recently opened libraries, newest first. */
  'session.state': method(NoInput, SessionState),
  /**
   * Creates a fresh copy of the sample library (Dortmund's partnerships) in the app's data folder
   * and opens it. Each call makes a new copy, so experiments never damage an earlier one.
   */
  'library.openSample': method(NoInput, LibrarySummary),
  /** Opens a library from the recent list. NOT_FOUND if the id is unknown or the folder is gone. */
  'library.openRecent': method(z.strictObject({ id: z.string().min(1).max(100) }), LibrarySummary),
  /**
   * Main shows a folder dialog and opens the chosen library; null when the person cancels.
   * The web host has no native dialogs: it answers FORBIDDEN with an explanation.
   */
  'library.openDialog': method(NoInput, LibrarySummary.nullable()),
  /** Main asks where to create a new library called `name`, creates and opens it; null on cancel. */
  'library.createDialog': method(
    z.strictObject({ name: z.string().trim().min(1).max(200) }),
    LibrarySummary.nullable(),
  ),
  /** Closes the open library (releases its lock). No-op when none is open. */
  'library.close': method(NoInput, z.null()),
  /** Everything in the open library. NOT_FOUND when no library is open. */
  'library.snapshot': method(NoInput, LibrarySnapshotSchema),
  /** Applies one command atomically; answers the new revision and the inverse command (undo). */
  'library.apply': method(z.strictObject({ command: Command }), CommandResult),
  /** Main shows a file dialog and imports the chosen files as new items; the page sends no paths. */
  'media.importDialog': method(NoInput, MediaImportResult),
  /**
   * Imports files the web host received through `POST /upload` (drag and drop or the browser's
   * file chooser), as one batch with progress events. `name` is the file's name for people
   * only (title and originalName); it never becomes a path. Each upload is consumed (deleted)
   * whatever its outcome; an unknown id is reported as a failed file.
   */
  'media.importUploads': method(
    z.strictObject({
      uploads: z
        .array(
          z.strictObject({
            id: z.string().regex(UPLOAD_ID_PATTERN),
            name: z.string().min(1).max(500),
          }),
        )
        .min(1)
        .max(1000),
    }),
    MediaImportResult,
  ),
  /**
   * The pre-publication check of one exhibition for one bundle mode (media files checked on
   * disk). NOT_FOUND without an open library or for an unknown exhibition.
   */
  'exhibitions.checkForExport': method(
    z.strictObject({ exhibitionId: Id, mode: ExportModeSchema }),
    ExportCheckResult,
  ),
  /**
   * Main asks where the bundle goes: Electron shows a native save dialog (null on cancel); the
   * web host has none and answers `<app data>/exports/<slug>-<mode>` (`.zip` with `zip`).
   */
  'exhibitions.chooseExportTarget': method(
    z.strictObject({ exhibitionId: Id, mode: ExportModeSchema, zip: z.boolean() }),
    ExportTarget.nullable(),
  ),
  /**
   * Starts exporting and answers at once; `progress` events (this taskId) follow, then one
   * `exportFinished`. Refuses up front with EXPORT_BLOCKED (details: the problems) when the
   * check finds errors, EXPORT_TARGET_NOT_EMPTY when the target holds something and `replace`
   * is false, NOT_FOUND for an unknown target id. A failed or cancelled export leaves the
   * target as it was.
   */
  'exhibitions.export': method(
    z.strictObject({
      taskId: TaskId,
      exhibitionId: Id,
      mode: ExportModeSchema,
      targetId: z.string().min(1).max(100),
      replace: z.boolean().default(false),
      languages: z.array(z.string().min(2).max(20)).min(1).max(50).optional(),
      baseUrl: z.string().max(2000).optional(),
      idleSeconds: z.number().int().min(1).max(3600).optional(),
    }),
    z.object({ taskId: TaskId }),
  ),
  /**
   * "Open folder" after an export: Electron shows the bundle in the file manager (`shown`); the
   * web host cannot and answers the path as text. NOT_FOUND for a task that did not finish.
   */
  'exhibitions.revealExport': method(
    z.strictObject({ taskId: TaskId }),
    z.object({ path: z.string(), shown: z.boolean() }),
  ),
  /** Asks running work to stop; false when no such task is running (already done). */
  'tasks.cancel': method(z.strictObject({ taskId: TaskId }), z.object({ cancelled: z.boolean() })),
  /**
   * Backups of a library (the open one, one from the recent list, or the one that last failed
   * to open: its error's `details.libraryId`), newest first, each validated. NOT_FOUND for an
   * unknown library id.
   */
  'backups.list': method(z.strictObject({ libraryId: LibraryIdSchema }), BackupListSchema),
  /**
   * What restoring `backupId` (omitted: the newest valid backup) would change, per collection;
   * writes nothing. NOT_FOUND for an unknown library or backup, NO_VALID_BACKUP when the backup
   * (or every backup) does not validate.
   */
  'backups.preview': method(
    z.strictObject({ libraryId: LibraryIdSchema, backupId: BackupIdSchema.optional() }),
    RestorePreviewSchema,
  ),
  /**
   * Restores `backupId` (the one the person confirmed in a preview) and opens the library. The
   * current files are set aside under `backups/<setAside>/` first, never deleted. Errors as
   * `backups.preview`, plus LIBRARY_LOCKED while another program writes the library.
   */
  'backups.restore': method(
    z.strictObject({ libraryId: LibraryIdSchema, backupId: BackupIdSchema }),
    z.object({ library: LibrarySummary, restored: z.string(), setAside: z.string() }),
  ),
  /**
   * Table import, step 1: reads an uploaded table (CSV, TSV, .xlsx, .ods) and answers what was
   * detected (encoding, delimiter, sheets), the headers, a sample, the automatic mapping and the
   * library's saved mappings. The upload stays for the next steps. FILE_EMPTY, FILE_TOO_LARGE,
   * FILE_UNREADABLE for tables that cannot be read; NOT_FOUND for an unknown upload or no library.
   */
  'tables.preview': method(TableSource, TablePreview),
  /** Table import, step 2: the dry run — a report per row; nothing is written. */
  'tables.dryRun': method(TableImportInput, TableImportReport),
  /**
   * Table import, step 3: the real run as ONE batch (answers its undo command), with progress
   * events; consumes the upload. Media cells are not resolved here (the web page sends no
   * folder): rows naming files are skipped as "file not found" — use the CLI's --media for them.
   */
  'tables.import': method(TableImportInput, TableImportReport),
  /**
   * Electron: main shows its open dialog for a table (`kind: 'table'`) or an exchange package and
   * copies the chosen file to an upload, so the next steps are the same as in the browser; null
   * on cancel. The web host has no dialogs and answers FORBIDDEN (the page uploads instead).
   */
  'files.chooseUpload': method(z.strictObject({ kind: z.enum(FILE_KINDS) }), ChosenUpload),
  /**
   * Electron: main shows a folder dialog for the table's media and keeps the folder under an
   * id; null on cancel. FORBIDDEN in the web host (use `tables.stageMedia`).
   */
  'tables.chooseMediaFolder': method(NoInput, MediaFolder.nullable()),
  /**
   * Web host: gathers uploaded files (a folder chosen in the browser) into one folder main
   * holds, at their relative paths (checked: no `..`, no absolute paths), for `mediaFolder` of
   * `tables.dryRun`/`tables.import`. Uploads that are not there are left out.
   */
  'tables.stageMedia': method(StageMediaInput, MediaFolder),
  /**
   * What an uploaded package holds and how many of its ids the library has already; the
   * package is validated fully (FILE_INVALID_DATA, PATH_REJECTED, FILE_TOO_LARGE). Writes nothing.
   */
  'packages.inspect': method(z.strictObject({ upload: PackageUpload }), PackageInspection),
  /**
   * Brings an uploaded package into the open library as one batch (one undo step); ids already
   * there are kept, replaced or imported as copies. Consumes the upload.
   */
  'packages.import': method(
    z.strictObject({ upload: PackageUpload, conflicts: z.enum(PACKAGE_CONFLICT_MODES) }),
    PackageImportResult,
  ),
  /**
   * Writes an exhibition as a `.vitrine` package: Electron asks where (null on cancel), the web
   * host writes `<app data>/exports/<slug>.vitrine` (replacing an older one). NOT_FOUND for an
   * unknown exhibition.
   */
  'packages.export': method(z.strictObject({ exhibitionId: Id }), PackageExportResult),
  /**
   * Publishing (issue 15): the open library's saved targets (`data/publish-targets.json`, never
   * a secret) and where passwords stay on this transport. NOT_FOUND without an open library.
   */
  'publish.targets': method(NoInput, PublishTargetsView),
  /**
   * Adds or replaces a saved target. PUBLISH_TARGET_INVALID for an address the publisher cannot
   * use (a password in it, plain http:// to another computer, …); LIBRARY_READ_ONLY.
   */
  'publish.saveTarget': method(SavePublishTargetInput, PublishTargetsView),
  /** Removes a saved target and forgets its saved password. NOT_FOUND for an unknown id. */
  'publish.removeTarget': method(z.strictObject({ id: PublishTargetId }), PublishTargetsView),
  /**
   * Connects to the target first (so a wrong password or an unknown server is answered by this
   * call, before anything is built), then answers `{ taskId }`; the export and the upload follow
   * with `publishProgress` events and one `publishFinished`. Errors of the call:
   * PUBLISH_HOST_KEY_UNKNOWN (details: host, port, fingerprint — ask the person, then call again
   * with `trustHostKey`), PUBLISH_HOST_KEY_CHANGED (refused, never asked), PUBLISH_AUTH_FAILED
   * (also when no secret was given or saved), PUBLISH_UNREACHABLE, EXPORT_BLOCKED, NOT_FOUND.
   */
  'publish.start': method(PublishStartInput, z.object({ taskId: TaskId })),
  /** Asks a running publish to stop; false when it is not running (already over). */
  'publish.cancel': method(
    z.strictObject({ taskId: TaskId }),
    z.object({ cancelled: z.boolean() }),
  ),
  /**
   * The "Statistik" view: reads a kiosk player's data folder (`folder` as typed, absolute; or,
   * without it, the one chosen in main's folder dialog — null when the person cancels) and
   * answers the report with how many lines were skipped as damaged. NOT_FOUND when the folder
   * does not exist, PATH_REJECTED for a relative path, FORBIDDEN for the dialog on the web host.
   */
  'kiosk.statsReport': method(KioskStatsInput, KioskStatsResult.nullable()),
  /**
   * Issue 10 §2: one window (`offset`, `limit`) of the open library's items matching `text`
   * (every word, prefixes and small typos, any language, diacritics folded) and `filter`, in
   * `sort` order, with the total and the facet counts of the text's hits. Answered from main's
   * search index. NOT_FOUND when no library is open.
   */
  'items.query': method(ItemQueryInput, ItemQueryResult),
  /** The items with these ids, in the order asked; unknown ids in `missing`. NOT_FOUND without a library. */
  'items.byIds': method(ItemsByIdsInput, ItemsByIdsResult),
} as const;

/** Every command main may send the page in a `menu` event. */
export const MENU_COMMANDS = [
  'undo',
  'redo',
  'export',
  'about',
  'newLibrary',
  'openLibrary',
  'openSample',
  'openRecent',
  'sessionChanged',
  'restoreBackup',
  'importPackage',
  'exportPackage',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const apiEvents = {
  /** The open library changed (by this window, another transport, or was opened/closed). */
  libraryChanged: z.object({
    revision: z.number().int().nonnegative(),
    /**
     * The library was (re)opened, e.g. restored from a backup: the revision may be lower than
     * before, so pages reload what they show instead of ignoring an older-looking revision.
     */
    reopened: z.boolean().optional(),
    /** Which entities the change touched (ids per collection); absent when unknown (reopened). */
    changed: EntityChanges.optional(),
  }),
  /** Progress of long work (export, import). `step` names the current phase for people. */
  progress: z.object({
    taskId: z.string(),
    label: z.string(),
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
    step: z.string().optional(),
    /** Seconds left, estimated from the pace so far (table import); absent without a pace. */
    etaSeconds: z.number().nonnegative().optional(),
  }),
  /** An export ended: `summary` when done, `error` when it failed (CANCELLED when cancelled). */
  exportFinished: z.object({
    taskId: TaskId,
    summary: ExportSummary.optional(),
    error: ErrorDataSchema.optional(),
  }),
  /**
   * A command from main that the page carries out (undo history, dialogs and navigation live in
   * the page): a native menu entry, or `sessionChanged` after main opened a library itself (a
   * second launch with `--library=`). `id` names the recent entry for `openRecent`. Only Electron
   * sends these; the renderer handles every one (checked at compile time, see MENU_COMMANDS).
   */
  menu: z.object({ command: z.enum(MENU_COMMANDS), id: z.string().max(200).optional() }),
  /** Progress of a publish: the export, then the comparison and the upload with an estimate. */
  publishProgress: PublishProgressEvent,
  /** A publish ended: `result` when done (also a dry run), `error` when it failed or was cancelled. */
  publishFinished: z.object({
    taskId: TaskId,
    result: PublishResultView.optional(),
    error: ErrorDataSchema.optional(),
  }),
} as const;

export type ApiMethods = typeof apiMethods;
export type ApiMethodName = keyof ApiMethods;
export type ApiEvents = typeof apiEvents;
export type ApiEventName = keyof ApiEvents;

/** What a caller passes (before defaults are applied). */
export type ApiInput<M extends ApiMethodName> = z.input<ApiMethods[M]['input']>;
/** What a handler receives (after validation and defaults). */
export type ApiParsedInput<M extends ApiMethodName> = z.output<ApiMethods[M]['input']>;
export type ApiOutput<M extends ApiMethodName> = z.output<ApiMethods[M]['output']>;
export type ApiEventPayload<E extends ApiEventName> = z.output<ApiEvents[E]>;

export const apiMethodNames: readonly ApiMethodName[] = API_METHOD_NAMES;
export const apiEventNames: readonly ApiEventName[] = API_EVENT_NAMES;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time guard: names.ts lists exactly the methods and events declared here. */
export const namesMatchContract: [
  Same<ApiMethodName, (typeof API_METHOD_NAMES)[number]>,
  Same<ApiEventName, (typeof API_EVENT_NAMES)[number]>,
] = [true, true];

/** Compile-time guard: a preload-only function (names.ts) never shadows a contract method. */
export const preloadOnlyOutsideContract: [
  Extract<ApiMethodName, (typeof PRELOAD_ONLY_METHOD_NAMES)[number]>,
] extends [never]
  ? true
  : false = true;

export function isApiMethodName(name: unknown): name is ApiMethodName {
  return typeof name === 'string' && (API_METHOD_NAMES as readonly string[]).includes(name);
}

export function isApiEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && (API_EVENT_NAMES as readonly string[]).includes(name);
}
