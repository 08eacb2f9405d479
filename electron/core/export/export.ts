import { constants } from 'node:fs';
import type * as VerifyPages from './verify-pages';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Problem } from '../../../shared/check';
import type { LibrarySnapshot } from '../../../shared/domain/library';
import type { MediaAsset } from '../../../shared/domain/media';
import { mediaPath } from '../../../shared/domain/media';
import { AppError } from '../../../shared/errors';
import { diskWriteError, errnoOf } from '../library/disk-errors';
import { faultPoint } from '../library/fs-atomic';
import {
  bundleAssetUrl,
  derivativePath,
  derivativeWidths,
  originalPath,
} from '../../../shared/render/assets';
import {
  buildExhibitionView,
  findExhibition,
  type ExhibitionView,
} from '../../../shared/render/model';
import {
  renderLanguagePages,
  renderNotFound,
  renderRootIndex,
  renderSitemap,
  type RenderOptions,
  type RenderedFile,
} from '../../../shared/render/pages';
import { readLibrarySnapshot } from '../library';
import { resolveMediaFile } from '../media';
import {
  makeDerivatives,
  orientedSize,
  type DerivativeJob,
  type DerivativeStats,
} from './derivatives';
import { createMapGeometry } from '../../../shared/render/map-geometry';
import { qrSvg } from '../../../shared/render/qr';
import {
  fontSource,
  runtimeScript,
  runtimeStylesheet,
  ZOOM_VIEWER,
  zoomViewerScript,
} from './runtime';
import { BUNDLE_FONTS, fontFaceCss, fontPath } from '../../../shared/render/fonts';
import { searchIndexScript } from './search-index';
import { checkSnapshotForExport, exportBlocked } from './check';
import { checkTarget, commitTarget, makeTempDir, safeJoin } from './target';
import { listFiles, writeZip } from './zip';
import { iiifImages, writeIiif } from './iiif';
import { renderLegalPages, type ExportVerification } from '../../../shared/render/legal';
import { exportDate, VITRINE_VERSION } from './verification';
import { openDataFor, writeOpenData } from './open-data';

export type ExportMode = 'web' | 'kiosk';
export type ExportPhase = 'prepare' | 'images' | 'files' | 'pages' | 'zip' | 'commit' | 'done';

export interface ExportProgress {
  phase: ExportPhase;
  done: number;
  total: number;
  /** What is being worked on, for people (a file or page name). */
  current?: string;
}

export interface ExportOptions {
  /** The library folder: media files are read from here and derivatives cached in `cache/`. */
  libraryDir: string;
  /** The library content; read from `libraryDir` when omitted. */
  snapshot?: LibrarySnapshot;
  /** Exhibition id or slug. */
  exhibition: string;
  mode: ExportMode;
  /** Subset of the exhibition's languages; all of them when omitted. */
  languages?: string[];
  /** Folder to create (or, with `zip`, the .zip file to write). */
  outDir: string;
  baseUrl?: string;
  /** Web mode with a base URL: also write IIIF manifests, a collection and zoom tiles (iiif.ts). */
  iiif?: boolean;
  /** Kiosk idle time; defaults to the exhibition's setting. Any positive number (tests use 2). */
  idleSeconds?: number;
  zip?: boolean;
  /**
   * Day written into the accessibility statement (`YYYY-MM-DD`); defaults to
   * `SOURCE_DATE_EPOCH` when set (reproducible builds), else today (UTC).
   */
  date?: string;
  /**
   * Web mode: check the exported pages with axe-core (in jsdom, no browser) and, when Java and
   * the Nu Html Checker are on this machine, with Nu, and write what they found into the
   * accessibility statement. Off unless asked: it adds seconds per language (see the bench).
   */
  verify?: boolean;
  /** Replace a non-empty target (only at the very end, after everything else succeeded). */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ExportResult {
  /** The folder or zip file written. */
  outPath: string;
  files: number;
  bytes: number;
  pages: number;
  derivatives: DerivativeStats;
  languages: string[];
  /** The pre-publication check's warnings (errors would have blocked the export). */
  warnings: Problem[];
  /** Its notes (severity info), e.g. languages whose fixed page text falls back to English. */
  notes: Problem[];
  /** What the export verified and wrote into the accessibility statement (web mode). */
  verification?: ExportVerification;
}

function invalid(de: string, en: string): AppError {
  return new AppError('INVALID_INPUT', { de, en });
}

/**
 * The export's own checker (axe-core in jsdom, Nu) is loaded only when asked for. The built main
 * and worker load it from a separate bundle beside them (electron/build.mjs), which the desktop
 * package leaves out with jsdom: there it is the CLI's `vitrine export --verify`.
 */
async function loadVerifier(): Promise<typeof VerifyPages> {
  try {
    return await import('./verify-pages');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new AppError('INVALID_INPUT', {
      de: 'Die Prüfung der Seiten beim Export (axe, Nu) gibt es in dieser Installation nicht. Exportieren Sie ohne Prüfung oder mit der Kommandozeile: vitrine export --verify.',
      en: 'Checking the pages at export (axe, Nu) is not available in this installation. Export without the check, or use the command line: vitrine export --verify.',
    });
  }
}

function cancelled(): AppError {
  return new AppError('CANCELLED', { de: 'Export abgebrochen.', en: 'Export cancelled.' });
}

/**
 * Runs `work` over `items`, `limit` at a time. On the first failure (or cancel) no new work
 * starts, but work already running is awaited, so nothing writes into the temp folder while
 * it is being removed.
 */
async function pool<T>(
  items: T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  let failure: unknown = null;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && failure === null) {
      if (signal?.aborted) {
        failure ??= cancelled();
        break;
      }
      const item = items[next++]!;
      try {
        await work(item);
      } catch (err) {
        failure ??= err;
      }
    }
  });
  await Promise.all(runners);
  if (failure !== null) throw failure;
}

/**
 * Exports one exhibition as a static bundle. Everything is written into a temporary folder next
 * to the target and renamed into place at the end: a failed or cancelled export leaves the target
 * exactly as it was. The same library and options give a byte-identical bundle.
 */
export async function exportExhibition(options: ExportOptions): Promise<ExportResult> {
  try {
    return await exportUnchecked(options);
  } catch (error) {
    // A system error (disk full, I/O error, no permission) is told as such, with what to do; the
    // temp folder is gone and a previous export at the target was never touched.
    if (!errnoOf(error)) throw error;
    throw diskWriteError(
      error,
      { de: 'Der Export konnte nicht geschrieben werden', en: 'The export could not be written' },
      {
        unchanged: {
          de: 'Ein vorhandener Export am Ziel ist unverändert.',
          en: 'An existing export at the target is unchanged.',
        },
      },
    );
  }
}

async function exportUnchecked(options: ExportOptions): Promise<ExportResult> {
  const { signal } = options;
  const report = (p: ExportProgress) => options.onProgress?.(p);
  const check = () => {
    if (signal?.aborted) throw cancelled();
  };
  check();
  if (options.mode !== 'web' && options.mode !== 'kiosk')
    throw invalid(
      `Unbekannter Modus „${String(options.mode)}“ (web oder kiosk).`,
      `Unknown mode “${String(options.mode)}” (web or kiosk).`,
    );
  if (options.baseUrl !== undefined && !/^https?:\/\/[^\s"<>]+$/i.test(options.baseUrl))
    throw invalid(
      'Die Basis-URL muss mit http:// oder https:// beginnen.',
      'The base URL must start with http:// or https://.',
    );
  if (
    options.idleSeconds !== undefined &&
    !(options.idleSeconds > 0 && options.idleSeconds <= 3600)
  )
    throw invalid(
      'Die Leerlaufzeit muss zwischen 1 und 3600 Sekunden liegen.',
      'The idle time must be between 1 and 3600 seconds.',
    );

  const zip = Boolean(options.zip);
  const force = Boolean(options.force);
  const target =
    zip && !options.outDir.toLowerCase().endsWith('.zip')
      ? `${options.outDir}.zip`
      : options.outDir;
  await checkTarget(target, { force, zip, protect: [options.libraryDir] });
  report({ phase: 'prepare', done: 0, total: 1 });

  const snapshot = options.snapshot ?? (await readLibrarySnapshot(options.libraryDir));
  const exhibition = findExhibition(snapshot, options.exhibition);
  const checked = checkSnapshotForExport(snapshot, options.libraryDir, exhibition.id, options.mode);
  if (checked.errors.length) throw exportBlocked(checked);
  const languages = options.languages?.length
    ? [...new Set(options.languages)]
    : exhibition.languages;
  const unknown = languages.filter((l) => !exhibition.languages.includes(l));
  if (unknown.length)
    throw invalid(
      `Die Ausstellung hat keine Sprache ${unknown.join(', ')} (vorhanden: ${exhibition.languages.join(', ')}).`,
      `The exhibition has no language ${unknown.join(', ')} (available: ${exhibition.languages.join(', ')}).`,
    );
  // The default language comes first so the root page and idle reset use it.
  const ordered = exhibition.languages.filter((l) => languages.includes(l));
  const views: ExhibitionView[] = ordered.map((lang) =>
    buildExhibitionView(snapshot, {
      exhibition: exhibition.id,
      lang,
      mode: options.mode,
      languages: ordered,
      ...(options.idleSeconds !== undefined ? { idleSeconds: options.idleSeconds } : {}),
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
    }),
  );

  // Media used anywhere (the same in every language).
  const images = new Map<string, MediaAsset>();
  const originals = new Map<string, MediaAsset>();
  for (const view of views)
    for (const item of view.items) {
      if (item.image) images.set(item.image.sha256, item.image);
      if (item.file) originals.set(originalPath(item.file), item.file);
    }
  // The library's logo, the same in every view.
  const logo = views[0]?.logo?.image;
  if (logo) images.set(logo.sha256, logo);

  const temp = await makeTempDir(target);
  const tree = zip ? path.join(temp, 'bundle') : temp;
  try {
    await mkdir(tree, { recursive: true });
    const write = (rel: string): string => safeJoin(tree, rel);
    const ensureDir = async (rel: string) => mkdir(path.dirname(write(rel)), { recursive: true });
    const writeText = async (file: RenderedFile) => {
      await ensureDir(file.path);
      await faultPoint('write', write(file.path));
      await writeFile(write(file.path), file.content);
    };

    // Images: sizes first (needed for rendering), then derivatives, in parallel.
    const jobs: DerivativeJob[] = [];
    for (const asset of [...images.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1))) {
      const source = await resolveMediaFile(options.libraryDir, mediaPath(asset));
      jobs.push({ asset, source, size: await orientedSize(source) });
    }
    const sizes = new Map(jobs.map((j) => [j.asset.sha256, j.size]));
    const stats: DerivativeStats = { made: 0, reused: 0 };
    await mkdir(path.join(tree, 'media'), { recursive: true });
    let done = 0;
    const totalImages = jobs.length;
    report({ phase: 'images', done, total: totalImages });
    await pool(jobs, os.availableParallelism(), signal, async (job) => {
      await makeDerivatives(
        job,
        {
          libraryDir: options.libraryDir,
          write,
          relPath: (w, f) => derivativePath(job.asset.sha256, w, f),
        },
        stats,
      );
      report({
        phase: 'images',
        done: ++done,
        total: totalImages,
        current: job.asset.originalName,
      });
    });
    check();

    const files = [...originals.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    done = 0;
    for (const [rel, asset] of files) {
      check();
      const source = await resolveMediaFile(options.libraryDir, mediaPath(asset));
      await ensureDir(rel);
      await faultPoint('copy', write(rel));
      await copyFile(source, write(rel), constants.COPYFILE_FICLONE);
      report({ phase: 'files', done: ++done, total: files.length, current: asset.originalName });
    }

    let zoom = new Map<string, Record<string, unknown>>();
    if (options.iiif) {
      if (options.mode !== 'web' || !options.baseUrl)
        throw invalid(
          'IIIF braucht den Web-Modus und eine Basis-URL (ids müssen absolut sein).',
          'IIIF needs web mode and a base URL (ids must be absolute).',
        );
      ({ zoom } = await writeIiif({
        baseUrl: options.baseUrl,
        exhibition,
        languages: ordered,
        write,
        images: iiifImages(snapshot, views, jobs),
      }));
      check();
    }

    if (options.mode === 'web') {
      // Open data (issue 15 §2) of what this exhibition shows, with the largest JPEG of each image.
      const imageOf = new Map(views[0]!.items.map((i) => [i.id, i.image]));
      const dataBase = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, '')}/data/` : undefined;
      const files = openDataFor(snapshot, exhibition, {
        ...(dataBase ? { base: dataBase } : {}),
        lang: ordered[0]!,
        stylesheet: '../assets/vitrine.css',
        home: `../${ordered[0]!}/index.html`,
        imageUrl: (item) => {
          const image = imageOf.get(item.id);
          const size = image ? sizes.get(image.sha256) : undefined;
          if (!image || !size) return undefined;
          const widths = derivativeWidths(size.width);
          return `../${derivativePath(image.sha256, widths[widths.length - 1]!, 'jpeg')}`;
        },
      });
      await writeOpenData((rel) => write(`data/${rel}`), files);
      check();
    }

    const renderOptions: RenderOptions = {
      assetUrl: bundleAssetUrl,
      imageSize: (asset) => sizes.get(asset.sha256),
      mapGeometry: createMapGeometry(),
      qrSvg,
      ...(zoom.size ? { zoomInfo: (itemId: string) => zoom.get(itemId) } : {}),
    };
    const pages: RenderedFile[] = [];
    const verification: ExportVerification = {
      date: exportDate(options.date),
      version: VITRINE_VERSION,
      check: {
        errors: checked.errors.length,
        warnings: checked.warnings.length,
        contrast: checked.warnings.filter((w) => w.rule === 'theme-contrast').length,
      },
    };
    const web = options.mode === 'web';
    const verify = web && options.verify === true;
    for (const view of views) {
      pages.push(...renderLanguagePages(view, renderOptions));
      if (web) pages.push(...renderLegalPages(view, { ...renderOptions, verification }));
      // A kiosk without search (the default) carries no search index either.
      if (options.mode === 'web' || view.kioskSearch)
        pages.push({ path: `assets/search-${view.lang}.js`, content: searchIndexScript(view) });
    }
    pages.push(renderRootIndex(views, renderOptions));
    if (options.mode === 'web') {
      pages.push(renderNotFound(views[0]!, renderOptions));
      const sitemap = renderSitemap(views);
      if (sitemap) pages.push(sitemap);
    }
    pages.push({ path: 'assets/vitrine.js', content: await runtimeScript() });
    // The typeface's @font-face rules go first, with URLs relative to the stylesheet.
    pages.push({
      path: 'assets/vitrine.css',
      content: `${fontFaceCss()}\n${await runtimeStylesheet()}`,
    });
    for (const font of BUNDLE_FONTS) {
      await ensureDir(fontPath(font.file));
      await copyFile(fontSource(font.file), write(fontPath(font.file)));
    }
    // The deep-zoom viewer, fetched by the runtime only when a visitor asks for zoom.
    if (zoom.size) pages.push({ path: `assets/${ZOOM_VIEWER}`, content: await zoomViewerScript() });
    done = 0;
    for (const page of pages) {
      check();
      await writeText(page);
      report({ phase: 'pages', done: ++done, total: pages.length, current: page.path });
    }
    if (verify) {
      // Every HTML file of the bundle (open-data pages too), as written; the statement is still
      // without its results while it is checked.
      const html = (await listFiles(tree)).filter((rel) => rel.endsWith('.html')).sort();
      const contents: RenderedFile[] = [];
      for (const rel of html)
        contents.push({ path: rel, content: await readFile(write(rel), 'utf8') });
      const { axeOverPages, nuOverFiles } = await loadVerifier();
      verification.axe = await axeOverPages(contents, check);
      const nu = await nuOverFiles(html.map((rel) => write(rel)));
      if (nu) verification.nu = nu;
      check();
      // Only the statement changes: its results are entered now that the checks have run.
      for (const view of views)
        for (const page of renderLegalPages(view, { ...renderOptions, verification }))
          if (page.path.endsWith('/accessibility.html')) await writeText(page);
    }

    const written = await listFiles(tree);
    let bytes = 0;
    for (const rel of written) bytes += (await stat(path.join(tree, rel))).size;
    check();

    let staged = tree;
    if (zip) {
      report({ phase: 'zip', done: 0, total: written.length });
      staged = path.join(temp, 'bundle.zip');
      await faultPoint('write', staged);
      bytes = await writeZip(tree, staged, {
        check,
        onFile: (done, total) => report({ phase: 'zip', done, total }),
      });
    }
    check();
    report({ phase: 'commit', done: 0, total: 1 });
    await commitTarget(staged, target, { force, zip });
    report({ phase: 'done', done: 1, total: 1 });
    return {
      outPath: path.resolve(target),
      files: written.length,
      bytes,
      pages: pages.filter((p) => p.path.endsWith('.html')).length,
      derivatives: stats,
      languages: ordered,
      warnings: checked.warnings,
      notes: checked.infos,
      ...(web ? { verification } : {}),
    };
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}
