import { z } from 'zod';

/**
 * Schemas of the backup methods (`backups.*`). The page names a library by its id only (the
 * open one, one from the recent list, or the one that just failed to open); main keeps the path.
 */
export const LibraryIdSchema = z.string().min(1).max(100);
export const BackupIdSchema = z
  .string()
  .regex(/^(recent|daily|migration|damaged)-[A-Za-z0-9._-]{1,120}$/);

const Counts = z.object({
  items: z.number().int().nonnegative(),
  partnerships: z.number().int().nonnegative(),
  awards: z.number().int().nonnegative(),
  exhibitions: z.number().int().nonnegative(),
});

export const BackupSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['recent', 'daily', 'migration', 'damaged']),
  createdAt: z.string(),
  revision: z.number().int().nullable(),
  bytes: z.number().nonnegative(),
  valid: z.boolean(),
  /** Why it cannot be restored, in the UI language. */
  problem: z.object({ code: z.string(), message: z.string() }).optional(),
  counts: Counts.nullable(),
});
export type BackupSummaryData = z.infer<typeof BackupSummarySchema>;

export const BackupListSchema = z.object({
  libraryId: LibraryIdSchema,
  /** For display only, never sent back. */
  displayPath: z.string(),
  backups: z.array(BackupSummarySchema),
});
export type BackupList = z.infer<typeof BackupListSchema>;

const Change = z.object({
  before: z.number().int().nonnegative().nullable(),
  after: z.number().int().nonnegative(),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
});

export const RestorePreviewSchema = z.object({
  libraryId: LibraryIdSchema,
  backup: BackupSummarySchema,
  /** Newer backups passed over because they did not validate. */
  skipped: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
  /** Why the current library cannot be read, when it cannot. */
  currentProblem: z.object({ code: z.string(), message: z.string() }).nullable(),
  changes: z.object({
    items: Change,
    partnerships: Change,
    awards: Change,
    exhibitions: Change,
  }),
});
export type RestorePreviewData = z.infer<typeof RestorePreviewSchema>;
