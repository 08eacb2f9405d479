/** Open data of a library or exhibition (issue 15 §2): JSON-LD, CSV and a page describing them. */
export { openDataScope, type OpenDataScope } from './scope';
export {
  CONTEXT_FILE,
  HOME_CITY,
  SCHEMA_CONTEXT,
  isoDates,
  itemNode,
  nodePath,
  wikidataUri,
} from './jsonld';
export { csvText, type CsvTable } from './csv';
export {
  CSV_FILES,
  openDataFiles,
  relativeRef,
  type OpenDataFile,
  type OpenDataOptions,
} from './files';
