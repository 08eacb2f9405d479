import { docToPlainText } from '../domain/richtext';
import type { BlockView, ExhibitionView, ItemView } from './model';

export { SEARCH_GLOBAL, SEARCH_OPTIONS } from './search-options';

export interface SearchDocument {
  id: string;
  title: string;
  text: string;
  /** Relative to the language folder. */
  url: string;
  excerpt: string;
}

function itemText(item: ItemView): string {
  return [item.title.text, item.description?.text, item.creator, item.date, item.transcript?.text]
    .filter(Boolean)
    .join('\n');
}

function blockText(block: BlockView): string {
  switch (block.type) {
    case 'text':
      return docToPlainText(block.doc ?? undefined);
    case 'item':
      return [block.caption?.text, itemText(block.item)].filter(Boolean).join('\n');
    case 'gallery':
      return [block.title?.text, ...block.items.map((i) => i.title.text)]
        .filter(Boolean)
        .join('\n');
    case 'timeline':
      return [
        block.title?.text,
        ...block.events.flatMap((e) => [e.date, e.title.text, e.text?.text]),
      ]
        .filter(Boolean)
        .join('\n');
    case 'quote':
      return [block.text.text, block.attribution?.text].filter(Boolean).join('\n');
    case 'comparison':
      return [block.caption?.text, block.before.item.title.text, block.after.item.title.text]
        .filter(Boolean)
        .join('\n');
    case 'map':
      return [block.title?.text, ...block.places.map((p) => p.name.text)]
        .filter(Boolean)
        .join('\n');
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

/** Anchor of a block on its chapter page. */
export function blockAnchor(blockId: string): string {
  return `b-${blockId}`;
}

/** One document per chapter and one per item (pointing at the first place it is shown). */
export function searchDocuments(view: ExhibitionView): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const seen = new Set<string>();
  for (const chapter of view.chapters) {
    const text = chapter.blocks.map(blockText).join('\n');
    docs.push({
      id: `c-${chapter.id}`,
      title: chapter.title.text,
      text,
      url: chapter.file,
      excerpt: excerpt(text),
    });
    for (const block of chapter.blocks) {
      const items =
        block.type === 'item'
          ? [block.item]
          : block.type === 'gallery'
            ? block.items
            : block.type === 'comparison'
              ? [block.before.item, block.after.item]
              : block.type === 'quote' && block.item
                ? [block.item]
                : [];
      for (const item of items) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        const text = itemText(item);
        docs.push({
          id: `i-${item.id}`,
          title: item.title.text,
          text,
          url: `${chapter.file}#${blockAnchor(block.id)}`,
          excerpt: excerpt(item.description?.text ?? ''),
        });
      }
    }
  }
  return docs;
}
