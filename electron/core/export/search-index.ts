import MiniSearch from 'minisearch';
import type { ExhibitionView } from '../../../shared/render/model';
import { SEARCH_GLOBAL, SEARCH_OPTIONS, searchDocuments } from '../../../shared/render/search';

/**
 * The prebuilt index of one language as a classic script that assigns to a global, so the
 * bundle can load it from file:// (where fetch and XHR of local JSON are blocked).
 */
export function searchIndexScript(view: ExhibitionView): string {
  const engine = new MiniSearch({
    ...SEARCH_OPTIONS,
    fields: [...SEARCH_OPTIONS.fields],
    storeFields: [...SEARCH_OPTIONS.storeFields],
  });
  engine.addAll(searchDocuments(view));
  const g = `window[${JSON.stringify(SEARCH_GLOBAL)}]`;
  return `${g}=${g}||{};${g}[${JSON.stringify(view.lang)}]=${JSON.stringify(engine)};\n`;
}
