import { rm } from 'node:fs/promises';
import path from 'node:path';
import { mediaPath, thumbnailPath, type MediaAsset } from '../../../shared/domain';

/**
 * Removes media files an import has just placed when the change that was to reference them
 * failed (disk full while writing the items, say), so a failed import leaves no orphaned file.
 * `inUse` guards a file another item references meanwhile; such a file stays. The thumbnail
 * goes too: it is derived from the file and recreated with it. Removal errors are swallowed:
 * the import already failed with its own message, and `vitrine check --repair` finds any rest.
 */
export async function discardImported(
  libraryDir: string,
  assets: readonly Pick<MediaAsset, 'sha256' | 'ext'>[],
  inUse: (sha256: string) => boolean,
): Promise<void> {
  for (const asset of assets) {
    if (inUse(asset.sha256)) continue;
    for (const rel of [mediaPath(asset), thumbnailPath(asset.sha256)])
      await rm(path.join(libraryDir, rel), { force: true }).catch(() => undefined);
  }
}
