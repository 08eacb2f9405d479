import { openSftp, type SshCredentials } from './sftp';
import { openWebdav } from './webdav';
import type { KnownHostsStore } from './known-hosts';
import type { PublishTarget } from './target-url';
import type { Remote } from './remote';

export interface OpenRemoteOptions {
  credentials: SshCredentials;
  knownHosts: KnownHostsStore;
  /** Asked only for a server not seen before; a changed key is refused without asking. */
  confirmHostKey: (fingerprint: string) => Promise<boolean>;
}

/** Connects to the target; credentials are used for this connection and kept nowhere. */
export async function openRemote(target: PublishTarget, opts: OpenRemoteOptions): Promise<Remote> {
  if (target.kind === 'sftp')
    return openSftp({
      host: target.host,
      port: target.port,
      user: target.user,
      root: target.path,
      credentials: opts.credentials,
      knownHosts: opts.knownHosts,
      confirmHostKey: opts.confirmHostKey,
    });
  return openWebdav({
    origin: target.origin,
    root: target.path,
    ...(target.user !== undefined ? { user: target.user } : {}),
    ...(opts.credentials.password !== undefined ? { password: opts.credentials.password } : {}),
  });
}
