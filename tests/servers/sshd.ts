import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopChild, waitForOutput } from './free-port';

/**
 * A real OpenSSH server for tests: `sshd -D -e` on 127.0.0.1 with a fresh host key, its own
 * config, a temporary authorized_keys and a site folder, SFTP only. It logs in a dedicated
 * unprivileged user (created once) so permission checks are real — root would ignore them. Its
 * password is one per machine, not one per start: test files run in parallel, and a password
 * renewed by one file's server would lock the others out mid-test. Needs root to start sshd for another user (CI runs as root).
 */
export const SFTP_USER = 'vitrine-sftp';

export interface SshdServer {
  port: number;
  user: string;
  password: string;
  /** Client key allowed in authorized_keys (OpenSSH private key text). */
  clientKey: string;
  /** Folder the user may write to; tests publish into subfolders of it. */
  siteDir: string;
  /** Starts the same server again on the same port with a new host key. */
  restartWithNewHostKey(): Promise<void>;
  stop(): Promise<void>;
}

function hasUser(): boolean {
  try {
    execFileSync('id', ['-u', SFTP_USER], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function ensureUser(): void {
  if (hasUser()) return;
  try {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/bin/sh', SFTP_USER]);
  } catch (error) {
    // Another test file may have created it in the meantime.
    if (!hasUser()) throw error;
  }
}

/** The machine's test password, created atomically by whichever test file comes first. */
function machinePassword(): string {
  const file = path.join(os.tmpdir(), 'vitrine-sftp-password');
  try {
    return readFileSync(file, 'utf8');
  } catch {
    const mine = `${file}.${process.pid}`;
    writeFileSync(mine, randomBytes(12).toString('hex'), { mode: 0o600 });
    try {
      linkSync(mine, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(mine);
    }
    return readFileSync(file, 'utf8');
  }
}

/** Sets the (same) password; should another file's chpasswd hold the shadow lock, try again. */
function setPassword(password: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('chpasswd', {
        input: `${SFTP_USER}:${password}\n`,
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
    }
  }
}

/**
 * A fresh ed25519 key pair made by OpenSSH's own ssh-keygen. Not ssh2's generateKeyPairSync: it
 * drops leading zero bytes of the 32-byte public key, so about one key in 128 is one sshd refuses
 * ("error in libcrypto") and the server never starts.
 */
async function keyPair(file: string): Promise<{ private: string; public: string }> {
  await rm(file, { force: true });
  await rm(`${file}.pub`, { force: true });
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'vitrine-test', '-f', file], {
    stdio: 'ignore',
  });
  return {
    private: await readFile(file, 'utf8'),
    public: (await readFile(`${file}.pub`, 'utf8')).trim(),
  };
}

export async function startSshd(): Promise<SshdServer> {
  if (process.getuid?.() !== 0)
    throw new Error('The SFTP tests start sshd for a test user and need root (CI runs as root).');
  ensureUser();
  const password = machinePassword();
  setPassword(password);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vitrine-sshd-'));
  await chmod(dir, 0o755);
  const siteDir = path.join(dir, 'www');
  await mkdir(siteDir);
  execFileSync('chown', [SFTP_USER, siteDir]);
  await mkdir('/run/sshd', { recursive: true });
  const client = await keyPair(path.join(dir, 'client_key'));
  await writeFile(path.join(dir, 'authorized_keys'), `${client.public}\n`);
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    await keyPair(path.join(dir, 'host_key'));
    await writeFile(
      path.join(dir, 'sshd_config'),
      [
        'ListenAddress 127.0.0.1',
        `Port ${port}`,
        `HostKey ${path.join(dir, 'host_key')}`,
        'PidFile none',
        'StrictModes no',
        'UsePAM no',
        'PasswordAuthentication yes',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication yes',
        `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
        'Subsystem sftp internal-sftp',
        'ForceCommand internal-sftp',
        `AllowUsers ${SFTP_USER}`,
        'LogLevel INFO',
        '',
      ].join('\n'),
    );
    child = spawn('/usr/sbin/sshd', ['-f', path.join(dir, 'sshd_config'), '-D', '-e'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForOutput(child, /Server listening on 127\.0\.0\.1 port/, 'sshd');
  }
  await start();
  return {
    port,
    user: SFTP_USER,
    password,
    clientKey: client.private,
    siteDir,
    async restartWithNewHostKey() {
      if (child) await stopChild(child);
      await start();
    },
    async stop() {
      if (child) await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
