import { z } from 'zod';

/** One file of a published site as the manifest records it. */
export const manifestEntrySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});

/**
 * The manifest kept on the target (`.vitrine-publish.json`): what the server holds, by content
 * hash. It is rewritten after every few uploads, so an interrupted publish knows what already
 * arrived and resumes; `complete` is false while a publish is under way.
 */
export const remoteManifestSchema = z.object({
  format: z.literal('vitrine-publish/1'),
  complete: z.boolean(),
  files: z.record(z.string(), manifestEntrySchema),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type RemoteManifest = z.infer<typeof remoteManifestSchema>;

export const MANIFEST_NAME = '.vitrine-publish.json';

export interface PublishPlan {
  /** In upload order: assets first, then pages, the entry pages (`index.html`) last. */
  upload: string[];
  /** Deleted after every upload, so a page never points at a file that is already gone. */
  remove: string[];
  unchanged: number;
  uploadBytes: number;
}

/**
 * Rank in the upload order. Why: a visitor who loads a page during the publish should get either
 * the old page or a new page whose images, styles and scripts are already there — so everything a
 * page refers to goes up first, pages after, and the start pages, which lead into the rest, last.
 */
function rank(rel: string): number {
  if (!rel.endsWith('.html')) return 0;
  return rel === 'index.html' || rel.endsWith('/index.html') ? 2 : 1;
}

/** Compares the local bundle with what the target holds; pure, so the dry run shows the same. */
export function planPublish(
  local: Record<string, ManifestEntry>,
  remote: Record<string, ManifestEntry>,
): PublishPlan {
  const upload: string[] = [];
  let unchanged = 0;
  let uploadBytes = 0;
  for (const [rel, entry] of Object.entries(local)) {
    if (remote[rel]?.sha256 === entry.sha256) unchanged += 1;
    else {
      upload.push(rel);
      uploadBytes += entry.size;
    }
  }
  upload.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  // Deeper files first, so a folder is emptied before it is removed.
  const remove = Object.keys(remote)
    .filter((rel) => !(rel in local))
    .sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  return { upload, remove, unchanged, uploadBytes };
}
