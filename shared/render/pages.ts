import { languageName, textDirection } from '../domain/language';
import type { MediaAsset } from '../domain/media';
import {
  bundleAssetUrl,
  derivativeHeight,
  derivativeWidths,
  formatBytes,
  type AssetRef,
  type AssetUrl,
  type ImageFormat,
} from './assets';
import { join, markup, trusted, userText, type Html, type Interpolation } from './html';
import {
  HOME_PLACE,
  type BlockView,
  type ChapterView,
  type ExhibitionView,
  type ItemView,
  type LocalText,
  type MapPlace,
} from './model';
import { renderRichText, richTextLinks } from './richtext';
import { blockAnchor } from './search';
import { easyStartSection } from './easy-start';
import { LEGAL_PAGES, type LegalPageKind } from './legal-files';
import { pluralText, uiStrings, type UiStrings } from './strings';
import { kioskBar, kioskHero, kioskTiles } from './kiosk/parts';

/** Map geometry made outside `shared` (the exporter projects bundled outlines with d3-geo). */
export interface MapGeometry {
  width: number;
  height: number;
  /** SVG path data of the country outlines, already projected. */
  outline: string;
  /** Projected positions, in the order of the places given. */
  points: Array<{ x: number; y: number }>;
  home: { x: number; y: number } | null;
}

export interface RenderOptions {
  assetUrl?: AssetUrl;
  /** Displayed size of an image after orientation; defaults to the asset's stored size. */
  imageSize?: (asset: MediaAsset) => { width: number; height: number } | undefined;
  mapGeometry?: (places: MapPlace[], home: { lat: number; lon: number }) => MapGeometry;
  /** SVG markup of a QR code for `url` (kiosk pages turn links to the web into QR codes). */
  qrSvg?: (url: string) => string;
  /**
   * The IIIF `info.json` of an item's level-0 image service (`iiif/ID/image/`), when it has one:
   * the page then offers deep zoom and carries the info inline, because browsers refuse to
   * fetch it from file://.
   */
  zoomInfo?: (itemId: string) => Record<string, unknown> | undefined;
}

export interface RenderedFile {
  /** Bundle-relative path, e.g. `de/01-anfaenge.html`. */
  path: string;
  content: string;
}

type PageKind = 'start' | 'chapter' | 'credits' | 'search' | LegalPageKind;

interface Ctx {
  view: ExhibitionView;
  s: UiStrings;
  options: RenderOptions;
  /** `../` for pages inside a language folder, '' at the root. */
  up: string;
  images: number;
  /** External addresses met on a kiosk page, shown as QR codes. */
  qr: string[];
}

const kiosk = (ctx: Ctx) => ctx.view.mode === 'kiosk';

function url(ctx: Ctx, ref: AssetRef): string {
  const value = (ctx.options.assetUrl ?? bundleAssetUrl)(ref);
  return /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/') ? value : ctx.up + value;
}

/** `lang`/`dir` attributes when a text is not in the page's language (it fell back). */
function langAttrs(ctx: Ctx, t: LocalText | null | undefined): Html {
  if (!t || t.lang === ctx.view.lang) return markup``;
  const dir = textDirection(t.lang);
  return dir !== ctx.view.dir ? markup` lang="${t.lang}" dir="${dir}"` : markup` lang="${t.lang}"`;
}

function text(ctx: Ctx, t: LocalText | null | undefined): Html {
  if (!t) return markup``;
  return t.lang === ctx.view.lang
    ? userText(t.text)
    : markup`<span${langAttrs(ctx, t)}>${userText(t.text)}</span>`;
}

/** Plain text with blank lines as paragraph breaks and single newlines as <br>. */
function paragraphs(ctx: Ctx, t: LocalText | null | undefined, cls = ''): Html {
  if (!t) return markup``;
  const paras = t.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return join(
    paras.map(
      (p) =>
        markup`<p${cls ? markup` class="${cls}"` : ''}${langAttrs(ctx, t)}>${join(
          p.split('\n').map((line) => userText(line)),
          '<br>',
        )}</p>`,
    ),
  );
}

function imageSize(ctx: Ctx, asset: MediaAsset) {
  const size = ctx.options.imageSize?.(asset);
  if (size) return size;
  return asset.width && asset.height ? { width: asset.width, height: asset.height } : null;
}

const FORMAT_TYPES: Array<[ImageFormat, string]> = [
  ['avif', 'image/avif'],
  ['webp', 'image/webp'],
];

/** <picture> with AVIF, WebP and JPEG; the first picture of a page loads eagerly. */
function picture(
  ctx: Ctx,
  asset: MediaAsset,
  alt: string,
  sizes: string,
  opts: { eager?: boolean } = {},
): Html {
  const size = imageSize(ctx, asset);
  if (!size) return markup``;
  const widths = derivativeWidths(size.width);
  const srcset = (format: ImageFormat) =>
    widths
      .map((w) => `${url(ctx, { type: 'image', sha256: asset.sha256, width: w, format })} ${w}w`)
      .join(', ');
  const fallbackWidth = widths.find((w) => w >= 960) ?? widths[widths.length - 1]!;
  const first = ctx.images === 0 || opts.eager;
  ctx.images++;
  return markup`<picture>${FORMAT_TYPES.map(
    ([format, type]) => markup`<source type="${type}" srcset="${srcset(format)}" sizes="${sizes}">`,
  )}<img src="${url(ctx, { type: 'image', sha256: asset.sha256, width: fallbackWidth, format: 'jpeg' })}" srcset="${srcset('jpeg')}" sizes="${sizes}" width="${fallbackWidth}" height="${derivativeHeight(fallbackWidth, size)}" alt="${alt}"${first ? markup` fetchpriority="high"` : markup` loading="lazy"`} decoding="async"></picture>`;
}

function largestJpeg(ctx: Ctx, asset: MediaAsset): string | null {
  const size = imageSize(ctx, asset);
  if (!size) return null;
  const widths = derivativeWidths(size.width);
  return url(ctx, {
    type: 'image',
    sha256: asset.sha256,
    width: widths[widths.length - 1]!,
    format: 'jpeg',
  });
}

function creditLine(ctx: Ctx, item: ItemView): Html {
  const parts: Interpolation[] = [];
  if (item.rights?.creditLine) parts.push(text(ctx, item.rights.creditLine));
  else if (item.creator) parts.push(userText(item.creator));
  if (item.rights) parts.push(markup`${item.rights.label}`);
  return parts.length ? markup`<p class="credit">${join(parts, ' · ')}</p>` : markup``;
}

/** The media part of an item: picture, player or document link. */
function media(ctx: Ctx, item: ItemView, sizes: string): Html {
  const s = ctx.s;
  if (item.image) {
    const alt = item.alt?.text ?? item.title.text;
    const pic = picture(ctx, item.image, alt, sizes);
    const big = largestJpeg(ctx, item.image);
    const linked = big
      ? markup`<a class="lightbox" href="${big}" data-lightbox="">${pic}<span class="visually-hidden"> (${s.enlarge})</span></a>`
      : pic;
    return markup`${linked}${zoomButton(ctx, item)}`;
  }
  const file = item.file;
  if (!file) return markup``;
  const src = url(ctx, { type: 'original', asset: file });
  const transcript = item.transcript
    ? markup`<details class="transcript"><summary>${s.transcript}</summary>${paragraphs(ctx, item.transcript)}</details>`
    : markup``;
  // Fallback links for browsers without <audio>/<video>; a kiosk's browser has both, and a
  // kiosk shows no text links.
  const fallback = kiosk(ctx) ? markup`` : markup`<a href="${src}">${s.download}</a>`;
  if (file.kind === 'audio')
    return markup`<audio controls preload="none" src="${src}">${fallback}</audio>${transcript}`;
  if (file.kind === 'video') {
    const dims =
      file.width && file.height ? markup` width="${file.width}" height="${file.height}"` : markup``;
    return markup`<video controls preload="metadata" src="${src}"${dims}>${fallback}</video>${transcript}`;
  }
  const type = file.ext.toUpperCase();
  return markup`<p class="document"><a${kiosk(ctx) ? markup` class="kiosk-button"` : ''} href="${src}" type="${file.mime}">${userText(item.title.text)}</a> <span class="filesize">(${type}, ${formatBytes(file.bytes, ctx.view.lang)})</span></p>`;
}

/**
 * The deep-zoom button, hidden until the runtime shows it (it does nothing without script). The
 * image service's info travels in an attribute; `data-zoom-tiles` is where its tiles are,
 * relative to the page, so the viewer never asks the published base URL while run locally.
 */
function zoomButton(ctx: Ctx, item: ItemView): Html {
  const info = ctx.view.mode === 'web' ? ctx.options.zoomInfo?.(item.id) : undefined;
  if (!info) return markup``;
  const s = ctx.s;
  return markup`<button type="button" class="zoom-button" hidden data-zoom="${JSON.stringify(info)}" data-zoom-tiles="${ctx.up}iiif/${item.id}/image" data-zoom-in="${s.zoomIn}" data-zoom-out="${s.zoomOut}">${s.zoom}</button>`;
}

function itemFigure(
  ctx: Ctx,
  item: ItemView,
  opts: { caption?: LocalText | null; sizes: string; id?: string; label?: Html },
): Html {
  const caption = opts.caption ?? null;
  const title = caption ? text(ctx, caption) : text(ctx, item.title);
  const idAttr = opts.id ? markup` id="${opts.id}"` : markup``;
  return markup`<figure class="item item-${item.kind}"${idAttr}>${media(ctx, item, opts.sizes)}<figcaption>${
    opts.label ? markup`<span class="label">${opts.label}</span> ` : ''
  }<span class="item-title">${title}</span>${item.date ? markup` <span class="date">${item.date}</span>` : ''}${
    item.description && !opts.label ? paragraphs(ctx, item.description, 'description') : ''
  }${creditLine(ctx, item)}</figcaption></figure>`;
}

function qrList(ctx: Ctx, urls: string[]): Html {
  if (!urls.length) return markup``;
  return markup`<ul class="qr-codes">${urls.map(
    (u) =>
      markup`<li><figure class="qr">${ctx.options.qrSvg ? trusted(ctx.options.qrSvg(u)) : ''}<figcaption><span class="visually-hidden">${ctx.s.qrHint}: </span>${u}</figcaption></figure></li>`,
  )}</ul>`;
}

function heading(ctx: Ctx, t: LocalText | null, fallback?: string): Html {
  if (t) return markup`<h2${langAttrs(ctx, t)}>${userText(t.text)}</h2>`;
  return fallback ? markup`<h2>${fallback}</h2>` : markup``;
}

const SIZES_WIDE = '(min-width: 62rem) 60rem, 100vw';
const SIZES_HALF = '(min-width: 62rem) 30rem, (min-width: 40rem) 50vw, 100vw';
const SIZES_GRID = '(min-width: 62rem) 20rem, (min-width: 40rem) 33vw, 50vw';
/** Kiosk start tiles: five across a landscape screen, two across a portrait one. */
const SIZES_TILE = '(orientation: portrait) 50vw, 20vw';

function mapFigure(ctx: Ctx, block: Extract<BlockView, { type: 'map' }>): Html {
  const s = ctx.s;
  const geometry = (ctx.options.mapGeometry ?? fallbackMapGeometry)(block.places, HOME_PLACE);
  const titleId = `${blockAnchor(block.id)}-title`;
  const label = block.title?.text ?? s.map;
  const dots = block.places.map((place, i) => {
    const p = geometry.points[i];
    if (!p) return markup``;
    return markup`<g class="place"><circle cx="${p.x}" cy="${p.y}" r="5"></circle><text x="${p.x + 8}" y="${p.y + 4}">${place.name.text}</text></g>`;
  });
  const home = geometry.home
    ? markup`<g class="place home"><circle cx="${geometry.home.x}" cy="${geometry.home.y}" r="7"></circle><text x="${geometry.home.x + 10}" y="${geometry.home.y - 8}">${s.home}</text></g>`
    : markup``;
  return markup`<figure class="map"><svg viewBox="0 0 ${geometry.width} ${geometry.height}" role="img" aria-labelledby="${titleId}" focusable="false"><title id="${titleId}">${label}</title><rect class="sea" width="${geometry.width}" height="${geometry.height}"></rect><path class="land" d="${geometry.outline}"></path>${home}${dots}</svg><figcaption><span class="visually-hidden">${s.mapPlaces}</span><ul class="places">${block.places.map(
    (p) =>
      markup`<li><span class="place-name"${langAttrs(ctx, p.name)}>${userText(p.name.text)}</span> <span class="country">(${p.country})</span>${
        p.since ? markup`, ${s.since} ${p.since}` : ''
      }</li>`,
  )}</ul></figcaption></figure>`;
}

/** Equirectangular fallback without outlines, for callers that bring no geometry (previews). */
export function fallbackMapGeometry(
  places: MapPlace[],
  home: { lat: number; lon: number },
): MapGeometry {
  const all = [...places, home];
  const lons = all.map((p) => p.lon);
  const lats = all.map((p) => p.lat);
  const minLon = Math.min(...lons) - 5;
  const maxLon = Math.max(...lons) + 5;
  const minLat = Math.min(...lats) - 5;
  const maxLat = Math.max(...lats) + 5;
  const width = 800;
  const height = Math.max(
    200,
    Math.round((width * (maxLat - minLat)) / Math.max(1, maxLon - minLon)),
  );
  const project = (p: { lat: number; lon: number }) => ({
    x: Math.round(((p.lon - minLon) / (maxLon - minLon)) * width * 10) / 10,
    y: Math.round(((maxLat - p.lat) / (maxLat - minLat)) * height * 10) / 10,
  });
  return { width, height, outline: '', points: places.map(project), home: project(home) };
}

function renderBlock(ctx: Ctx, block: BlockView): Html {
  const s = ctx.s;
  const id = blockAnchor(block.id);
  const open = (extra: Html | string = '') =>
    markup`<section class="block block-${block.type}" id="${id}" data-block="${block.id}"${extra}>`;
  switch (block.type) {
    case 'text': {
      const links: string[] = [];
      const body = renderRichText(block.doc ?? undefined, {
        link: kiosk(ctx)
          ? (href, content) => {
              if (!links.includes(href)) links.push(href);
              return markup`<span class="external">${content}</span>`;
            }
          : undefined,
      });
      const dir = textDirection(block.lang);
      const attrs =
        block.lang === ctx.view.lang
          ? markup``
          : dir !== ctx.view.dir
            ? markup` lang="${block.lang}" dir="${dir}"`
            : markup` lang="${block.lang}"`;
      return markup`${open(attrs)}${body}${kiosk(ctx) ? qrList(ctx, links) : ''}</section>`;
    }
    case 'item':
      return markup`${open()}${itemFigure(ctx, block.item, { caption: block.caption, sizes: SIZES_WIDE })}</section>`;
    case 'gallery':
      return markup`${open()}${heading(ctx, block.title)}<ul class="gallery">${block.items.map(
        (item) => markup`<li>${itemFigure(ctx, item, { sizes: SIZES_GRID })}</li>`,
      )}</ul></section>`;
    case 'timeline':
      return markup`${open()}${heading(ctx, block.title, s.timeline)}<ol class="timeline">${block.events.map(
        (e) =>
          markup`<li class="event${e.award ? ' award' : ''}">${
            e.datetime
              ? markup`<time datetime="${e.datetime}">${e.date}</time>`
              : markup`<span class="time">${e.date}</span>`
          }<h3${langAttrs(ctx, e.title)}>${userText(e.title.text)}</h3>${
            e.award
              ? markup`<p class="kind">${s.award}</p>`
              : e.place
                ? markup`<p class="kind">${text(ctx, e.place)}</p>`
                : ''
          }${paragraphs(ctx, e.text)}</li>`,
      )}</ol></section>`;
    case 'quote':
      return markup`${open()}<figure class="quote"><blockquote>${paragraphs(ctx, block.text)}</blockquote>${
        block.attribution || block.item
          ? markup`<figcaption>${block.attribution ? markup`<span class="attribution">${text(ctx, block.attribution)}</span>` : ''}${
              block.item ? markup` <cite>${text(ctx, block.item.title)}</cite>` : ''
            }</figcaption>`
          : ''
      }</figure></section>`;
    case 'comparison':
      return markup`${open()}<figure class="comparison"><div class="pair">${itemFigure(
        ctx,
        block.before.item,
        {
          sizes: SIZES_HALF,
          label: block.before.label ? text(ctx, block.before.label) : markup`${s.then}`,
        },
      )}${itemFigure(ctx, block.after.item, {
        sizes: SIZES_HALF,
        label: block.after.label ? text(ctx, block.after.label) : markup`${s.now}`,
      })}</div>${block.caption ? markup`<figcaption>${paragraphs(ctx, block.caption)}</figcaption>` : ''}</figure></section>`;
    case 'map':
      return markup`${open()}${heading(ctx, block.title, s.map)}${mapFigure(ctx, block)}</section>`;
  }
}

// ---------------------------------------------------------------------------------------------
// Page frame

function absolute(view: ExhibitionView, path: string): string | null {
  return view.baseUrl ? view.baseUrl + path : null;
}

function plainExcerpt(value: string | undefined, max = 200): string {
  const flat = (value ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

interface FrameInput {
  kind: PageKind;
  file: string;
  title: string;
  description: string;
  main: Html;
  chapter?: ChapterView;
  extraBody?: Html;
  ogImage?: MediaAsset | null;
}

function frame(ctx: Ctx, input: FrameInput): string {
  const { view, s } = ctx;
  const fullTitle =
    input.kind === 'start' ? view.title.text : `${input.title} – ${view.title.text}`;
  const here = `${view.lang}/${input.file}`;
  const canonical = absolute(view, here);
  // A chapter has a file name per language (from that language's title); other pages share one.
  const fileIn = (l: string) => input.chapter?.files[l] ?? input.file;
  const alternates = view.languages.map((l) => ({ lang: l, href: `../${l}/${fileIn(l)}` }));
  const web = view.mode === 'web';
  let og: Html = markup``;
  if (web) {
    const image = input.ogImage ? imageSize(ctx, input.ogImage) : null;
    const ogImageUrl =
      input.ogImage && image && view.baseUrl
        ? view.baseUrl +
          (ctx.options.assetUrl ?? bundleAssetUrl)({
            type: 'image',
            sha256: input.ogImage.sha256,
            width:
              derivativeWidths(image.width).find((w) => w >= 960) ??
              derivativeWidths(image.width).pop()!,
            format: 'jpeg',
          })
        : null;
    og = markup`
<meta property="og:type" content="website">
<meta property="og:title" content="${fullTitle}">
<meta property="og:description" content="${input.description}">
<meta property="og:locale" content="${view.lang.replace('-', '_')}">
<meta property="og:site_name" content="${view.title.text}">${
      canonical
        ? markup`
<meta property="og:url" content="${canonical}">
<link rel="canonical" href="${canonical}">`
        : ''
    }${
      ogImageUrl
        ? markup`
<meta property="og:image" content="${ogImageUrl}">`
        : ''
    }`;
  }
  // hreflang alternates need absolute URLs (relative ones are invalid for search engines), so
  // they are only written when the bundle has a public base URL.
  const hreflangs =
    view.languages.length > 1 && view.baseUrl
      ? join(
          alternates.map(
            (a) => markup`
<link rel="alternate" hreflang="${a.lang}" href="${`${view.baseUrl}${a.lang}/${fileIn(a.lang)}`}">`,
          ),
        )
      : markup``;
  // A kiosk reaches its chapters through the start page's tiles, the pager and swipes: no
  // row of small text links.
  const chapterNav =
    view.chapters.length && !kiosk(ctx)
      ? markup`<nav class="chapters" aria-label="${s.chapters}"><ol>${view.chapters.map(
          (c) =>
            markup`<li><a href="${c.file}"${input.chapter?.id === c.id ? markup` aria-current="page"` : ''}${langAttrs(ctx, c.title)}>${userText(c.title.text)}</a></li>`,
        )}</ol></nav>`
      : markup``;
  const languageNav =
    view.languages.length > 1
      ? markup`<nav class="languages" aria-label="${s.languages}"><ul>${view.languages.map((l) =>
          l === view.lang
            ? markup`<li><a href="${input.file}" hreflang="${l}" lang="${l}" aria-current="true">${languageName(l)}</a></li>`
            : markup`<li><a href="../${l}/${fileIn(l)}" hreflang="${l}" lang="${l}"${textDirection(l) !== view.dir ? markup` dir="${textDirection(l)}"` : ''}>${languageName(l)}</a></li>`,
        )}</ul></nav>`
      : markup``;
  const kioskParts = kiosk(ctx)
    ? markup`<div class="idle" hidden role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" data-idle-dialog=""><h2 id="idle-title">${s.idleTitle}</h2><p id="idle-text">${s.idleText} <span class="countdown" data-countdown=""></span></p><button type="button" data-stay="">${s.stay}</button></div>`
    : markup``;
  const home = `../${view.defaultLanguage}/index.html`;
  const accent = view.accentColor ? markup` style="--accent: ${view.accentColor}"` : markup``;
  // Web pages link the legal pages (legal.ts) from every footer; a kiosk has no way to a
  // browser, so it keeps the exhibition's own imprint inline as before.
  const legalNav = kiosk(ctx)
    ? view.imprint
      ? markup`<div class="imprint"><h2>${s.imprint}</h2>${paragraphs(ctx, view.imprint)}</div>`
      : markup``
    : markup`<nav class="legal" aria-label="${s.legal}"><ul>${LEGAL_PAGES.map(
        (page) =>
          markup`<li><a href="${page.file}"${input.file === page.file ? markup` aria-current="page"` : ''}>${s[page.title]}</a></li>`,
      )}</ul></nav>`;
  const creditsLink = kiosk(ctx)
    ? markup`<a class="kiosk-button" href="credits.html"${input.kind === 'credits' ? markup` aria-current="page"` : ''}>${s.credits}</a>`
    : markup`<a href="credits.html">${s.credits}</a>`;
  const footer = markup`<footer class="site-footer"><p>${creditsLink}${
    web
      ? markup` · <a href="search.html">${s.search}</a> · <a href="../data/index.html">${s.openData}</a>`
      : ''
  }</p>${legalNav}<p>${s.footer}</p></footer>`;
  return `<!DOCTYPE html>
${markup`<html lang="${view.lang}" dir="${view.dir}" class="mode-${view.mode}" data-mode="${view.mode}" data-theme="${view.theme}" data-lang="${view.lang}" data-home="${home}" data-idle="${view.idleSeconds}" data-close="${s.close}" data-previous-image="${s.previousImage}" data-next-image="${s.nextImage}"${accent}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${fullTitle}</title>
<meta name="description" content="${input.description}">${og}${hreflangs}
<link rel="stylesheet" href="${url(ctx, { type: 'stylesheet' })}">
<script src="${url(ctx, { type: 'script' })}" defer></script>
</head>
<body class="page-${input.kind}">
<a class="skip-link" href="#main">${s.skip}</a>
${
  kiosk(ctx)
    ? markup`<header class="site-header"><p class="site-title">${text(ctx, view.title)}</p></header>`
    : markup`<header class="site-header"><p class="site-title"><a href="index.html"${input.kind === 'start' ? markup` aria-current="page"` : ''}>${text(ctx, view.title)}</a></p>${languageNav}<p class="search-link"><a href="search.html"${input.kind === 'search' ? markup` aria-current="page"` : ''}>${s.search}</a></p></header>`
}
${chapterNav}
<main id="main">
${input.main}
</main>
${footer}
${kiosk(ctx) ? kioskBar({ view, s, kind: input.kind, file: input.file, fileIn, ...(input.chapter ? { chapter: input.chapter } : {}) }) : ''}${kioskParts}${input.extraBody ?? ''}
</body>
</html>
`}`;
}

function newCtx(view: ExhibitionView, options: RenderOptions, up: string): Ctx {
  return { view, s: uiStrings(view.lang), options, up, images: 0, qr: [] };
}

/**
 * A page of the language folder with the bundle's frame (header, navigation, footer) around
 * `main`; for pages rendered outside this module (legal.ts).
 */
export function renderFramedPage(
  view: ExhibitionView,
  options: RenderOptions,
  input: { kind: PageKind; file: string; title: string; description: string; main: Html },
): RenderedFile {
  const ctx = newCtx(view, options, '../');
  return { path: `${view.lang}/${input.file}`, content: frame(ctx, input) };
}

function startPage(view: ExhibitionView, options: RenderOptions): RenderedFile {
  const ctx = newCtx(view, options, '../');
  const s = ctx.s;
  const first = view.chapters[0];
  const cover = view.cover?.image
    ? markup`<div class="cover">${picture(ctx, view.cover.image, view.cover.alt?.text ?? view.cover.title.text, SIZES_WIDE)}</div>`
    : markup``;
  const heading = markup`<h1${langAttrs(ctx, view.title)}>${userText(view.title.text)}</h1>`;
  const subtitle = view.subtitle
    ? markup`<p class="subtitle"${langAttrs(ctx, view.subtitle)}>${userText(view.subtitle.text)}</p>`
    : markup``;
  const main = kiosk(ctx)
    ? markup`${kioskHero({ cover, heading, subtitle, begin: first ? { href: first.file, label: s.begin } : null })}
${kioskTiles(view.chapters, s, {
  picture: (asset) => picture(ctx, asset, '', SIZES_TILE),
  title: (t) => markup`<span${langAttrs(ctx, t)}>${userText(t.text)}</span>`,
})}`
    : markup`<div class="hero">${cover}${heading}${subtitle}${first ? markup`<p class="begin"><a class="button" href="${first.file}">${s.begin}</a></p>` : ''}</div>
<section class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${s.chapters}</h2><ol class="chapter-cards">${view.chapters.map(
        (c) =>
          markup`<li><a href="${c.file}"><span class="number">${c.number}</span> <span class="chapter-title"${langAttrs(ctx, c.title)}>${userText(c.title.text)}</span></a></li>`,
      )}</ol></section>${easyStartSection(view)}`;
  let extra: Html = markup``;
  if (view.mode === 'kiosk') {
    // The attract screen: highlights cross-fade behind "touch to start" in every language.
    const highlights: MediaAsset[] = [];
    const push = (a: MediaAsset | null | undefined) => {
      if (a && !highlights.some((h) => h.sha256 === a.sha256) && highlights.length < 6)
        highlights.push(a);
    };
    push(view.cover?.image);
    for (const chapter of view.chapters)
      for (const block of chapter.blocks) {
        if (block.type === 'item') push(block.item.image);
        if (block.type === 'gallery') block.items.forEach((i) => push(i.image));
      }
    extra = markup`<section class="attract" hidden data-attract="" aria-label="${view.title.text}"><div class="attract-slides">${highlights.map(
      (a, i) =>
        markup`<div class="slide${i === 0 ? ' is-active' : ''}">${picture(ctx, a, '', '100vw', { eager: false })}</div>`,
    )}</div><div class="attract-text"><p class="attract-title">${text(ctx, view.title)}</p><ul class="attract-start">${view.languages.map(
      (l) =>
        markup`<li><a class="attract-button" href="../${l}/index.html" hreflang="${l}" lang="${l}" dir="${textDirection(l)}" data-start="">${uiStrings(l).touchToStart}</a></li>`,
    )}</ul></div></section>`;
  }
  return {
    path: `${view.lang}/index.html`,
    content: frame(ctx, {
      kind: 'start',
      file: 'index.html',
      title: view.title.text,
      description: plainExcerpt(view.subtitle?.text ?? view.title.text),
      main,
      extraBody: extra,
      ogImage: view.cover?.image ?? null,
    }),
  };
}

function chapterPage(
  view: ExhibitionView,
  chapter: ChapterView,
  options: RenderOptions,
): RenderedFile {
  const ctx = newCtx(view, options, '../');
  const s = ctx.s;
  const index = view.chapters.indexOf(chapter);
  const prev = view.chapters[index - 1];
  const next = view.chapters[index + 1];
  const blocks = chapter.blocks.map((b) => renderBlock(ctx, b));
  const pager = markup`<nav class="pager" aria-label="${s.pager}">${
    prev
      ? markup`<a rel="prev" href="${prev.file}"><span class="pager-label">${s.previous}</span> <span${langAttrs(ctx, prev.title)}>${userText(prev.title.text)}</span></a>`
      : ''
  }${
    next
      ? markup`<a rel="next" href="${next.file}"><span class="pager-label">${s.next}</span> <span${langAttrs(ctx, next.title)}>${userText(next.title.text)}</span></a>`
      : ''
  }</nav>`;
  const firstText = chapter.blocks.find((b) => b.type === 'text');
  const description =
    firstText && firstText.type === 'text'
      ? plainExcerpt(
          (firstText.doc?.content ?? [])
            .flatMap((n) => ('content' in n && n.type === 'paragraph' ? (n.content ?? []) : []))
            .map((i) => (i.type === 'text' ? i.text : ' '))
            .join(''),
        )
      : '';
  const firstImage = chapter.blocks
    .flatMap((b) => (b.type === 'item' ? [b.item] : b.type === 'gallery' ? b.items : []))
    .find((i) => i.image)?.image;
  return {
    path: `${view.lang}/${chapter.file}`,
    content: frame(ctx, {
      kind: 'chapter',
      file: chapter.file,
      title: chapter.title.text,
      description: description || plainExcerpt(`${chapter.title.text} – ${view.title.text}`),
      chapter,
      main: markup`<article class="chapter" data-chapter="${chapter.number}"><h1${langAttrs(ctx, chapter.title)}>${userText(chapter.title.text)}</h1>
${join(blocks, '\n')}
</article>
${pager}`,
      ogImage: firstImage ?? view.cover?.image ?? null,
    }),
  };
}

function creditsPage(view: ExhibitionView, options: RenderOptions): RenderedFile {
  const ctx = newCtx(view, options, '../');
  const s = ctx.s;
  const statements = new Map<string, string>();
  const rows = view.items.map((item) => {
    const rights = item.rights;
    if (rights?.url) statements.set(rights.url, rights.label);
    const rightsHtml = rights
      ? kiosk(ctx) || !rights.url
        ? markup`${rights.label}`
        : markup`<a href="${rights.url}" rel="license noopener">${rights.label}</a>`
      : markup`${s.noRights}`;
    return markup`<li class="credit-entry"><h2 class="credit-title"${langAttrs(ctx, item.title)}>${userText(item.title.text)}</h2><dl>${
      item.creator ? markup`<dt>${s.creator}</dt><dd>${userText(item.creator)}</dd>` : ''
    }<dt>${s.rights}</dt><dd>${rightsHtml}</dd>${
      rights?.holder ? markup`<dt>${s.holder}</dt><dd>${userText(rights.holder)}</dd>` : ''
    }${rights?.creditLine ? markup`<dt>${s.credits}</dt><dd${langAttrs(ctx, rights.creditLine)}>${userText(rights.creditLine.text)}</dd>` : ''}${
      item.source ? markup`<dt>${s.source}</dt><dd>${userText(item.source)}</dd>` : ''
    }${item.archiveRef ? markup`<dt>${s.archiveRef}</dt><dd>${userText(item.archiveRef)}</dd>` : ''}</dl></li>`;
  });
  const licences =
    kiosk(ctx) && statements.size
      ? markup`<section class="licences" aria-labelledby="licences-title"><h2 id="licences-title">${s.licences}</h2><ul class="qr-codes">${[
          ...statements,
        ].map(
          ([u, label]) =>
            markup`<li><figure class="qr">${ctx.options.qrSvg ? trusted(ctx.options.qrSvg(u)) : ''}<figcaption>${label}<br><span class="url">${u}</span></figcaption></figure></li>`,
        )}</ul></section>`
      : markup``;
  return {
    path: `${view.lang}/credits.html`,
    content: frame(ctx, {
      kind: 'credits',
      file: 'credits.html',
      title: s.credits,
      description: s.creditsIntro,
      main: markup`<h1>${s.credits}</h1><p>${s.creditsIntro}</p><p class="count">${pluralText(view.lang, s.objects, view.items.length)}</p>${view.credits ? paragraphs(ctx, view.credits) : ''}<ul class="credit-list">${rows}</ul>${licences}`,
    }),
  };
}

function searchPage(view: ExhibitionView, options: RenderOptions): RenderedFile {
  const ctx = newCtx(view, options, '../');
  const s = ctx.s;
  return {
    path: `${view.lang}/search.html`,
    content: frame(ctx, {
      kind: 'search',
      file: 'search.html',
      title: s.search,
      description: `${s.search} – ${view.title.text}`,
      main: markup`<h1>${s.search}</h1><form class="search-form" role="search" action="search.html" method="get" data-search-index="${url(ctx, { type: 'search-index', lang: view.lang })}" data-none="${s.searchNone}" data-results="${s.searchResults}"><label for="search-q">${s.searchLabel}</label> <input id="search-q" name="q" type="search" autocomplete="off"${
        // On a kiosk the on-screen keyboard opens for this field: a search key, no
        // corrections or capitals forced on the visitor.
        kiosk(ctx)
          ? markup` inputmode="search" enterkeyhint="search" autocapitalize="off" autocorrect="off" spellcheck="false"`
          : ''
      }> <button type="submit">${s.searchButton}</button></form><p class="search-noscript" data-noscript="">${s.searchNoScript}</p><div class="search-results" aria-live="polite" data-search-results=""></div>`,
    }),
  };
}

function hasSearch(view: ExhibitionView): boolean {
  return view.mode !== 'kiosk' || view.kioskSearch === true;
}

/** Every page of one language: start, chapters, credits, search. */
export function renderLanguagePages(
  view: ExhibitionView,
  options: RenderOptions = {},
): RenderedFile[] {
  return [
    startPage(view, options),
    ...view.chapters.map((c) => chapterPage(view, c, options)),
    creditsPage(view, options),
    // A kiosk has a search page only when its exhibition's settings ask for one.
    ...(hasSearch(view) ? [searchPage(view, options)] : []),
  ];
}

/** Renders a single page by its file name inside the language folder (the in-app preview). */
export function renderPage(
  view: ExhibitionView,
  file: string,
  options: RenderOptions = {},
): string | null {
  if (file === 'index.html') return startPage(view, options).content;
  if (file === 'credits.html') return creditsPage(view, options).content;
  if (file === 'search.html') return hasSearch(view) ? searchPage(view, options).content : null;
  const chapter = view.chapters.find((c) => c.file === file);
  return chapter ? chapterPage(view, chapter, options).content : null;
}

/**
 * The bundle's entry page: a language choice. On a kiosk it forwards at once to the start page in
 * the default language, where the attract screen waits.
 */
export function renderRootIndex(
  views: ExhibitionView[],
  options: RenderOptions = {},
): RenderedFile {
  const main = views.find((v) => v.lang === v.defaultLanguage) ?? views[0]!;
  const ctx = newCtx(main, options, '');
  const kioskMode = main.mode === 'kiosk';
  const target = `${main.defaultLanguage}/index.html${kioskMode ? '#attract' : ''}`;
  const content = `<!DOCTYPE html>
${markup`<html lang="${main.lang}" dir="${main.dir}" class="mode-${main.mode}" data-mode="${main.mode}" data-theme="${main.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
${
  kioskMode
    ? markup`<meta http-equiv="refresh" content="0; url=${target}">
`
    : ''
}<title>${main.title.text}</title>
<meta name="description" content="${plainExcerpt(main.subtitle?.text ?? main.title.text)}">${
  main.baseUrl
    ? join(
        views.map(
          (v) => markup`
<link rel="alternate" hreflang="${v.lang}" href="${main.baseUrl}${v.lang}/index.html">`,
        ),
      )
    : ''
}
<link rel="stylesheet" href="${url(ctx, { type: 'stylesheet' })}">
</head>
<body class="page-root">
<main id="main" class="language-choice">
<h1>${text(ctx, main.title)}</h1>
<nav aria-label="${ctx.s.chooseLanguage}"><ul class="language-list">${views.map(
  (v) =>
    markup`<li><a class="button" href="${v.lang}/index.html" hreflang="${v.lang}" lang="${v.lang}" dir="${v.dir}">${languageName(v.lang)}: <span>${v.title.text}</span></a></li>`,
)}</ul></nav>
</main>
</body>
</html>
`}`;
  return { path: 'index.html', content };
}

/**
 * 404 page for static hosts. It is served at any depth, so it uses absolute links when a base
 * URL is known and otherwise links relative to the bundle root (correct for top-level misses).
 */
export function renderNotFound(view: ExhibitionView, options: RenderOptions = {}): RenderedFile {
  const ctx = newCtx(view, options, view.baseUrl ?? '');
  const s = ctx.s;
  const base = view.baseUrl ?? '';
  const content = `<!DOCTYPE html>
${markup`<html lang="${view.lang}" dir="${view.dir}" class="mode-web" data-mode="web" data-theme="${view.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${s.notFoundTitle} – ${view.title.text}</title>
<meta name="robots" content="noindex">
<style>body{font:1.1rem/1.6 system-ui,sans-serif;margin:0;padding:10vh 1.5rem;background:#fff;color:#1b1f23;text-align:center}a{color:#0a58a8}</style>
</head>
<body class="page-404">
<main id="main">
<h1>${s.notFoundTitle}</h1>
<p>${s.notFoundText}</p>
<p><a class="button" href="${base}${view.lang}/index.html">${s.backToStart}</a></p>
</main>
</body>
</html>
`}`;
  return { path: '404.html', content };
}

/** sitemap.xml with language alternates; only when a base URL is known. */
export function renderSitemap(views: ExhibitionView[]): RenderedFile | null {
  const base = views[0]?.baseUrl;
  if (!base) return null;
  // One entry per page and language; a chapter's file name differs between languages.
  const pages: Array<(v: ExhibitionView) => string> = [
    () => 'index.html',
    ...views[0]!.chapters.map((_, i) => (v: ExhibitionView) => v.chapters[i]!.file),
    () => 'credits.html',
  ];
  const entries = pages.flatMap((fileOf) =>
    views.map(
      (v) =>
        markup`  <url>
    <loc>${base}${v.lang}/${fileOf(v)}</loc>
${join(
  views.map(
    (alt) =>
      markup`    <xhtml:link rel="alternate" hreflang="${alt.lang}" href="${base}${alt.lang}/${fileOf(alt)}"/>`,
  ),
  '\n',
)}
  </url>`,
    ),
  );
  return {
    path: 'sitemap.xml',
    content: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${join(entries, '\n').value}
</urlset>
`,
  };
}

/** Every external address a kiosk page would link to (for tests and the pre-publication check). */
export function externalLinks(view: ExhibitionView): string[] {
  const out = new Set<string>();
  for (const c of view.chapters)
    for (const b of c.blocks)
      if (b.type === 'text') richTextLinks(b.doc ?? undefined).forEach((l) => out.add(l));
  return [...out];
}
