import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { UiLanguage } from '../../../shared/errors';
import { writeFileAtomic } from '../library/fs-atomic';

export const SETTINGS_FILE = 'settings.json';

const Settings = z.object({ uiLanguage: z.enum(['de', 'en']).optional() }).catchall(z.unknown());
export type Settings = z.infer<typeof Settings>;

/**
 * Small app-wide preferences in `<appDataDir>/settings.json` (UI language). Shared by Electron and
 * the web host, so both start in the language last chosen. Unknown keys are kept on write.
 */
export async function readSettings(appDataDir: string): Promise<Settings> {
  try {
    const parsed = Settings.safeParse(
      JSON.parse(await readFile(join(appDataDir, SETTINGS_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function writeUiLanguage(appDataDir: string, lang: UiLanguage): Promise<void> {
  const current = await readSettings(appDataDir);
  await writeFileAtomic(
    join(appDataDir, SETTINGS_FILE),
    `${JSON.stringify({ ...current, uiLanguage: lang }, null, 2)}\n`,
  );
}
