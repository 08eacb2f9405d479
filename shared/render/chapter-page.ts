import { join, markup, userText } from './html';
import type { ChapterView, ExhibitionView } from './model';
import { renderBlock } from './blocks';
import { frame } from './frame';
import {
  langAttrs,
  newCtx,
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
      main: markup`<article class="chapter"><h1${langAttrs(ctx, chapter.title)}>${userText(chapter.title.text)}</h1>
${join(blocks, '\n')}
</article>
${pager}`,
      ogImage: firstImage ?? view.cover?.image ?? null,
    }),
  };
}
