/** The kiosk player: plain Node, never imports electron; window adapters behind one interface. */
export { startPlayer, ATTRACT_VISIBLE, type Player, type PlayerOptions } from './player';
export {
  chromiumLauncher,
  chromiumArgs,
  DEFAULT_CHROMIUM,
  type ChromiumOptions,
} from './chromium-window';
export type { KioskWindow, WindowLauncher } from './window';
export { openBundleSource, safeEntryName, type BundleSource } from './bundle-source';
export {
  createStatsWriter,
  readStats,
  localIso,
  STATS_FOLDER,
  type StatsWriter,
} from './stats-store';
export { createPinGate, hashPin, verifyPin, PIN_PATTERN, MAX_WRONG_PINS, LOCK_MS } from './pin';
export { readPlayerSettings, writePlayerSettings, type PlayerSettings } from './settings';
export { createIncidentLog, type IncidentKind } from './incidents';
export {
  autostartPlan,
  installAutostart,
  removeAutostart,
  type AutostartTarget,
} from './autostart';
export { startKioskHost, type KioskHost } from './server';
export { readKioskReport } from './report';
