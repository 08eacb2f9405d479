/**
 * Options shared by the exporter (which builds the search index) and the bundle runtime (which
 * loads it). Kept free of imports so the browser bundle stays small.
 */
export const SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: ['title', 'url', 'excerpt'],
};

/** Name of the global each per-language index script fills (a script loads from file://, fetch does not). */
export const SEARCH_GLOBAL = 'VITRINE_SEARCH';
