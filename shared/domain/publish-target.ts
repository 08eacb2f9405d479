import { z } from 'zod';

/**
 * How the app logs in to a publishing target. `password` is a password (SFTP or WebDAV basic or
 * digest); `key` is the user's own SSH key from ~/.ssh, with an optional passphrase typed like a
 * password; `agent` is the running ssh agent. The secret itself is never part of a target.
 */
export const PublishAuthKind = z.enum(['password', 'key', 'agent']);
export type PublishAuthKind = z.infer<typeof PublishAuthKind>;

export const PublishTargetId = z.string().regex(/^target-[a-z0-9]{6,32}$/);

/**
 * A saved publishing target. Security: only the address and the kind of login are stored — the
 * library is copied, shared and backed up, so a password here would travel with it. The URL is
 * checked by the publisher when saved (`sftp://user@host[:port]/path` or `https://host/path`,
 * no password in it).
 */
export const PublishTargetSetting = z.strictObject({
  id: PublishTargetId,
  name: z.string().trim().min(1).max(100),
  url: z.string().trim().min(1).max(2000),
  auth: PublishAuthKind,
});
export type PublishTargetSetting = z.infer<typeof PublishTargetSetting>;

export const PUBLISH_TARGETS_FORMAT = 'vitrine-publish-targets';

/** `data/publish-targets.json` inside a library. */
export const SavedPublishTargets = z.strictObject({
  format: z.literal(PUBLISH_TARGETS_FORMAT),
  targets: z.array(PublishTargetSetting).max(100),
});
export type SavedPublishTargets = z.infer<typeof SavedPublishTargets>;
