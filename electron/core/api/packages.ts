import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UPLOAD_ID_PATTERN } from '../../../shared/api/transport';
import { AppError, type UiLanguage } from '../../../shared/errors';
import { commitPackage } from '../exchange';
import type { Library } from '../library';
import { inProcessHost, type WorkerHost } from '../worker';
import type { Dialogs } from './dialogs';
import type { ApiHandlers } from './dispatch';
import { EXPORTS_DIR } from './export';

type PackageMethods = 'packages.inspect' | 'packages.import' | 'packages.export';

export interface PackageHandlerDeps {
  library: () => Library;
  uploadsDir: string;
  appDataDir: string;
  dialogs: Dialogs;
  lang: () => UiLanguage;
  /** Where packages are read, checked, unpacked and zipped; in-process when omitted (tests). */
  worker?: WorkerHost;
}

function uploadMissing(name: string): AppError {
  return new AppError('NOT_FOUND', {
    de: `${name}: Das hochgeladene Paket ist nicht (mehr) da. Wählen Sie die Datei erneut.`,
    en: `${name}: the uploaded package is not there (any more). Choose the file again.`,
  });
}

function readOnly(): AppError {
  return new AppError('LIBRARY_READ_ONLY', {
    de: 'Die Bibliothek ist schreibgeschützt geöffnet; es kann kein Paket importiert werden.',
    en: 'The library is open read-only; a package cannot be imported.',
  });
}

/**
 * File ▸ Import package … / Export package … over the API, on the same reader and writer as
 * `vitrine pack`/`unpack` (exchange/): the package is validated whole (bombs, paths that leave
 * the folder, unknown versions) before anything is written, and brought in as one undo step.
 * Reading, checking, unpacking the media and zipping run in the worker process; this process
 * keeps answering meanwhile and writes the entities itself (the store's one writer).
 */
export function createPackageHandlers(deps: PackageHandlerDeps): Pick<ApiHandlers, PackageMethods> {
  const worker = deps.worker ?? inProcessHost();

  async function inWorker<T>(
    upload: { id: string; name: string },
    run: (file: string) => Promise<T>,
  ) {
    if (!UPLOAD_ID_PATTERN.test(upload.id)) throw uploadMissing(upload.name);
    try {
      return await run(join(deps.uploadsDir, upload.id));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The upload's random id means nothing to people: name the file they chose.
      const named = (text: string) => text.replaceAll(upload.id, upload.name);
      throw new AppError(
        error.code,
        { de: named(error.messages.de), en: named(error.messages.en) },
        { cause: error, ...(error.details !== undefined ? { details: error.details } : {}) },
      );
    }
  }

  return {
    'packages.inspect': async ({ upload }) => {
      const library = deps.library();
      const { data, manifest } = await inWorker(upload, (file) =>
        worker.run('packageRead', { file }),
      );
      const has = (c: 'items' | 'partnerships' | 'awards' | 'exhibitions', id: string) =>
        library.get(c, id) !== undefined;
      const conflicts =
        data.items.filter((e) => has('items', e.id)).length +
        data.partnerships.filter((e) => has('partnerships', e.id)).length +
        data.awards.filter((e) => has('awards', e.id)).length +
        (has('exhibitions', data.exhibition.id) ? 1 : 0);
      return {
        exhibition: manifest.exhibition,
        languages: manifest.languages,
        createdAt: manifest.createdAt,
        counts: manifest.counts,
        conflicts,
      };
    },
    'packages.import': async ({ upload, conflicts }) => {
      try {
        const library = deps.library();
        if (library.readOnly) throw readOnly();
        const pkg = await inWorker(upload, (file) =>
          worker.run('packageUnpack', { file, libraryDir: library.dir }),
        );
        const outcome = await commitPackage(library, pkg, conflicts, pkg.added);
        return {
          added: outcome.added,
          replaced: outcome.replaced,
          kept: outcome.kept,
          copied: outcome.copied,
          exhibitionSlug: outcome.exhibitionSlug,
          revision: outcome.revision,
          undo: outcome.undo,
        };
      } finally {
        if (UPLOAD_ID_PATTERN.test(upload.id))
          await rm(join(deps.uploadsDir, upload.id), { force: true });
      }
    },
    'packages.export': async ({ exhibitionId }) => {
      const library = deps.library();
      const snapshot = library.snapshot();
      const exhibition = snapshot.exhibitions.find((e) => e.id === exhibitionId);
      if (!exhibition) {
        throw new AppError('NOT_FOUND', {
          de: 'Diese Ausstellung gibt es in der Bibliothek nicht.',
          en: 'This exhibition is not in the library.',
        });
      }
      const name = `${exhibition.slug}.vitrine`;
      let target: string | null;
      if (deps.dialogs.choosePackageTarget) {
        target = await deps.dialogs.choosePackageTarget(name);
        if (!target) return null;
      } else {
        // No dialogs in the browser: packages land beside the exports, as bundles do.
        const dir = join(resolve(deps.appDataDir), EXPORTS_DIR);
        await mkdir(dir, { recursive: true });
        target = join(dir, name);
      }
      const { bytes } = await worker.run('packagePack', {
        libraryDir: library.dir,
        snapshot,
        slug: exhibition.slug,
        target,
      });
      return { displayPath: target, bytes };
    },
  };
}
