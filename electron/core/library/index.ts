/** The library store: a folder of JSON files, crash-safe, one writer at a time. */
export { createLibrary, openLibrary, readLibrarySnapshot } from './store';
export type { ChangeEvent, Clock, CreateOptions, Library, OpenOptions } from './store';
export { listBackups, restoreBackup, restoreNewestValidBackup } from './restore';
export type { RestoreResult } from './restore';
export type { BackupInfo, BackupKind } from './backups';
export type { LockHolder } from './lock';
export { readLock } from './lock';
export { writeFileAtomic, fsyncDir, linkOrCopy } from './fs-atomic';
