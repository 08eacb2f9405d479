import type { Block } from './exhibition';
import { pickText } from './language';
import type { CollectionName, EntityOf, LibrarySnapshot } from './library';

/** One reference from an entity to another, with the place it sits in (for messages and jumps). */
export interface Reference {
  collection: 'items' | 'partnerships';
  id: string;
  /** Data path inside the referring entity, e.g. `chapters[1].blocks[3].itemId`. */
  path: string;
}

function blockRefs(block: Block, at: string): Reference[] {
  const item = (id: string, path: string): Reference => ({
    collection: 'items',
    id,
    path: `${at}.${path}`,
  });
  const partner = (id: string, path: string): Reference => ({
    collection: 'partnerships',
    id,
    path: `${at}.${path}`,
  });
  switch (block.type) {
    case 'text':
      return [];
    case 'item':
      return [item(block.itemId, 'itemId')];
    case 'gallery':
      return block.itemIds.map((id, i) => item(id, `itemIds[${i}]`));
    case 'timeline':
      return block.partnershipIds.map((id, i) => partner(id, `partnershipIds[${i}]`));
    case 'quote':
      return block.itemId ? [item(block.itemId, 'itemId')] : [];
    case 'comparison':
      return [item(block.before.itemId, 'before.itemId'), item(block.after.itemId, 'after.itemId')];
    case 'map':
      return block.partnershipIds.map((id, i) => partner(id, `partnershipIds[${i}]`));
  }
}

/** Every outgoing reference of an entity. One function, so integrity checks and "used in" agree. */
export function referencesOf<C extends CollectionName>(
  collection: C,
  entity: EntityOf[C],
): Reference[] {
  switch (collection) {
    case 'items': {
      const item = entity as EntityOf['items'];
      return item.partnershipIds.map((id, i) => ({
        collection: 'partnerships',
        id,
        path: `partnershipIds[${i}]`,
      }));
    }
    case 'partnerships': {
      const p = entity as EntityOf['partnerships'];
      return p.history.flatMap((event, e) =>
        event.itemIds.map((id, i) => ({
          collection: 'items' as const,
          id,
          path: `history[${e}].itemIds[${i}]`,
        })),
      );
    }
    case 'awards': {
      const a = entity as EntityOf['awards'];
      return [
        ...a.partnershipIds.map((id, i) => ({
          collection: 'partnerships' as const,
          id,
          path: `partnershipIds[${i}]`,
        })),
        ...a.itemIds.map((id, i) => ({ collection: 'items' as const, id, path: `itemIds[${i}]` })),
      ];
    }
    case 'exhibitions': {
      const x = entity as EntityOf['exhibitions'];
      const refs: Reference[] = x.coverItemId
        ? [{ collection: 'items', id: x.coverItemId, path: 'coverItemId' }]
        : [];
      x.chapters.forEach((chapter, c) =>
        chapter.blocks.forEach((block, b) =>
          refs.push(...blockRefs(block, `chapters[${c}].blocks[${b}]`)),
        ),
      );
      return refs;
    }
  }
  return [];
}

/** A place that uses an entity, described for people ("Ausstellung „50 Jahre …“, Kapitel 2"). */
export interface Usage {
  collection: CollectionName;
  id: string;
  path: string;
  label: { de: string; en: string };
}

function describe(
  snapshot: LibrarySnapshot,
  collection: CollectionName,
  entity: { id: string },
  path: string,
) {
  const lang = snapshot.manifest.defaultLanguage;
  switch (collection) {
    case 'exhibitions': {
      const x = entity as EntityOf['exhibitions'];
      const title = pickText(x.title, lang);
      const chapter = /^chapters\[(\d+)\]/.exec(path);
      const chapterTitle = chapter ? pickText(x.chapters[Number(chapter[1])]?.title, lang) : '';
      return {
        de: `Ausstellung „${title}“${chapterTitle ? `, Kapitel „${chapterTitle}“` : ''}`,
        en: `Exhibition “${title}”${chapterTitle ? `, chapter “${chapterTitle}”` : ''}`,
      };
    }
    case 'partnerships': {
      const p = entity as EntityOf['partnerships'];
      const city = pickText(p.city, lang);
      return { de: `Partnerschaft ${city}`, en: `Partnership ${city}` };
    }
    case 'awards': {
      const a = entity as EntityOf['awards'];
      const name = pickText(a.name, lang);
      return { de: `Auszeichnung ${name}`, en: `Award ${name}` };
    }
    case 'items': {
      const i = entity as EntityOf['items'];
      const title = pickText(i.title, lang);
      return { de: `Objekt „${title}“`, en: `Item “${title}”` };
    }
  }
}

/** Every place in the library that refers to `id` of `target`. */
export function usagesOf(
  snapshot: LibrarySnapshot,
  target: 'items' | 'partnerships',
  id: string,
): Usage[] {
  const out: Usage[] = [];
  const scan = <C extends CollectionName>(collection: C, list: EntityOf[C][]) => {
    for (const entity of list)
      for (const ref of referencesOf(collection, entity))
        if (ref.collection === target && ref.id === id)
          out.push({
            collection,
            id: entity.id,
            path: ref.path,
            label: describe(snapshot, collection, entity, ref.path),
          });
  };
  scan('items', snapshot.items);
  scan('partnerships', snapshot.partnerships);
  scan('awards', snapshot.awards);
  scan('exhibitions', snapshot.exhibitions);
  return out;
}
