import {
  mediaPath,
  type Exhibition,
  type LibrarySnapshot,
  type MediaAsset,
} from '../../../../shared/domain';
import {
  buildExhibitionView,
  chapterFiles,
  renderPage,
  type AssetUrl,
  type RenderOptions,
} from '../../../../shared/render';
import { createMapGeometry } from '../../../../shared/render/map-geometry';
import { qrSvg } from '../../../../shared/render/qr';
import type { PreviewFrame } from '../editor/state';

/** Frame sizes in CSS pixels: what the page is laid out for before it is scaled into the pane. */
export const FRAME_SIZES: Record<PreviewFrame, { width: number; height: number }> = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
  'kiosk-landscape': { width: 1920, height: 1080 },
  'kiosk-portrait': { width: 1080, height: 1920 },
};

export interface PreviewInput {
  snapshot: LibrarySnapshot;
  /** The exhibition as edited (the draft), which replaces the saved one. */
  exhibition: Exhibition;
  lang: string;
  frame: PreviewFrame;
  /** `index.html`, `credits.html` or a chapter id. */
  page: string;
  mediaUrl(relPath: string): string;
  stylesheetUrl: string;
}

/**
 * The exporter's map and QR code makers, so the preview's maps have the bundle's outlines and a
 * kiosk frame shows the bundle's QR codes. One geometry cache for the session: the preview
 * re-renders on every edit, and projecting the outlines is the costly part.
 */
const mapGeometry = createMapGeometry();

/**
 * One page of the exhibition as the exporter renders it: the same `shared/render` code, only
 * with assets resolved to the library's own media (the originals; the exporter makes
 * derivatives) and no script, since the preview frame runs none.
 */
export function renderPreview(input: PreviewInput): string {
  const { snapshot, exhibition: x } = input;
  const assets = new Map<string, MediaAsset>();
  for (const item of snapshot.items)
    for (const asset of item.media) assets.set(asset.sha256, asset);
  const assetUrl: AssetUrl = (ref) => {
    switch (ref.type) {
      case 'image': {
        const asset = assets.get(ref.sha256);
        return asset ? input.mediaUrl(mediaPath(asset)) : 'data:,';
      }
      case 'original':
        return input.mediaUrl(mediaPath(ref.asset));
      case 'stylesheet':
        return input.stylesheetUrl;
      case 'script':
      case 'search-index':
      case 'font':
        return 'data:,';
    }
  };
  const withDraft: LibrarySnapshot = {
    ...snapshot,
    exhibitions: snapshot.exhibitions.some((e) => e.id === x.id)
      ? snapshot.exhibitions.map((e) => (e.id === x.id ? x : e))
      : [...snapshot.exhibitions, x],
  };
  const lang = x.languages.includes(input.lang) ? input.lang : x.defaultLanguage;
  const view = buildExhibitionView(withDraft, {
    exhibition: x.id,
    lang,
    mode: input.frame.startsWith('kiosk') ? 'kiosk' : 'web',
  });
  const index = x.chapters.findIndex((c) => c.id === input.page);
  // Chapter files are named from each language's titles, so look the file up in the page's own.
  const file = index >= 0 ? chapterFiles(x, lang)[index]! : input.page;
  const options: RenderOptions = { assetUrl, mapGeometry, qrSvg };
  const html = renderPage(view, file, options) ?? renderPage(view, 'index.html', options)!;
  // The frame runs no script: a script tag, or lazy loading (which Chromium ties to scripting),
  // would only make the sandbox complain in the console. Everything else is the exporter's page.
  return html.replace(NO_SCRIPT, '').replace(LAZY, '');
}

const NO_SCRIPT = /<script src="data:,"[^>]*><\/script>/g;
const LAZY = / loading="lazy"/g;
