import { languageName, textDirection } from '../../domain/language';
import type { MediaAsset } from '../../domain/media';
import { markup, type Html } from '../html';
import type { ChapterView, ExhibitionView, LocalText } from '../model';
import type { UiStrings } from '../strings';

/**
 * The touch-first parts of kiosk pages (issue 13 §2): the bottom bar with Home, Back and the
 * languages, and the chapter tiles of the start page. Everything a visitor can touch is a large
 * block (at least 64×64 CSS px, see the kiosk part of vitrine.css), never a text link: a kiosk is
 * used standing, at arm's length, often with a whole hand.
 */

/** What the page frame knows and these parts need; pages.ts keeps its helpers to itself. */
export interface KioskFrameInput {
  view: ExhibitionView;
  s: UiStrings;
  kind: string;
  /** This page's file name in another language (a chapter's file name differs per language). */
  fileIn: (lang: string) => string;
  file: string;
  chapter?: ChapterView;
}

// Icons drawn inline (no request, no font); hidden from assistive technology, the label speaks.
const HOME_ICON = markup`<svg class="kiosk-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"></path></svg>`;
const BACK_ICON = markup`<svg class="kiosk-icon kiosk-icon-back" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M14.5 5 7.5 12l7 7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"></path></svg>`;
const SEARCH_ICON = markup`<svg class="kiosk-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="10.5" cy="10.5" r="6" fill="none" stroke="currentColor" stroke-width="2.2"></circle><path d="m15 15 5.5 5.5" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"></path></svg>`;

/**
 * Where Back leads without script: the previous chapter, or the start page. The runtime
 * (renderer/bundle/kiosk.ts) goes back in the visit's history instead when there is one.
 */
function backTarget(input: KioskFrameInput): string {
  const chapters = input.view.chapters;
  const index = input.chapter ? chapters.findIndex((c) => c.id === input.chapter!.id) : -1;
  return index > 0 ? chapters[index - 1]!.file : 'index.html';
}

/** The fixed bottom bar: Home, Back (not on the start page), search if enabled, languages. */
export function kioskBar(input: KioskFrameInput): Html {
  const { view, s } = input;
  const onStart = input.kind === 'start';
  const actions: Html[] = [
    markup`<li><a class="kiosk-button kiosk-home" href="index.html"${onStart ? markup` aria-current="page"` : ''}>${HOME_ICON}<span>${s.start}</span></a></li>`,
  ];
  if (!onStart)
    actions.push(
      markup`<li><a class="kiosk-button kiosk-back" href="${backTarget(input)}" data-back="">${BACK_ICON}<span>${s.back}</span></a></li>`,
    );
  if (view.kioskSearch)
    actions.push(
      markup`<li><a class="kiosk-button kiosk-search" href="search.html"${input.kind === 'search' ? markup` aria-current="page"` : ''}>${SEARCH_ICON}<span>${s.search}</span></a></li>`,
    );
  const languages =
    view.languages.length > 1
      ? markup`<ul class="kiosk-languages" aria-label="${s.languages}">${view.languages.map(
          (l) =>
            // Each language is named in its own script and marked as such for screen readers.
            markup`<li><a class="kiosk-button kiosk-language" href="${l === view.lang ? input.file : `../${l}/${input.fileIn(l)}`}" hreflang="${l}" lang="${l}"${
              textDirection(l) !== view.dir ? markup` dir="${textDirection(l)}"` : ''
            }${l === view.lang ? markup` aria-current="true"` : ''}>${languageName(l)}</a></li>`,
        )}</ul>`
      : markup``;
  return markup`<nav class="kiosk-bar" aria-label="${s.kioskNav}"><ul class="kiosk-actions">${actions}</ul>${languages}</nav>`;
}

/** The first picture a chapter shows: its tile image. */
export function chapterImage(chapter: ChapterView): MediaAsset | undefined {
  for (const block of chapter.blocks) {
    if (block.type === 'item' && block.item.image) return block.item.image;
    if (block.type === 'gallery') {
      const found = block.items.find((i) => i.image)?.image;
      if (found) return found;
    }
    if (block.type === 'comparison' && block.before.item.image) return block.before.item.image;
  }
  return undefined;
}

/**
 * The start page's chapter tiles: picture, number and title in one large target each. The
 * picture is decorative here (alt=""), the link's name is the chapter's number and title.
 */
export function kioskTiles(
  chapters: ChapterView[],
  s: UiStrings,
  helpers: {
    picture: (asset: MediaAsset) => Html;
    title: (t: LocalText) => Html;
  },
): Html {
  return markup`<section class="kiosk-toc" aria-labelledby="toc-title"><h2 id="toc-title" class="visually-hidden">${s.chapters}</h2><ol class="kiosk-tiles">${chapters.map(
    (c) => {
      const image = chapterImage(c);
      return markup`<li><a class="kiosk-tile" href="${c.file}"><span class="tile-image">${
        image ? helpers.picture(image) : ''
      }</span><span class="tile-text"><span class="number">${c.number}</span> <span class="chapter-title">${helpers.title(c.title)}</span></span></a></li>`;
    },
  )}</ol></section>`;
}

/** The start page's opening in a kiosk: the title over the cover and one large start button. */
export function kioskHero(input: {
  cover: Html;
  /** The page's <h1>, built by the caller with the title's language attributes. */
  heading: Html;
  subtitle: Html;
  begin: { href: string; label: string } | null;
}): Html {
  return markup`<div class="kiosk-hero">${input.cover}<div class="kiosk-hero-text">${input.heading}${input.subtitle}${
    input.begin
      ? markup`<p class="begin"><a class="kiosk-button kiosk-begin" href="${input.begin.href}">${input.begin.label}</a></p>`
      : ''
  }</div></div>`;
}
