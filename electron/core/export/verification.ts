import packageJson from '../../../package.json';
import { AppError } from '../../../shared/errors';

/** The version named in exported accessibility statements. */
export const VITRINE_VERSION: string = packageJson.version;

/**
 * The day an export states it was verified. An explicit date wins, then `SOURCE_DATE_EPOCH`
 * (the reproducible-builds convention, so a release pipeline gets byte-identical bundles on
 * any day), then today in UTC.
 */
export function exportDate(explicit?: string, env = process.env, now = new Date()): string {
  if (explicit !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(explicit) || Number.isNaN(Date.parse(explicit)))
      throw new AppError('INVALID_INPUT', {
        de: `Das Datum „${explicit}“ ist keines (erwartet JJJJ-MM-TT).`,
        en: `“${explicit}” is not a date (expected YYYY-MM-DD).`,
      });
    return explicit;
  }
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const when = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
  return when.toISOString().slice(0, 10);
}
