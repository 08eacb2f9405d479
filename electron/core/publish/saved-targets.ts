import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  PUBLISH_TARGETS_FORMAT,
  SavedPublishTargets,
  type PublishTargetSetting,
} from '../../../shared/domain/publish-target';
import { AppError } from '../../../shared/errors';
import { invalidInput } from '../library/commands';
import { writeFileAtomic } from '../library/fs-atomic';
import { parsePublishTarget } from './target-url';

/**
 * Saved publishing targets live beside the library's data (`data/publish-targets.json`), like
 * the saved import mappings: a tool setting, not collection data, so saving one is no undo step
 * and older libraries need no migration. Security: the file holds addresses and login kinds
 * only; the schema is strict, so not even a hand-edited secret field survives a save.
 */
export const PUBLISH_TARGETS_FILE = 'data/publish-targets.json';

export async function readPublishTargets(libraryDir: string): Promise<PublishTargetSetting[]> {
  let text: string;
  try {
    text = await readFile(path.join(libraryDir, PUBLISH_TARGETS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new AppError(
      'FILE_INVALID_JSON',
      {
        de: `${PUBLISH_TARGETS_FILE} ist kein gültiges JSON (${(error as Error).message}); die Datei bleibt unverändert.`,
        en: `${PUBLISH_TARGETS_FILE} is not valid JSON (${(error as Error).message}); the file is left unchanged.`,
      },
      { location: { file: PUBLISH_TARGETS_FILE }, cause: error },
    );
  }
  const parsed = SavedPublishTargets.safeParse(data);
  if (!parsed.success) throw invalidInput(parsed.error.issues, [PUBLISH_TARGETS_FILE]);
  return parsed.data.targets;
}

async function writeAll(libraryDir: string, targets: PublishTargetSetting[]): Promise<void> {
  const data: SavedPublishTargets = { format: PUBLISH_TARGETS_FORMAT, targets };
  await writeFileAtomic(
    path.join(libraryDir, PUBLISH_TARGETS_FILE),
    `${JSON.stringify(data, null, 2)}\n`,
  );
}

/**
 * Adds (no id) or replaces a target. The address is checked by the publisher's own parser, so
 * what is saved can be published to, and a password typed into the URL is refused here.
 */
export async function savePublishTarget(
  libraryDir: string,
  input: Omit<PublishTargetSetting, 'id'> & { id?: string | undefined },
): Promise<PublishTargetSetting> {
  parsePublishTarget(input.url);
  const targets = await readPublishTargets(libraryDir);
  const id = input.id ?? `target-${randomBytes(6).toString('hex')}`;
  if (input.id !== undefined && !targets.some((t) => t.id === input.id)) throw unknownTarget();
  const target: PublishTargetSetting = {
    id,
    name: input.name.trim(),
    url: input.url.trim(),
    auth: input.auth,
  };
  const next = targets.some((t) => t.id === id)
    ? targets.map((t) => (t.id === id ? target : t))
    : [...targets, target];
  await writeAll(
    libraryDir,
    SavedPublishTargets.parse({ format: PUBLISH_TARGETS_FORMAT, targets: next }).targets,
  );
  return target;
}

export async function removePublishTarget(
  libraryDir: string,
  id: string,
): Promise<PublishTargetSetting> {
  const targets = await readPublishTargets(libraryDir);
  const target = targets.find((t) => t.id === id);
  if (!target) throw unknownTarget();
  await writeAll(
    libraryDir,
    targets.filter((t) => t.id !== id),
  );
  return target;
}

export function unknownTarget(): AppError {
  return new AppError('NOT_FOUND', {
    de: 'Dieses Veröffentlichungsziel gibt es (nicht mehr). Bitte die Liste neu laden.',
    en: 'This publishing target does not exist (any more). Please reload the list.',
  });
}
