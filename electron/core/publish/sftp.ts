import { randomBytes } from 'node:crypto';
import path from 'node:path/posix';
// ssh2 is CommonJS: a default import works both in vitest and in the CLI's ESM bundle, where
// named imports from a CommonJS package fail.
import ssh2, { type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { AppError } from '../../../shared/errors';
import { fingerprint, verifyHostKey, type KnownHostsStore } from './known-hosts';
import type { Remote } from './remote';

/** How to log in; any combination — ssh2 tries the agent and key before the password. */
export interface SshCredentials {
  password?: string;
  privateKey?: Buffer | string;
  passphrase?: string;
  /** Path of an ssh agent socket (`SSH_AUTH_SOCK`). */
  agent?: string;
}

export interface SftpOptions {
  host: string;
  port: number;
  user: string;
  /** Absolute folder on the server. */
  root: string;
  credentials: SshCredentials;
  knownHosts: KnownHostsStore;
  confirmHostKey: (fp: string) => Promise<boolean>;
}

// SFTP status codes (draft-ietf-secsh-filexfer-02): the ones that decide what we tell the user.
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

function noWrite(where: string, cause: unknown): AppError {
  return new AppError(
    'PUBLISH_NO_WRITE',
    {
      de: `Keine Schreibrechte auf dem Server für „${where}“. Die Startseiten dort zeigen weiter den bisherigen Stand; bitte Rechte oder Zielordner prüfen, dann erneut veröffentlichen.`,
      en: `No write permission on the server for “${where}”. The start pages there still show the previous version; please check permissions or the target folder, then publish again.`,
    },
    { cause, location: { file: where } },
  );
}

function failed(what: string, cause: unknown): AppError {
  const text = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'PUBLISH_FAILED',
    { de: `SFTP: ${what} fehlgeschlagen (${text}).`, en: `SFTP: ${what} failed (${text}).` },
    { cause },
  );
}

function code(err: unknown): number | undefined {
  return (err as { code?: number } | null)?.code;
}

/** Turns a connection failure into what the user can act on. */
function connectError(err: Error & { level?: string }, opts: SftpOptions): AppError {
  const where = `${opts.user}@${opts.host}:${opts.port}`;
  if (err.level === 'client-authentication')
    return new AppError(
      'PUBLISH_AUTH_FAILED',
      {
        de: `Anmeldung bei ${where} abgelehnt: Passwort oder Schlüssel stimmt nicht. Es wurde nichts geändert.`,
        en: `Login to ${where} refused: the password or key is wrong. Nothing was changed.`,
      },
      { cause: err },
    );
  return new AppError(
    'PUBLISH_UNREACHABLE',
    {
      de: `Server ${where} nicht erreichbar (${err.message}). Es wurde nichts geändert.`,
      en: `Server ${where} cannot be reached (${err.message}). Nothing was changed.`,
    },
    { cause: err },
  );
}

function call<T>(fn: (cb: (err: Error | null | undefined, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v as T))));
}

/**
 * Opens an SFTP session. The host key is checked against the user's known servers before any
 * credential is sent (ssh2 calls `hostVerifier` during the key exchange), so a wrong server
 * never sees the password.
 */
export async function openSftp(opts: SftpOptions): Promise<Remote> {
  const conn = new ssh2.Client();
  let hostKeyError: unknown;
  const config: ConnectConfig = {
    host: opts.host,
    port: opts.port,
    username: opts.user,
    readyTimeout: 60_000,
    hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
      verifyHostKey(opts.knownHosts, opts.host, opts.port, fingerprint(key), opts.confirmHostKey)
        .then(() => verify(true))
        .catch((err: unknown) => {
          hostKeyError = err;
          verify(false);
        });
    },
    ...(opts.credentials.password !== undefined ? { password: opts.credentials.password } : {}),
    ...(opts.credentials.privateKey !== undefined
      ? { privateKey: opts.credentials.privateKey }
      : {}),
    ...(opts.credentials.passphrase !== undefined
      ? { passphrase: opts.credentials.passphrase }
      : {}),
    ...(opts.credentials.agent ? { agent: opts.credentials.agent } : {}),
  };
  await new Promise<void>((resolve, reject) => {
    conn.once('ready', () => resolve());
    conn.once('error', (err: Error & { level?: string }) =>
      reject(hostKeyError ?? connectError(err, opts)),
    );
    conn.connect(config);
  });
  let sftp: SFTPWrapper;
  try {
    sftp = await call<SFTPWrapper>((cb) => conn.sftp(cb));
  } catch (err) {
    conn.end();
    throw failed('SFTP-Sitzung / SFTP session', err);
  }
  // A late socket error after we are done must not crash the process.
  conn.on('error', () => undefined);

  const full = (rel: string) => path.join(opts.root, rel);
  // One promise per folder: parallel uploads into a new folder create it once.
  const madeDirs = new Map<string, Promise<void>>();
  function mkdirp(dir: string): Promise<void> {
    if (dir === '/' || dir === '.') return Promise.resolve();
    let made = madeDirs.get(dir);
    if (!made) {
      made = makeDir(dir);
      madeDirs.set(dir, made);
      made.catch(() => madeDirs.delete(dir));
    }
    return made;
  }
  async function makeDir(dir: string): Promise<void> {
    try {
      await call((cb) => sftp.stat(dir, cb));
      return;
    } catch (err) {
      if (code(err) !== NO_SUCH_FILE) throw failed(`Ordner prüfen / check folder ${dir}`, err);
    }
    await mkdirp(path.dirname(dir));
    try {
      await call((cb) => sftp.mkdir(dir, cb));
    } catch (mkErr) {
      if (code(mkErr) === PERMISSION_DENIED) throw noWrite(dir, mkErr);
      throw failed(`Ordner anlegen / create folder ${dir}`, mkErr);
    }
  }

  return {
    async read(rel) {
      try {
        return await call<Buffer>((cb) => sftp.readFile(full(rel), cb));
      } catch (err) {
        if (code(err) === NO_SUCH_FILE) return null;
        throw failed(`Lesen / read ${rel}`, err);
      }
    },
    async write(rel, data) {
      const target = full(rel);
      await mkdirp(path.dirname(target));
      const tmp = `${path.dirname(target)}/.vitrine-${randomBytes(6).toString('hex')}.tmp`;
      try {
        await call((cb) => sftp.writeFile(tmp, data, cb));
      } catch (err) {
        if (code(err) === PERMISSION_DENIED) throw noWrite(target, err);
        throw failed(`Hochladen / upload ${rel}`, err);
      }
      try {
        // OpenSSH's posix-rename replaces the old file in one step; plain SFTP rename would
        // refuse an existing target, leaving a window without the file.
        await call((cb) => sftp.ext_openssh_rename(tmp, target, cb));
      } catch (err) {
        await call((cb) => sftp.unlink(tmp, cb)).catch(() => undefined);
        if (code(err) === PERMISSION_DENIED) throw noWrite(target, err);
        throw failed(`Umbenennen / rename ${rel}`, err);
      }
    },
    async remove(rel) {
      try {
        await call((cb) => sftp.unlink(full(rel), cb));
      } catch (err) {
        if (code(err) === NO_SUCH_FILE) return;
        if (code(err) === PERMISSION_DENIED) throw noWrite(full(rel), err);
        throw failed(`Löschen / delete ${rel}`, err);
      }
    },
    async removeEmptyDir(rel) {
      // Fails for a non-empty folder, which is exactly when it must stay.
      await call((cb) => sftp.rmdir(full(rel), cb)).catch(() => undefined);
    },
    async close() {
      sftp.end();
      conn.end();
    },
  };
}
