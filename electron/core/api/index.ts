/** The handler table behind every transport (Electron IPC, the loopback web host). */
export {
  createApiHandlers,
  SAMPLES_DIR,
  UPLOADS_DIR,
  type ApiService,
  type ApiServiceOptions,
} from './service';
export {
  createDispatch,
  unknownMethod,
  type ApiHandlers,
  type Dispatch,
  type DispatchOptions,
} from './dispatch';
export { webDialogs, type Dialogs } from './dialogs';
export { createRecentStore, libraryIdFor, RECENT_FILE, type RecentStore } from './recent';
export { readSettings, writeUiLanguage, SETTINGS_FILE, type Settings } from './settings';
export { createEmitter, type ApiEmitter } from './events';
export {
  checkDroppedFiles,
  DEFAULT_DROPPED_LIMITS,
  type DroppedCheck,
  type DroppedLimits,
} from './dropped-paths';
