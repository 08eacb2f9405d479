import { z } from 'zod';
import { PublishAuthKind, PublishTargetId, PublishTargetSetting } from '../domain/publish-target';

/**
 * Schemas of the publishing methods (`publish.*`) and their events. The page names a target by
 * its id; a secret travels only in `publish.start` and main keeps it no longer than the run
 * (the desktop app may store it with the OS's encryption when the person asks for that).
 */

/**
 * Where passwords stay: `stored` — the desktop app can keep them encrypted by the OS;
 * `weak` — Linux without a secret service: Electron would only obfuscate them, so they are not
 * saved and the person is warned; `unavailable` — no encryption at all; `memory` — the web host:
 * asked per publish and held in the host process's memory for that run only.
 */
export const SecretStorageMode = z.enum(['stored', 'weak', 'unavailable', 'memory']);
export type SecretStorageMode = z.infer<typeof SecretStorageMode>;

export const PublishTargetsView = z.object({
  targets: z.array(PublishTargetSetting),
  secretStorage: SecretStorageMode,
  /** Ids of targets with a saved password (desktop app only). */
  savedSecrets: z.array(z.string()),
});
export type PublishTargetsView = z.infer<typeof PublishTargetsView>;

export const SavePublishTargetInput = z.strictObject({
  /** Omitted: a new target. */
  id: PublishTargetId.optional(),
  name: z.string().trim().min(1).max(100),
  url: z.string().trim().min(1).max(2000),
  auth: PublishAuthKind,
});

const TaskIdPattern = z.string().regex(/^[a-z0-9][a-z0-9-]{7,63}$/);

export const PublishStartInput = z.strictObject({
  taskId: TaskIdPattern,
  exhibitionId: z.string().min(1).max(200),
  targetId: PublishTargetId,
  dryRun: z.boolean().default(false),
  /** Password or key passphrase for this run; omitted: a saved one (desktop) or none. */
  secret: z.string().min(1).max(1000).optional(),
  /** Desktop app: keep `secret` encrypted by the OS after a successful login. */
  saveSecret: z.boolean().default(false),
  /**
   * The SSH fingerprint the person confirmed for a server not seen before (answer to
   * PUBLISH_HOST_KEY_UNKNOWN); a server presenting any other key is still refused.
   */
  trustHostKey: z
    .string()
    .regex(/^SHA256:[A-Za-z0-9+/]{43}$/)
    .optional(),
  languages: z.array(z.string().min(2).max(20)).min(1).max(50).optional(),
  baseUrl: z.string().max(2000).optional(),
});

/** Most files a result lists by name; a larger change is summarised by its counts. */
export const PUBLISH_LIST_LIMIT = 5000;

export const PublishResultView = z.object({
  /** The target's address without secrets. */
  target: z.string(),
  dryRun: z.boolean(),
  /** What changes (dry run) or changed, in upload order; at most PUBLISH_LIST_LIMIT names. */
  upload: z.array(z.string()),
  remove: z.array(z.string()),
  uploadCount: z.number().int().nonnegative(),
  removeCount: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  uploadBytes: z.number().nonnegative(),
  /** The target had an interrupted publish that this run completed. */
  resumed: z.boolean(),
  seconds: z.number().nonnegative(),
});
export type PublishResultView = z.infer<typeof PublishResultView>;

export const PublishProgressEvent = z.object({
  taskId: z.string(),
  /** `export` builds the bundle; `compare`, `upload`, `delete`, `done` come from the server sync. */
  phase: z.enum(['connect', 'export', 'compare', 'upload', 'delete', 'done']),
  /** Files (upload, delete) or export steps done so far, of `total`. */
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  current: z.string().optional(),
  /** Seconds still to go, from the upload rate so far; absent until there is a rate. */
  etaSeconds: z.number().nonnegative().optional(),
});
export type PublishProgressEvent = z.infer<typeof PublishProgressEvent>;
