import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MediaAsset } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { createMediaImporter } from '../media';
import type { SampleContent } from './content';
import { mediaRecipe, type MediaRecipe } from './media';

/** Recipes in the order items first name them, each once. */
export function recipesOf(content: SampleContent): MediaRecipe[] {
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

function cancelled(): AppError {
  return new AppError('CANCELLED', {
    de: 'Anlegen der Beispielbibliothek abgebrochen.',
    en: 'Creating the sample library was cancelled.',
  });
}

/** One finished media step: a rendered file, then an imported one. */
export interface SampleMediaStep {
  done: number;
  /** Media steps only (two per recipe); the caller adds its own steps after them. */
  total: number;
  step: string;
}

/**
 * The image work of the sample library, meant for the worker process (task `sampleMedia`):
 * renders every recipe (SVG through sharp/libvips, the PDF, the WAV) into a temporary folder and
 * imports the files into the library's media folder. It writes media files only (content-
 * addressed, atomic) and answers the assets by recipe name; the caller writes the entities
 * through the store, so the store keeps its single writer.
 *
 * Recipes render side by side, one per core: each render is one libvips pipeline that mostly
 * keeps a single core busy (librsvg, then the encoder). Each recipe's bytes do not depend on the
 * order, so the library is the same however the renders interleave.
 */
export async function generateSampleMedia(
  libraryDir: string,
  recipes: readonly MediaRecipe[],
  options: {
    signal?: AbortSignal;
    onProgress?: (step: SampleMediaStep) => void;
    /** Tests only: images rendered at this fraction of their size (see `MediaRecipe.render`). */
    scale?: number;
  } = {},
): Promise<Array<{ name: string; asset: MediaAsset }>> {
  const { signal, onProgress, scale } = options;
  const total = recipes.length * 2;
  let done = 0;
  const report = (step: string) => onProgress?.({ done: ++done, total, step });
  const temp = await mkdtemp(path.join(os.tmpdir(), 'vitrine-sample-'));
  try {
    const files: string[] = recipes.map((r) => path.join(temp, r.fileName));
    let next = 0;
    const renderNext = async (): Promise<void> => {
      for (;;) {
        if (signal?.aborted) throw cancelled();
        const index = next++;
        if (index >= recipes.length) return;
        const recipe = recipes[index]!;
        await writeFile(files[index]!, await recipe.render(scale));
        report(recipe.fileName);
      }
    };
    const lanes = Math.max(1, Math.min(os.availableParallelism(), recipes.length));
    await Promise.all(Array.from({ length: lanes }, renderNext));
    if (signal?.aborted) throw cancelled();
    const entries = await createMediaImporter({ libraryDir }).importFiles(files, {
      ...(signal ? { signal } : {}),
      onProgress: (p) => report(path.basename(p.current)),
    });
    return entries.map((entry, i) => {
      if (entry.result.status === 'rejected') throw entry.result.error;
      return { name: recipes[i]!.name, asset: entry.result.asset };
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
