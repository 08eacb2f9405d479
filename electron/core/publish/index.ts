/** One-step publishing of an exported bundle to an SFTP or WebDAV server, incrementally. */
export { parsePublishTarget, type PublishTarget } from './target-url';
export { syncBundle, type PublishProgress, type SyncOptions, type SyncResult } from './sync';
export { planPublish, MANIFEST_NAME, type PublishPlan } from './plan';
export {
  createKnownHosts,
  fingerprint,
  userConfigDir,
  verifyHostKey,
  type KnownHostsStore,
} from './known-hosts';
export type { Remote } from './remote';
export type { SshCredentials } from './sftp';

export { openRemote, type OpenRemoteOptions } from './open-remote';
export {
  publishExhibition,
  type PublishExhibitionOptions,
  type PublishExhibitionResult,
} from './publish-exhibition';
export { createSecretStore, SECRETS_FILE, type Cipher, type SecretStore } from './secret-store';
export {
  PUBLISH_TARGETS_FILE,
  readPublishTargets,
  removePublishTarget,
  savePublishTarget,
  unknownTarget,
} from './saved-targets';
