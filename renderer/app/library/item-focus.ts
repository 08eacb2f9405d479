import { create } from 'zustand';
import type { LibrarySnapshot } from '../../../shared/domain';

/**
 * The languages the item editor offers: the library's, then any further language an exhibition
 * promises (Leichte Sprache is usually added to one exhibition, not to the library), so every
 * text the exhibition check asks for can be written beside the reference language.
 */
export function itemLanguages(snapshot: LibrarySnapshot): string[] {
  const langs = [...snapshot.manifest.languages];
  for (const x of snapshot.exhibitions)
    for (const lang of x.languages) if (!langs.includes(lang)) langs.push(lang);
  return langs;
}

/** A field of one item the check panel wants shown: its language tab opened, the input focused. */
export interface ItemFocus {
  itemId: string;
  lang: string;
  /** The item field: `altText`, `title`, `description`, `transcript`. */
  field: string;
}

/** Reads an item problem's path (`altText.de-x-ls`) as the field and language to open. */
export function itemFocusOf(itemId: string, path: string, languages: string[]): ItemFocus | null {
  const dot = path.indexOf('.');
  if (dot < 1) return null;
  const field = path.slice(0, dot);
  const lang = path.slice(dot + 1);
  return languages.includes(lang) ? { itemId, lang, field } : null;
}

/**
 * One pending request, taken by the item editor once it shows that item. Kept apart from the app
 * store: it is a hand-over between two screens, not library state.
 */
export const useItemFocus = create<{
  request: ItemFocus | null;
  requested(request: ItemFocus | null): void;
}>((set) => ({ request: null, requested: (request) => set({ request }) }));
