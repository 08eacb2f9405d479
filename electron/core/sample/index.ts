import type { CommandInput, MediaAsset } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { createLibrary } from '../library';
import { inProcessHost, type WorkerHost } from '../worker/host';
import { loadSampleContent, type SampleContent } from './content';
import { recipesOf } from './generate';

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
  /**
   * Runs the image work (rendering and importing the media): the app's worker process in the
   * desktop app, the web host and the CLI; the caller's own event loop when none is given.
   */
  worker?: WorkerHost;
  signal?: AbortSignal;
  /**
   * Tests only: renders the images at this fraction of their size, for tests that need some
   * sample library rather than its full-size media (which sample/index and media tests cover).
   */
  mediaScale?: number;
}

export interface SampleSummary {
  dir: string;
  items: number;
  partnerships: number;
  awards: number;
  exhibitions: number;
  mediaFiles: number;
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
 * Creates the sample library in `dir` (which must be empty or missing): the worker renders every
 * media file and imports it into the new library's media folder, then this process writes all
 * entities in one batch (the store's single writer). Every timestamp is the sample's fixed
 * clock, so two builds hold the same data.
 */
export async function buildSampleLibrary(
  dir: string,
  opts: BuildSampleOptions = {},
): Promise<SampleSummary> {
  const content = loadSampleContent();
  const fixed = new Date(content.library.clock);
  const clock = () => new Date(fixed.getTime());
  // Checked here too, so an unknown recipe name fails before any folder is created.
  const total = recipesOf(content).length * 2 + 1;

  const library = await createLibrary(dir, {
    name: opts.name ?? content.library.name,
    languages: content.library.languages,
    defaultLanguage: content.library.defaultLanguage,
    clock,
  });
  try {
    const worker = opts.worker ?? inProcessHost();
    const generated = await worker.run(
      'sampleMedia',
      {
        libraryDir: library.dir,
        ...(opts.mediaScale !== undefined ? { scale: opts.mediaScale } : {}),
      },
      {
        ...(opts.signal ? { signal: opts.signal } : {}),
        onProgress: (p) => {
          const { done, step } = p as { done: number; step: string };
          opts.onProgress?.({ done, total, step });
        },
      },
    );
    const media = new Map<string, MediaAsset>(generated.map((g) => [g.name, g.asset]));
    await library.apply(sampleCommands(content, media, fixed.toISOString()));
    opts.onProgress?.({ done: total, total, step: 'library' });
    return {
      dir: library.dir,
      items: content.items.length,
      partnerships: content.partnerships.length,
      awards: content.awards.length,
      exhibitions: content.exhibitions.length,
      mediaFiles: media.size,
    };
  } finally {
    await library.close();
  }
}
