/**
 * Media import for Vitrine libraries: content detection, limits, hashing, content-addressed
 * storage under `media/`, thumbnails, metadata pre-fill, and the path check used to serve media.
 */
export {
  createMediaImporter,
  INCOMING_DIR,
  type BatchEntry,
  type ImportFilesOptions,
  type ImportProgress,
  type ImportResult,
  type MediaImporter,
  type MediaImporterOptions,
} from './importer';
export { DEFAULT_MEDIA_LIMITS, type MediaLimits, type MediaLimitsInput } from './limits';
export { type ImportMetadata } from './metadata';
export { ensureThumbnail, readThumbnail } from './thumbnail';
export { resolveMediaFile } from './resolve';
export { removeStaleIncoming } from './incoming';
export { THUMBNAIL_SIZE } from './image';
export { createSyntheticJpeg } from './synthetic';
export { discardImported } from './discard';
