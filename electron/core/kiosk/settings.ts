import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../library/fs-atomic';

/**
 * The player's own settings (`<dataDir>/player.json`), apart from the app's settings: a kiosk
 * machine may never run the desktop app. Written atomically; a damaged file is reported, never
 * overwritten.
 */
export const playerSettingsSchema = z.object({
  /** scrypt hash of the operator's exit PIN (see pin.ts); null = no PIN set, exit impossible. */
  pinHash: z.string().nullable().default(null),
});
export type PlayerSettings = z.infer<typeof playerSettingsSchema>;

export const PLAYER_SETTINGS_FILE = 'player.json';

export async function readPlayerSettings(dataDir: string): Promise<PlayerSettings> {
  const file = path.join(dataDir, PLAYER_SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return playerSettingsSchema.parse({});
    throw new AppError(
      'FILE_UNREADABLE',
      { de: `${file} kann nicht gelesen werden.`, en: `${file} cannot be read.` },
      { cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError(
      'FILE_INVALID_JSON',
      { de: `${file} ist kein gültiges JSON.`, en: `${file} is not valid JSON.` },
      { cause: error },
    );
  }
  const result = playerSettingsSchema.safeParse(parsed);
  if (!result.success)
    throw new AppError('FILE_INVALID_DATA', {
      de: `${file} enthält ungültige Einstellungen.`,
      en: `${file} holds invalid settings.`,
    });
  return result.data;
}

export async function writePlayerSettings(
  dataDir: string,
  settings: PlayerSettings,
): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFileAtomic(
    path.join(dataDir, PLAYER_SETTINGS_FILE),
    `${JSON.stringify(playerSettingsSchema.parse(settings), null, 2)}\n`,
  );
}
