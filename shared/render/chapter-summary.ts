import type { MediaAsset } from '../domain/media';
import type { ChapterView, LocalText } from './model';

/** The text of a chapter's first paragraph, flattened (the start page's card line, meta description). */
export function chapterLead(chapter: ChapterView): LocalText | null {
  const firstText = chapter.blocks.find((b) => b.type === 'text');
  if (!firstText || firstText.type !== 'text') return null;
  const paragraph = (firstText.doc?.content ?? []).find(
    (n) => 'content' in n && n.type === 'paragraph' && n.content?.length,
  );
  const inline = paragraph && 'content' in paragraph ? (paragraph.content ?? []) : [];
  const text = inline
    .map((i) => (i.type === 'text' ? i.text : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? { text, lang: firstText.lang } : null;
}

/**
 * The picture that stands for a chapter (its card on the start page, its hero): the first image
 * of an item, gallery or comparison block.
 */
export function chapterImage(chapter: ChapterView): MediaAsset | null {
  for (const b of chapter.blocks) {
    const items =
      b.type === 'item'
        ? [b.item]
        : b.type === 'gallery'
          ? b.items
          : b.type === 'comparison'
            ? [b.before.item, b.after.item]
            : [];
    const image = items.find((i) => i.image)?.image;
    if (image) return image;
  }
  return null;
}
