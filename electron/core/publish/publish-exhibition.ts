import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LibrarySnapshot } from '../../../shared/domain';
import { exportExhibition, type ExportProgress } from '../export';
import { openRemote, type OpenRemoteOptions } from './open-remote';
import { syncBundle, type PublishProgress, type SyncResult } from './sync';
import { parsePublishTarget } from './target-url';

export interface PublishExhibitionOptions extends OpenRemoteOptions {
  libraryDir: string;
  snapshot?: LibrarySnapshot;
  exhibition: string;
  /** `sftp://user@host[:port]/path` or `https://host/path`. */
  to: string;
  languages?: string[];
  baseUrl?: string;
  iiif?: boolean;
  dryRun?: boolean;
  signal?: AbortSignal;
  onExportProgress?: (p: ExportProgress) => void;
  onProgress?: (p: PublishProgress) => void;
  onUploaded?: (rel: string) => void;
}

export interface PublishExhibitionResult extends SyncResult {
  target: string;
}

/**
 * Exports the exhibition as a web bundle into a temporary folder, then brings the target in line
 * with it. Exporting first means nothing is sent until the whole bundle exists and passed the
 * pre-publication check; the export is deterministic, so unchanged pages hash the same and are
 * not sent again. The temporary folder is removed whatever happens.
 */
export async function publishExhibition(
  opts: PublishExhibitionOptions,
): Promise<PublishExhibitionResult> {
  const target = parsePublishTarget(opts.to);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'vitrine-publish-'));
  try {
    const outDir = path.join(scratch, 'site');
    await exportExhibition({
      libraryDir: opts.libraryDir,
      ...(opts.snapshot ? { snapshot: opts.snapshot } : {}),
      exhibition: opts.exhibition,
      mode: 'web',
      outDir,
      ...(opts.languages?.length ? { languages: opts.languages } : {}),
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      ...(opts.iiif ? { iiif: true } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onExportProgress ? { onProgress: opts.onExportProgress } : {}),
    });
    const remote = await openRemote(target, opts);
    try {
      const result = await syncBundle({
        localDir: outDir,
        remote,
        dryRun: Boolean(opts.dryRun),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.onUploaded ? { onUploaded: opts.onUploaded } : {}),
      });
      return { ...result, target: target.url };
    } finally {
      await remote.close();
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
