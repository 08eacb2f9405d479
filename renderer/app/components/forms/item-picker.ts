import { ITEM_QUERY_MAX_LIMIT, type ApiInput } from '../../../../shared/api';
import type { Item } from '../../../../shared/domain';

/** How many matches an item picker lists; more words narrow the search. */
export const PICKER_RESULTS = 24;

/**
 * The question an item picker asks main's search for `text`: nothing for blank text, else the
 * first matches by title, with room for the items it must leave out (already picked) so a full
 * list still shows `max` choices.
 */
export function pickerQuery(
  text: string,
  lang: string,
  excluded: number,
  max = PICKER_RESULTS,
): ApiInput<'items.query'> | null {
  const words = text.trim();
  if (words === '') return null;
  return {
    text: words.slice(0, 500),
    lang,
    sort: 'title',
    limit: Math.min(ITEM_QUERY_MAX_LIMIT, max + excluded),
  };
}

/** The answer's items without the excluded ones, at most `max`. */
export function pickerChoices(
  items: readonly Item[],
  exclude: readonly string[],
  max = PICKER_RESULTS,
): Item[] {
  const skip = new Set(exclude);
  return items.filter((item) => !skip.has(item.id)).slice(0, max);
}
