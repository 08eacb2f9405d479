import { join, markup, userText } from './html';
import type { ChapterView, ExhibitionView } from './model';
import { renderBlock } from './blocks';
import { chapterImage, chapterLead } from './chapter-summary';
import { frame } from './frame';
import {
  langAttrs,
  newCtx,
  picture,
  plainExcerpt,
  type RenderedFile,
  type RenderOptions,
} from './page-context';

export function chapterPage(
  view: ExhibitionView,
  chapter: ChapterView,
  options: RenderOptions,
): RenderedFile {
  const ctx = newCtx(view, options, '../');
  const s = ctx.s;
  const index = view.chapters.indexOf(chapter);
  const prev = view.chapters[index - 1];
  const next = view.chapters[index + 1];
  const pager = markup`<nav class="pager" aria-label="${s.pager}">${
    prev
      ? markup`<a rel="prev" href="${prev.file}"><span class="pager-label">${s.previous}</span> <span${langAttrs(ctx, prev.title)}>${userText(prev.title.text)}</span></a>`
      : ''
  }${
    next
      ? markup`<a rel="next" href="${next.file}"><span class="pager-label">${s.next}</span> <span${langAttrs(ctx, next.title)}>${userText(next.title.text)}</span></a>`
      : ''
  }</nav>`;
  const lead = chapterLead(chapter);
  const description = lead ? plainExcerpt(lead.text) : '';
  const firstImage = chapterImage(chapter);
  // The hero repeats the chapter's first picture as decoration (alt=""): the item itself, with
  // its caption and credit, follows in the text.
  const hero = firstImage
    ? markup`<div class="chapter-hero-image">${picture(ctx, firstImage, '', '100vw')}</div>`
    : markup``;
  const position = s.chapterOf
    .replace('{n}', String(index + 1))
    .replace('{total}', String(view.chapters.length));
  // Where the reader is: "Chapter 2 of 5" above the title and a bar along the top edge that
  // fills as the page scrolls (a CSS scroll timeline; without support it simply stays hidden).
  const header = markup`<header class="chapter-hero${firstImage ? ' has-image' : ''}"><div class="chapter-hero-text"><p class="kicker">${position}</p><h1${langAttrs(ctx, chapter.title)}>${userText(chapter.title.text)}</h1></div>${hero}</header><div class="reading-progress" aria-hidden="true"></div>`;
  // After the hero, whose picture is the page's first (eager, high priority).
  const blocks = chapter.blocks.map((b) => renderBlock(ctx, b));
  return {
    path: `${view.lang}/${chapter.file}`,
    content: frame(ctx, {
      kind: 'chapter',
      file: chapter.file,
      title: chapter.title.text,
      description: description || plainExcerpt(`${chapter.title.text} – ${view.title.text}`),
      chapter,
      main: markup`<article class="chapter" data-chapter="${chapter.number}">${header}
${join(blocks, '\n')}
</article>
${pager}`,
      ogImage: firstImage ?? view.cover?.image ?? null,
    }),
  };
}
