import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CommandInput, MediaAsset } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { createLibrary } from '../library';
import { createMediaImporter } from '../media';
import { loadSampleContent, type SampleContent } from './content';
import { mediaRecipe, type MediaRecipe } from './media';

export { loadSampleContent, SAMPLE_JSON } from './content';
export type {
  SampleAward,
  SampleContent,
  SampleExhibition,
  SampleItem,
  SampleLibraryInfo,
  SamplePartnership,
} from './content';
export { mediaRecipe, SAMPLE_MEDIA, type MediaRecipe } from './media';

export interface SampleProgress {
  done: number;
  total: number;
  /** What just finished: a media file name, or `library` for the final write. */
  step: string;
}

export interface BuildSampleOptions {
  onProgress?: (progress: SampleProgress) => void;
  /** Replaces the sample's library name. */
  name?: string;
}

export interface SampleSummary {
  dir: string;
  items: number;
  partnerships: number;
  awards: number;
  exhibitions: number;
  mediaFiles: number;
}

/** Recipes in the order items first name them, each once. */
function recipesOf(content: SampleContent): MediaRecipe[] {
  const seen = new Map<string, MediaRecipe>();
  for (const item of content.items)
    for (const name of item.media) {
      if (seen.has(name)) continue;
      const recipe = mediaRecipe(name);
      if (!recipe)
        throw new AppError('INTERNAL', {
          de: `Die Beispielbibliothek nennt die unbekannte Mediendatei „${name}“ (Objekt ${item.id}).`,
          en: `The sample library names the unknown media file “${name}” (item ${item.id}).`,
        });
      seen.set(name, recipe);
    }
  return [...seen.values()];
}

/**
 * All commands that fill the sample library, as one all-or-nothing batch. Items and
 * partnerships refer to each other (items → partnerships, history events → items), and the
 * store checks each reference as a command is applied; so partnerships go in first without
 * their history, then items, then the partnerships again in full.
 */
export function sampleCommands(
  content: SampleContent,
  media: ReadonlyMap<string, MediaAsset>,
  now: string,
): CommandInput {
  const stamps = { createdAt: now, updatedAt: now };
  const commands: CommandInput[] = [];
  for (const p of content.partnerships)
    commands.push({ type: 'putPartnership', partnership: { ...p, history: [], ...stamps } });
  for (const item of content.items) {
    const assets = item.media.map((name) => {
      const asset = media.get(name);
      if (!asset)
        throw new AppError('INTERNAL', {
          de: `Für „${name}“ fehlt die erzeugte Mediendatei.`,
          en: `The generated media file for “${name}” is missing.`,
        });
      return asset;
    });
    commands.push({ type: 'putItem', item: { ...item, media: assets, ...stamps } });
  }
  for (const p of content.partnerships)
    commands.push({ type: 'putPartnership', partnership: { ...p, ...stamps } });
  for (const award of content.awards)
    commands.push({ type: 'putAward', award: { ...award, ...stamps } });
  for (const exhibition of content.exhibitions)
    commands.push({ type: 'putExhibition', exhibition: { ...exhibition, ...stamps } });
  if (content.library.legal)
    commands.push({ type: 'updateManifest', legal: content.library.legal });
  return { type: 'batch', commands } as CommandInput;
}

/**
 * Creates the sample library in `dir` (which must be empty or missing): generates every media
 * file into a temporary folder, imports it, and writes all entities in one batch. Every
 * timestamp is the sample's fixed clock, so two builds hold the same data.
 */
export async function buildSampleLibrary(
  dir: string,
  opts: BuildSampleOptions = {},
): Promise<SampleSummary> {
  const content = loadSampleContent();
  const fixed = new Date(content.library.clock);
  const clock = () => new Date(fixed.getTime());
  const recipes = recipesOf(content);
  const total = recipes.length * 2 + 1;
  let done = 0;
  const report = (step: string) => opts.onProgress?.({ done: ++done, total, step });

  const library = await createLibrary(dir, {
    name: opts.name ?? content.library.name,
    languages: content.library.languages,
    defaultLanguage: content.library.defaultLanguage,
    clock,
  });
  const temp = await mkdtemp(path.join(os.tmpdir(), 'vitrine-sample-'));
  try {
    const files: string[] = [];
    for (const recipe of recipes) {
      const file = path.join(temp, recipe.fileName);
      await writeFile(file, await recipe.render());
      files.push(file);
      report(recipe.fileName);
    }
    const importer = createMediaImporter({ libraryDir: library.dir });
    const entries = await importer.importFiles(files, {
      onProgress: (p) => report(path.basename(p.current)),
    });
    const media = new Map<string, MediaAsset>();
    entries.forEach((entry, i) => {
      if (entry.result.status === 'rejected') throw entry.result.error;
      media.set(recipes[i]!.name, entry.result.asset);
    });
    await library.apply(sampleCommands(content, media, fixed.toISOString()));
    report('library');
    return {
      dir: library.dir,
      items: content.items.length,
      partnerships: content.partnerships.length,
      awards: content.awards.length,
      exhibitions: content.exhibitions.length,
      mediaFiles: media.size,
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
    await library.close();
  }
}
