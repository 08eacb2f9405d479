import { textDirection } from '../domain/language';
import type { MediaAsset } from '../domain/media';
import { easyStartSection } from './easy-start';
import { frame } from './frame';
import { markup, userText, type Html } from './html';
import type { ChapterView, ExhibitionView } from './model';
import { chapterImage, chapterLead } from './chapter-summary';
import { SIZES_TILE } from './blocks';
import { kioskHero, kioskTiles } from './kiosk/parts';
import {
  kiosk,
  langAttrs,
  newCtx,
  picture,
  plainExcerpt,
  text,
  type Ctx,
  type RenderedFile,
  type RenderOptions,
} from './page-context';
import { uiStrings } from './strings';

const SIZES_HERO = '(min-width: 62rem) 44rem, 100vw';
const SIZES_CARD = '(min-width: 75rem) 18rem, (min-width: 40rem) 45vw, 100vw';

/** A chapter card: its picture, number, title and the first line of its text. */
function chapterCard(ctx: Ctx, c: ChapterView): Html {
  const image = chapterImage(c);
  const lead = chapterLead(c);
  return markup`<li><a class="card" href="${c.file}">${
    image
      ? markup`<span class="card-image">${picture(ctx, image, '', SIZES_CARD)}</span>`
      : markup`<span class="card-image is-empty"></span>`
  }<span class="card-body"><span class="number">${String(c.number).padStart(2, '0')}</span> <span class="chapter-title"${langAttrs(ctx, c.title)}>${userText(c.title.text)}</span>${
    lead
      ? markup`<span class="card-line"${langAttrs(ctx, lead)}>${plainExcerpt(lead.text, 110)}</span>`
      : ''
  }</span></a></li>`;
}

export function startPage(view: ExhibitionView, options: RenderOptions): RenderedFile {
  const ctx = newCtx(view, options, '../');
  const s = ctx.s;
  const first = view.chapters[0];
  // A band, not a wall: the cover sits beside the title (above it on a phone), so the title,
  // the start button and the first chapter cards share the first screen.
  const cover = view.cover?.image
    ? markup`<div class="cover">${picture(ctx, view.cover.image, view.cover.alt?.text ?? view.cover.title.text, SIZES_HERO)}</div>`
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
    : markup`<div class="hero${cover.value ? ' has-cover' : ''}"><div class="hero-text">${heading}${subtitle}${first ? markup`<p class="begin"><a class="button button-primary" href="${first.file}">${s.begin}</a></p>` : ''}</div>${cover}</div>
<section class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${s.chapters}</h2><ol class="chapter-cards">${view.chapters.map(
        (c) => chapterCard(ctx, c),
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
