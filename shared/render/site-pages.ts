import { languageName } from '../domain/language';
import { join, markup, trusted, userText } from './html';
import type { ExhibitionView } from './model';
import { chapterPage } from './chapter-page';
import { frame } from './frame';
import {
  kiosk,
  langAttrs,
  newCtx,
  paragraphs,
  plainExcerpt,
  text,
  url,
  type RenderedFile,
  type RenderOptions,
} from './page-context';
import { richTextLinks } from './richtext';
import { startPage } from './start-page';
import { pluralText } from './strings';

// The pages of a language folder besides start and chapters (credits, search), the bundle's root
// files (language choice, 404, sitemap) and the entry points the exporter and preview call.

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

/** Every page of one language: start, chapters, credits, search. */
function hasSearch(view: ExhibitionView): boolean {
  return view.mode !== 'kiosk' || view.kioskSearch === true;
}

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
