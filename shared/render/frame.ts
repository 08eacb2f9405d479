import { languageName, textDirection } from '../domain/language';
import type { MediaAsset } from '../domain/media';
import { bundleAssetUrl, derivativeWidths } from './assets';
import { headerLogo } from './logo';
import { join, markup, userText, type Html } from './html';
import { kioskBar } from './kiosk/parts';
import { LEGAL_PAGES, type LegalPageKind } from './legal-files';
import type { ChapterView, ExhibitionView } from './model';
import {
  absolute,
  imageSize,
  kiosk,
  langAttrs,
  newCtx,
  paragraphs,
  text,
  url,
  type Ctx,
  type RenderedFile,
  type RenderOptions,
} from './page-context';

// The frame around every page of a language folder: head, header, navigation and footer.

export type PageKind = 'start' | 'chapter' | 'credits' | 'search' | LegalPageKind;

export interface FrameInput {
  kind: PageKind;
  file: string;
  title: string;
  description: string;
  main: Html;
  chapter?: ChapterView;
  extraBody?: Html;
  ogImage?: MediaAsset | null;
}

export function frame(ctx: Ctx, input: FrameInput): string {
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
  // No <link rel="preload"> for the typeface: a font preload must be a CORS request, and
  // Chromium refuses those from file:// (origin null), logging an error on every page. The
  // stylesheet's @font-face loads it in either case.
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
    ? markup`<header class="site-header"><p class="site-title">${headerLogo(ctx)}${text(ctx, view.title)}</p></header>`
    : markup`<header class="site-header"><p class="site-title"><a href="index.html"${input.kind === 'start' ? markup` aria-current="page"` : ''}>${headerLogo(ctx)}${text(ctx, view.title)}</a></p>${languageNav}<p class="search-link"><a href="search.html"${input.kind === 'search' ? markup` aria-current="page"` : ''}>${s.search}</a></p></header>`
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
