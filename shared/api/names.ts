/**
 * The method and event names alone, without schemas, so the preload can build `window.vitrine`
 * without bundling zod and the domain model. contract.ts checks at compile time that these lists
 * match its tables exactly; a method added there without a name here does not type-check.
 */
export const API_METHOD_NAMES = [
  'app.info',
  'app.setUiLanguage',
  'session.state',
  'library.openSample',
  'library.openRecent',
  'library.openDialog',
  'library.createDialog',
  'library.close',
  'library.snapshot',
  'library.apply',
  'media.importDialog',
  'media.importUploads',
  'exhibitions.checkForExport',
  'exhibitions.chooseExportTarget',
  'exhibitions.export',
  'exhibitions.revealExport',
  'tasks.cancel',
  'backups.list',
  'backups.preview',
  'backups.restore',
  'tables.preview',
  'tables.dryRun',
  'tables.import',
  'files.chooseUpload',
  'tables.chooseMediaFolder',
  'tables.stageMedia',
  'packages.inspect',
  'packages.import',
  'packages.export',
  'publish.targets',
  'publish.saveTarget',
  'publish.removeTarget',
  'publish.start',
  'publish.cancel',
  'kiosk.statsReport',
  'items.query',
  'items.byIds',
] as const;

export const API_EVENT_NAMES = [
  'libraryChanged',
  'progress',
  'menu',
  'exportFinished',
  'publishProgress',
  'publishFinished',
] as const;

/**
 * Functions `window.vitrine` has in Electron beyond the contract, added by the preload itself:
 * `media.importDropped(files)` turns dropped `File` objects into paths inside the preload and
 * sends them on IPC_IMPORT_PATHS_CHANNEL (transport.ts). Deliberately no contract method, so
 * the page cannot pass a path and the web host has no such route; its answer has the shape of
 * `media.importDialog`'s.
 */
export const PRELOAD_ONLY_METHOD_NAMES = ['media.importDropped'] as const;
