import { z } from 'zod';
import { Command } from '../domain/commands';
import { UPLOAD_ID_PATTERN } from './transport';

/**
 * Schemas of the exchange-package methods (`packages.*` in contract.ts): File ▸ Export package …
 * and Import package …. A package reaches main as an upload (web host) or through main's own
 * file dialog (Electron, `files.chooseUpload`), never as a path from the page.
 */
export const PackageUpload = z.strictObject({
  id: z.string().regex(UPLOAD_ID_PATTERN),
  name: z.string().min(1).max(500),
});

export const PACKAGE_CONFLICT_MODES = ['keep', 'replace', 'copy'] as const;

export const PackageInspection = z.object({
  exhibition: z.string(),
  languages: z.array(z.string()),
  createdAt: z.string(),
  counts: z.object({
    items: z.number().int().nonnegative(),
    partnerships: z.number().int().nonnegative(),
    awards: z.number().int().nonnegative(),
    media: z.number().int().nonnegative(),
  }),
  /** Entities of the package whose id the open library already has. */
  conflicts: z.number().int().nonnegative(),
});
export type PackageInspection = z.infer<typeof PackageInspection>;

export const PackageImportResult = z.object({
  added: z.number().int().nonnegative(),
  replaced: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
  copied: z.number().int().nonnegative(),
  exhibitionSlug: z.string(),
  revision: z.number().int().nonnegative(),
  /** The one undo step of the whole unpack; null when nothing changed. */
  undo: Command.nullable(),
});
export type PackageImportResult = z.infer<typeof PackageImportResult>;

/** Where an exported package went: Electron's save dialog (null on cancel) or the app data. */
export const PackageExportResult = z
  .object({ displayPath: z.string(), bytes: z.number().int().nonnegative() })
  .nullable();

export const FILE_KINDS = ['table', 'package'] as const;
