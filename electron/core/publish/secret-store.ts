import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../library/fs-atomic';

/**
 * What the desktop app's secret store needs from the operating system: Electron's `safeStorage`
 * behind a thin adapter (electron/main/publish-secrets.ts), so the decisions here run in tests
 * without Electron.
 */
export interface Cipher {
  /** Whether the OS can encrypt at all (Keychain, DPAPI, a Linux secret service). */
  available(): Promise<boolean>;
  /**
   * True when encryption is only obfuscation: Linux without a secret service, where Electron
   * falls back to a hard-coded key (`getSelectedStorageBackend() === 'basic_text'`).
   */
  weak(): boolean;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<{ plain: string; reEncrypt: boolean }>;
}

const SecretFile = z.object({ format: z.literal(1), secrets: z.record(z.string(), z.string()) });

export const SECRETS_FILE = 'publish-secrets.json';

function unavailable(): AppError {
  return new AppError('FORBIDDEN', {
    de: 'Dieses System bietet keinen sicheren Passwortspeicher (z. B. GNOME-Schlüsselbund oder KWallet). Das Passwort wird nicht gespeichert; bitte bei jedem Veröffentlichen eingeben.',
    en: 'This system offers no secure password store (such as GNOME Keyring or KWallet). The password is not saved; please enter it each time you publish.',
  });
}

/**
 * Publishing passwords of the desktop app, keyed by target URL, encrypted with the OS's key and
 * kept in the app's data folder — never in a library, which is copied and shared. Security:
 * nothing is stored in plain text or with Electron's hard-coded fallback key; on such a system
 * the app asks for the password each time instead.
 */
export function createSecretStore(appDataDir: string, cipher: Cipher) {
  const file = path.join(appDataDir, SECRETS_FILE);
  async function readAll(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
    try {
      const parsed = SecretFile.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data.secrets;
    } catch {
      // fall through: a damaged file loses only saved passwords, which can be typed again
    }
    return {};
  }
  async function writeAll(secrets: Record<string, string>): Promise<void> {
    await mkdir(appDataDir, { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify({ format: 1, secrets }, null, 2)}\n`);
  }
  const usable = async () => (await cipher.available()) && !cipher.weak();
  return {
    /** Whether saving a password is offered at all (the UI hides the option otherwise). */
    canSave: usable,
    /**
     * Why saving is or is not offered: `weak` is Linux without a secret service, where Electron
     * would only obfuscate (basic_text) — the UI warns, and the password is asked each time.
     */
    async status(): Promise<'stored' | 'weak' | 'unavailable'> {
      if (!(await cipher.available())) return 'unavailable';
      return cipher.weak() ? 'weak' : 'stored';
    },
    /** Whether a password is saved for `target` (without decrypting it). */
    async has(target: string): Promise<boolean> {
      return target in (await readAll());
    },
    async save(target: string, password: string): Promise<void> {
      if (!(await usable())) throw unavailable();
      const all = await readAll();
      all[target] = (await cipher.encrypt(password)).toString('base64');
      await writeAll(all);
    },
    /** The saved password, or undefined when none is saved or it cannot be decrypted any more. */
    async load(target: string): Promise<string | undefined> {
      const all = await readAll();
      const stored = all[target];
      if (stored === undefined || !(await cipher.available())) return undefined;
      try {
        const { plain, reEncrypt } = await cipher.decrypt(Buffer.from(stored, 'base64'));
        // Electron rotated its key: store the secret again under the new one.
        if (reEncrypt) {
          all[target] = (await cipher.encrypt(plain)).toString('base64');
          await writeAll(all);
        }
        return plain;
      } catch {
        return undefined;
      }
    },
    async forget(target: string): Promise<void> {
      const all = await readAll();
      if (!(target in all)) return;
      delete all[target];
      await writeAll(all);
    },
  };
}
export type SecretStore = ReturnType<typeof createSecretStore>;
