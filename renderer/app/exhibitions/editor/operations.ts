import {
  slugify,
  type Block,
  type BlockType,
  type Chapter,
  type Exhibition,
  type LibrarySnapshot,
} from '../../../../shared/domain';
import { moved } from '../../components/forms/array';
import { newId, uniqueSlug } from './ids';

/**
 * Pure edits of an exhibition. Each returns a new value (never mutates), so the editor can keep
 * the last saved version beside the draft and the preview can render any of them.
 */
type Random = () => number;

export function createExhibition(
  input: { title: string; lang: string; languages: string[]; now: string },
  taken: ReadonlySet<string>,
  random?: Random,
): Exhibition {
  const languages = input.languages.includes(input.lang)
    ? input.languages
    : [input.lang, ...input.languages];
  return {
    id: newId('x', random),
    slug: uniqueSlug(slugify(input.title), taken),
    title: { [input.lang]: input.title },
    subtitle: {},
    languages,
    defaultLanguage: input.lang,
    chapters: [],
    credits: {},
    imprint: {},
    theme: 'civic',
    status: 'draft',
    settings: { web: {}, kiosk: { idleSeconds: 90 } },
    createdAt: input.now,
    updatedAt: input.now,
  };
}

/** Deep copy of the structure with fresh ids; items and partnerships are shared, not copied. */
export function duplicateExhibition(
  source: Exhibition,
  taken: ReadonlySet<string>,
  now: string,
  suffix: Record<string, string>,
  random?: Random,
): Exhibition {
  const copy = structuredClone(source);
  copy.id = newId('x', random);
  copy.slug = uniqueSlug(source.slug, taken);
  copy.title = Object.fromEntries(
    Object.entries(source.title).map(([lang, text]) => [
      lang,
      `${text} ${suffix[lang] ?? suffix.en ?? ''}`.trim(),
    ]),
  );
  copy.status = 'draft';
  copy.createdAt = now;
  copy.updatedAt = now;
  copy.chapters = copy.chapters.map((chapter) => ({
    ...chapter,
    id: newId('c', random),
    blocks: chapter.blocks.map((block) => ({ ...block, id: newId('b', random) })),
  }));
  return copy;
}

export function renameExhibition(x: Exhibition, lang: string, title: string): Exhibition {
  return { ...x, title: { ...x.title, [lang]: title } };
}

/** A block of `type` with the smallest valid content; item-based blocks start on `itemId`. */
export function newBlock(
  type: BlockType,
  snapshot: LibrarySnapshot,
  random?: Random,
): Block | null {
  const id = newId('b', random);
  const firstItem = snapshot.items[0]?.id;
  const secondItem = snapshot.items[1]?.id ?? firstItem;
  switch (type) {
    case 'text':
      return { id, type, body: {} };
    case 'item':
      return firstItem ? { id, type, itemId: firstItem, caption: {} } : null;
    case 'gallery':
      return firstItem ? { id, type, title: {}, itemIds: [firstItem] } : null;
    case 'timeline':
      return { id, type, title: {}, partnershipIds: [], eventIds: [], includeAwards: true };
    case 'quote':
      return { id, type, text: {}, attribution: {} };
    case 'comparison':
      return firstItem && secondItem
        ? {
            id,
            type,
            before: { itemId: firstItem, label: {} },
            after: { itemId: secondItem, label: {} },
            caption: {},
          }
        : null;
    case 'map':
      return { id, type, title: {}, partnershipIds: [] };
  }
}

export function newChapter(title: string, lang: string, random?: Random): Chapter {
  return { id: newId('c', random), title: title ? { [lang]: title } : {}, blocks: [] };
}

function mapChapter(x: Exhibition, chapterId: string, fn: (c: Chapter) => Chapter): Exhibition {
  return { ...x, chapters: x.chapters.map((c) => (c.id === chapterId ? fn(c) : c)) };
}

export function addChapter(x: Exhibition, chapter: Chapter): Exhibition {
  return { ...x, chapters: [...x.chapters, chapter] };
}

export function removeChapter(x: Exhibition, chapterId: string): Exhibition {
  return { ...x, chapters: x.chapters.filter((c) => c.id !== chapterId) };
}

export function addBlock(x: Exhibition, chapterId: string, block: Block): Exhibition {
  return mapChapter(x, chapterId, (c) => ({ ...c, blocks: [...c.blocks, block] }));
}

export function removeBlock(x: Exhibition, blockId: string): Exhibition {
  return {
    ...x,
    chapters: x.chapters.map((c) =>
      c.blocks.some((b) => b.id === blockId)
        ? { ...c, blocks: c.blocks.filter((b) => b.id !== blockId) }
        : c,
    ),
  };
}

export function updateBlock(x: Exhibition, block: Block): Exhibition {
  return {
    ...x,
    chapters: x.chapters.map((c) =>
      c.blocks.some((b) => b.id === block.id)
        ? { ...c, blocks: c.blocks.map((b) => (b.id === block.id ? block : b)) }
        : c,
    ),
  };
}

export function updateChapter(x: Exhibition, chapter: Chapter): Exhibition {
  return mapChapter(x, chapter.id, () => chapter);
}

export function moveChapter(x: Exhibition, activeId: string, overId: string): Exhibition {
  const from = x.chapters.findIndex((c) => c.id === activeId);
  const to = x.chapters.findIndex((c) => c.id === overId);
  if (from < 0 || to < 0 || from === to) return x;
  return { ...x, chapters: moved(x.chapters, from, to) };
}

/**
 * Moves block `activeId` to where `overId` is: `overId` may be a block (same or other chapter) or
 * a chapter id (then the block goes to that chapter's end).
 */
export function moveBlock(x: Exhibition, activeId: string, overId: string): Exhibition {
  const fromChapter = x.chapters.find((c) => c.blocks.some((b) => b.id === activeId));
  if (!fromChapter || activeId === overId) return x;
  const block = fromChapter.blocks.find((b) => b.id === activeId)!;
  const toChapter =
    x.chapters.find((c) => c.blocks.some((b) => b.id === overId)) ??
    x.chapters.find((c) => c.id === overId);
  if (!toChapter) return x;
  if (toChapter.id === fromChapter.id) {
    const from = fromChapter.blocks.findIndex((b) => b.id === activeId);
    const to = fromChapter.blocks.findIndex((b) => b.id === overId);
    if (to < 0) return x;
    return mapChapter(x, fromChapter.id, (c) => ({ ...c, blocks: moved(c.blocks, from, to) }));
  }
  const without = removeBlock(x, activeId);
  return mapChapter(without, toChapter.id, (c) => {
    const at = c.blocks.findIndex((b) => b.id === overId);
    const blocks = [...c.blocks];
    blocks.splice(at < 0 ? blocks.length : at, 0, block);
    return { ...c, blocks };
  });
}

export function findBlock(
  x: Exhibition,
  blockId: string,
): { chapter: Chapter; block: Block } | null {
  for (const chapter of x.chapters) {
    const block = chapter.blocks.find((b) => b.id === blockId);
    if (block) return { chapter, block };
  }
  return null;
}
