import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { scanLocalFiles } from './local-files';
import {
  MANIFEST_NAME,
  planPublish,
  remoteManifestSchema,
  type ManifestEntry,
  type PublishPlan,
  type RemoteManifest,
} from './plan';
import type { Remote } from './remote';

export type PublishPhase = 'compare' | 'upload' | 'delete' | 'done';

export interface PublishProgress {
  phase: PublishPhase;
  /** Files uploaded or deleted so far, of `total`. */
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  current?: string;
  /** Seconds still to go, from the upload rate so far; absent until there is a rate. */
  etaSeconds?: number;
}

export interface SyncOptions {
  localDir: string;
  remote: Remote;
  dryRun?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: PublishProgress) => void;
  /** Called after each file reached the server (tests and the bench count with it). */
  onUploaded?: (rel: string) => void;
  /** Injected for the estimate; defaults to Date.now. */
  now?: () => number;
}

export interface SyncResult {
  plan: PublishPlan;
  uploaded: string[];
  removed: string[];
  dryRun: boolean;
  /** True when the target had an unfinished publish that this run completed. */
  resumed: boolean;
}

/** Files uploaded between two manifest writes: bounds the work repeated after an interruption. */
const FLUSH_EVERY = 20;
/** Parallel uploads; small, because shared hosting limits connections and SFTP is one channel. */
const PARALLEL = 4;

function cancelled(): AppError {
  return new AppError('CANCELLED', {
    de: 'Veröffentlichen abgebrochen. Die Website zeigt weiter den alten Stand (Seiten werden zuletzt ersetzt); der nächste Versuch setzt fort.',
    en: 'Publishing cancelled. The site still shows the previous version (pages are replaced last); the next attempt resumes.',
  });
}

async function readRemoteManifest(remote: Remote): Promise<RemoteManifest | null> {
  const data = await remote.read(MANIFEST_NAME);
  if (!data) return null;
  try {
    const parsed = remoteManifestSchema.safeParse(JSON.parse(data.toString('utf8')));
    // A damaged manifest counts as "nothing known": everything is uploaded again and nothing
    // deleted, which is slower but never removes a file we did not put there.
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const groupOf = (rel: string) =>
  !rel.endsWith('.html') ? 0 : rel === 'index.html' || rel.endsWith('/index.html') ? 2 : 1;

/**
 * Brings the target in line with an exported bundle: compares content hashes with the manifest
 * on the target, uploads only what changed — assets, then pages, then start pages — and deletes
 * what is gone only at the end. The manifest is rewritten as files arrive, so an interrupted
 * publish (cancel, lost connection, crash) resumes where it stopped, and at every moment each
 * page on the server refers only to files that are there.
 */
export async function syncBundle(opts: SyncOptions): Promise<SyncResult> {
  const now = opts.now ?? Date.now;
  const report = (p: PublishProgress) => opts.onProgress?.(p);
  report({ phase: 'compare', done: 0, total: 0, bytesDone: 0, bytesTotal: 0 });
  const local = await scanLocalFiles(opts.localDir);
  const existing = await readRemoteManifest(opts.remote);
  const remoteFiles = existing?.files ?? {};
  const plan = planPublish(local, remoteFiles);
  const result: SyncResult = {
    plan,
    uploaded: [],
    removed: [],
    dryRun: Boolean(opts.dryRun),
    resumed: existing?.complete === false,
  };
  const total = plan.upload.length + plan.remove.length;
  if (opts.dryRun || total === 0) {
    if (!opts.dryRun && existing?.complete === false)
      await writeManifest(opts.remote, { ...remoteFiles }, true);
    report({ phase: 'done', done: 0, total, bytesDone: 0, bytesTotal: plan.uploadBytes });
    return result;
  }

  // What the server holds right now; grows as files arrive and is what the manifest records.
  const held: Record<string, ManifestEntry> = { ...remoteFiles };
  let flushing: Promise<void> = writeManifest(opts.remote, held, false);
  await flushing;
  let sinceFlush = 0;
  const flush = () => {
    sinceFlush = 0;
    const snapshot = { ...held };
    flushing = flushing.then(() => writeManifest(opts.remote, snapshot, false));
    return flushing;
  };

  const started = now();
  let bytesDone = 0;
  let done = 0;
  const progress = (phase: PublishPhase, current?: string) => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 && bytesDone > 0 ? bytesDone / elapsed : 0;
    report({
      phase,
      done,
      total,
      bytesDone,
      bytesTotal: plan.uploadBytes,
      ...(current ? { current } : {}),
      ...(rate > 0 ? { etaSeconds: Math.ceil((plan.uploadBytes - bytesDone) / rate) } : {}),
    });
  };

  for (const group of [0, 1, 2]) {
    const queue = plan.upload.filter((rel) => groupOf(rel) === group);
    let failure: unknown;
    const worker = async () => {
      while (queue.length && failure === undefined) {
        if (opts.signal?.aborted) throw cancelled();
        const rel = queue.shift()!;
        progress('upload', rel);
        const data = await readFile(path.join(opts.localDir, ...rel.split('/')));
        await opts.remote.write(rel, data);
        held[rel] = local[rel]!;
        bytesDone += data.length;
        done += 1;
        result.uploaded.push(rel);
        opts.onUploaded?.(rel);
        if (++sinceFlush >= FLUSH_EVERY) await flush();
      }
    };
    const workers = Array.from({ length: PARALLEL }, () =>
      worker().catch((err: unknown) => {
        failure ??= err;
      }),
    );
    await Promise.all(workers);
    // Record what arrived before deciding anything else, so a retry skips it.
    await flush();
    if (failure !== undefined) throw failure;
    if (opts.signal?.aborted) throw cancelled();
  }

  for (const rel of plan.remove) {
    if (opts.signal?.aborted) {
      await flush();
      throw cancelled();
    }
    progress('delete', rel);
    await opts.remote.remove(rel);
    delete held[rel];
    done += 1;
    result.removed.push(rel);
  }
  const dirs = new Set<string>();
  for (const rel of plan.remove) {
    const parts = rel.split('/');
    for (let i = parts.length - 1; i > 0; i--) dirs.add(parts.slice(0, i).join('/'));
  }
  for (const dir of [...dirs].sort((a, b) => b.length - a.length))
    if (!Object.keys(held).some((rel) => rel.startsWith(`${dir}/`)))
      await opts.remote.removeEmptyDir(dir);

  await flushing;
  await writeManifest(opts.remote, held, true);
  progress('done');
  return result;
}

async function writeManifest(
  remote: Remote,
  files: Record<string, ManifestEntry>,
  complete: boolean,
): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  const manifest: RemoteManifest = { format: 'vitrine-publish/1', complete, files: sorted };
  await remote.write(MANIFEST_NAME, Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`));
}
