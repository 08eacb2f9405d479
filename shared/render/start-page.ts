import { textDirection } from '../domain/language';
import type { MediaAsset } from '../domain/media';
import { easyStartSection } from './easy-start';
import { frame } from './frame';
import { markup, userText, type Html } from './html';
import type { ExhibitionView } from './model';
import {
  langAttrs,
  newCtx,
  picture,
  plainExcerpt,
  text,
  type RenderedFile,
  type RenderOptions,
} from './page-context';
import { SIZES_WIDE } from './blocks';
import { uiStrings } from './strings';

export function startPage(view: ExhibitionView, options: RenderOptions): RenderedFile {
  const ctx = newCtx(view, options, '../');
  const s = ctx.s;
  const first = view.chapters[0];
  const cover = view.cover?.image
    ? markup`<div class="cover">${picture(ctx, view.cover.image, view.cover.alt?.text ?? view.cover.title.text, SIZES_WIDE)}</div>`
    : markup``;
  const main = markup`<div class="hero">${cover}<h1${langAttrs(ctx, view.title)}>${userText(view.title.text)}</h1>${
    view.subtitle
      ? markup`<p class="subtitle"${langAttrs(ctx, view.subtitle)}>${userText(view.subtitle.text)}</p>`
      : ''
  }${first ? markup`<p class="begin"><a class="button" href="${first.file}">${s.begin}</a></p>` : ''}</div>
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
        markup`<li><a href="../${l}/index.html" hreflang="${l}" lang="${l}" dir="${textDirection(l)}" data-start="">${uiStrings(l).touchToStart}</a></li>`,
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
