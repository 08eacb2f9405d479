import type { CollectionName } from '../../../shared/domain/library';

/** Names inside a library folder. Relative paths use `/` so they read the same on every OS. */
export const MANIFEST_FILE = 'library.json';
export const LOCK_FILE = '.vitrine.lock';
export const JOURNAL_FILE = 'journal.json';
/** The change log: acknowledged changes not yet compacted into the data files (JSON lines). */
export const LOG_FILE = 'data/log.jsonl';
export const DATA_DIR = 'data';
export const ITEMS_DIR = 'data/items';
export const MEDIA_DIR = 'media';
export const BACKUPS_DIR = 'backups';

/**
 * Items are spread over this many files so one edit rewrites about 1/64 of them. Items already
 * on disk stay in the file they were read from, so changing this number later needs no move.
 */
export const ITEM_SHARDS = 64;

/** Data files above this size are refused before reading: JSON.parse would need several GB. */
export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export const SINGLE_FILE_COLLECTIONS = ['partnerships', 'awards', 'exhibitions'] as const;

/** FNV-1a: stable across platforms and Node versions, unlike anything keyed on memory. */
export function shardOf(id: string, shards = ITEM_SHARDS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

export function itemShardFile(index: number): string {
  return `${ITEMS_DIR}/${String(index).padStart(2, '0')}.json`;
}

export const ITEM_SHARD_NAME = /^\d{2,4}\.json$/;

export function collectionFile(collection: Exclude<CollectionName, 'items'>): string {
  return `${DATA_DIR}/${collection}.json`;
}

/** Version 1 kept every collection in one file, items included. */
export function v1CollectionFile(collection: CollectionName): string {
  return `${DATA_DIR}/${collection}.json`;
}
