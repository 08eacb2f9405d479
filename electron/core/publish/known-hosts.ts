import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../library/fs-atomic';

const KnownHosts = z.record(z.string(), z.string());

/** OpenSSH's fingerprint form (`SHA256:` + unpadded base64 of the raw host key's hash). */
export function fingerprint(hostKey: Buffer): string {
  return `SHA256:${createHash('sha256').update(hostKey).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The user's config folder for Vitrine's own files (`$XDG_CONFIG_HOME/vitrine`, else
 * `~/.config/vitrine`). Host keys live here and never in a library: a library is copied, shared
 * and published, and whom this computer trusts is not part of an exhibition.
 */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'vitrine');
}

export interface KnownHostsStore {
  lookup(host: string, port: number): Promise<string | undefined>;
  remember(host: string, port: number, fp: string): Promise<void>;
}

/** A JSON map `host:port → fingerprint`, written atomically. */
export function createKnownHosts(file: string): KnownHostsStore {
  async function readAll(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    const parsed = KnownHosts.safeParse(JSON.parse(text));
    // Security: a damaged trust file must not turn into "nothing known" (that would silently
    // accept any key again), so it stops the publish and is never overwritten.
    if (!parsed.success)
      throw new AppError(
        'FILE_INVALID_DATA',
        {
          de: `Die Liste bekannter Server „${file}“ ist beschädigt; bitte prüfen oder löschen.`,
          en: `The list of known servers “${file}” is damaged; please check or delete it.`,
        },
        { location: { file } },
      );
    return parsed.data;
  }
  const key = (host: string, port: number) => `${host}:${port}`;
  return {
    async lookup(host, port) {
      return (await readAll())[key(host, port)];
    },
    async remember(host, port, fp) {
      const all = await readAll();
      all[key(host, port)] = fp;
      await mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify(all, null, 2)}\n`);
    },
  };
}

/**
 * Decides whether to trust a server's host key. A stored fingerprint must match exactly — a
 * mismatch is refused without a question, because that is what a man in the middle looks like.
 * An unknown server is trusted only when `confirm` says yes (the CLI asks on a terminal or takes
 * `--host-key FINGERPRINT`; the app shows a dialog); the answer is then stored.
 */
export async function verifyHostKey(
  store: KnownHostsStore,
  host: string,
  port: number,
  fp: string,
  confirm: (fp: string) => Promise<boolean>,
): Promise<void> {
  const known = await store.lookup(host, port);
  if (known === fp) return;
  if (known !== undefined)
    throw new AppError(
      'PUBLISH_HOST_KEY_CHANGED',
      {
        de: `Der Schlüssel des Servers ${host}:${port} hat sich geändert (gespeichert ${known}, jetzt ${fp}). Das kann ein Angriff sein; es wird nichts hochgeladen. Ist die Änderung bekannt, den Eintrag in der Liste bekannter Server entfernen.`,
        en: `The key of server ${host}:${port} has changed (stored ${known}, now ${fp}). This may be an attack; nothing is uploaded. If the change is expected, remove the entry from the list of known servers.`,
      },
      { details: { host, port, known, presented: fp } },
    );
  if (!(await confirm(fp)))
    throw new AppError(
      'PUBLISH_HOST_KEY_UNKNOWN',
      {
        de: `Der Server ${host}:${port} ist noch unbekannt (Fingerabdruck ${fp}). Fingerabdruck beim Betreiber prüfen und bestätigen (CLI: --host-key ${fp}).`,
        en: `The server ${host}:${port} is not known yet (fingerprint ${fp}). Check the fingerprint with its operator and confirm it (CLI: --host-key ${fp}).`,
      },
      { details: { host, port, presented: fp } },
    );
  await store.remember(host, port, fp);
}
