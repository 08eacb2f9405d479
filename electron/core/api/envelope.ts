import type { ApiResult } from '../../../shared/api';
import { AppError, type UiLanguage } from '../../../shared/errors';

/**
 * Runs `work` for a caller outside the dispatch (Electron's dropped files, a second launch's
 * folder) and answers an envelope like the dispatch does: an `AppError` in the UI language, or
 * for anything else a logged error and a general message, so it never throws.
 */
export async function asEnvelope<T>(
  method: string,
  lang: () => UiLanguage,
  unexpected: { de: string; en: string },
  logError: ((method: string, error: unknown) => void) | undefined,
  work: () => Promise<T>,
): Promise<ApiResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData(lang()) };
    (logError ?? ((m, e) => console.error(`[vitrine] ${m} failed:`, e)))(method, error);
    return { ok: false, error: { code: 'INTERNAL', message: unexpected[lang()] } };
  }
}
