import { z } from 'zod';
import type { KioskReport } from '../kiosk/report';

/**
 * The "Statistik" view's API: a kiosk player's data folder (the player's own, or a copy on a USB
 * stick) read and aggregated by main with shared/kiosk/report.ts.
 */

/**
 * The folder as the person typed it, or nothing: then main shows its folder dialog (Electron) or
 * answers FORBIDDEN (the web host has none). Only an absolute path is taken; main reads nothing
 * there but the day files (`YYYY-MM-DD.ndjson`) of the folder or its `stats/` subfolder.
 */
export const KioskStatsInput = z.strictObject({
  folder: z
    .string()
    .trim()
    .min(1)
    .max(4096)
    .refine((p) => !p.includes('\0'), 'no NUL characters')
    .optional(),
});

const count = z.number().int().nonnegative();

export const KioskReportSchema = z.object({
  events: count,
  sessions: count,
  endedSessions: count,
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  sessionsPerDay: z.array(z.object({ day: z.string(), sessions: count })),
  sessionsPerHourOfWeek: z.array(z.array(count).length(24)).length(7),
  medianSessionMs: z.number().nonnegative().nullable(),
  sessionLengthBuckets: z.array(count),
  chapters: z.array(
    z.object({
      chapter: count,
      page: z.string(),
      views: count,
      sessions: count,
      totalDwellMs: count,
      medianDwellMs: z.number().nonnegative(),
      mediaPlays: count,
      lightbox: count,
      qr: count,
    }),
  ),
  languages: z.array(z.object({ lang: z.string(), pageViews: count, sessions: count })),
  languageSwitches: count,
  mediaPlays: z.object({ audio: count, video: count }),
  lightbox: count,
  qr: count,
  idleResets: count,
});

/** Compile-time guard: the schema describes exactly the report shared/kiosk/report.ts builds. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const kioskReportSchemaMatches: Same<z.infer<typeof KioskReportSchema>, KioskReport> = true;

export const KioskStatsResult = z.object({
  /** The folder read, for display. */
  folder: z.string(),
  /** Day files found, lines read, and lines skipped as damaged (torn, edited, too long). */
  files: count,
  lines: count,
  corrupt: count,
  report: KioskReportSchema,
});
export type KioskStatsResult = z.infer<typeof KioskStatsResult>;
