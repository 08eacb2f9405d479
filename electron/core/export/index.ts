/** Static export of exhibitions: web and kiosk bundles, rendered through shared/render. */
export { exportExhibition } from './export';
export type {
  ExportMode,
  ExportOptions,
  ExportPhase,
  ExportProgress,
  ExportResult,
} from './export';
export { checkForExport, checkSnapshotForExport, exportBlocked, type ExportCheck } from './check';
export { cachePath, optionsHash } from './derivatives';
export { qrSvg } from '../../../shared/render/qr';
export { createMapGeometry } from '../../../shared/render/map-geometry';
export { safeJoin } from './target';
