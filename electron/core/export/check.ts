import { existsSync } from 'node:fs';
import path from 'node:path';
import { runExhibitionChecks, type Problem } from '../../../shared/check';
import type { LibrarySnapshot } from '../../../shared/domain/library';
import { AppError } from '../../../shared/errors';
import { findExhibition } from '../../../shared/render/model';
import { readLibrarySnapshot } from '../library';

export interface ExportCheck {
  exhibitionId: string;
  errors: Problem[];
  warnings: Problem[];
  /** Notes (severity info): shown, never blocking. */
  infos: Problem[];
}

/**
 * The pre-publication check of one exhibition for one bundle mode, as export runs it: errors
 * block, warnings are shown. Media presence is checked on disk, because a bundle without its
 * files is broken even when the library's data is consistent.
 */
export async function checkForExport(options: {
  libraryDir: string;
  snapshot?: LibrarySnapshot;
  /** Exhibition id or slug. */
  exhibition: string;
  mode: 'web' | 'kiosk';
}): Promise<ExportCheck> {
  const snapshot = options.snapshot ?? (await readLibrarySnapshot(options.libraryDir));
  return checkSnapshotForExport(snapshot, options.libraryDir, options.exhibition, options.mode);
}

export function checkSnapshotForExport(
  snapshot: LibrarySnapshot,
  libraryDir: string,
  exhibition: string,
  mode: 'web' | 'kiosk',
): ExportCheck {
  const { id } = findExhibition(snapshot, exhibition);
  const problems = runExhibitionChecks(snapshot, id, mode, (rel) =>
    existsSync(path.join(libraryDir, ...rel.split('/'))),
  );
  return {
    exhibitionId: id,
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
    infos: problems.filter((p) => p.severity === 'info'),
  };
}

/** Refusal to export while the check finds errors; `details` carries every problem found. */
export function exportBlocked(check: ExportCheck): AppError {
  const n = check.errors.length;
  return new AppError(
    'EXPORT_BLOCKED',
    {
      de: `Export nicht möglich: Die Prüfung vor der Veröffentlichung hat ${n} Fehler gefunden. Bitte zuerst beheben.`,
      en: `Export not possible: the pre-publication check found ${n} ${n === 1 ? 'error' : 'errors'}. Please fix ${n === 1 ? 'it' : 'them'} first.`,
    },
    { details: { errors: check.errors, warnings: check.warnings } },
  );
}
