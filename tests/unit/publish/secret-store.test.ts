import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretStore, SECRETS_FILE, type Cipher } from '../../../electron/core/publish';

/** An AES-GCM cipher standing in for the OS key store that Electron's safeStorage uses. */
function aesCipher(opts: { available?: boolean; weak?: boolean } = {}) {
  let key = randomBytes(32);
  let rotated = false;
  const cipher: Cipher = {
    available: async () => opts.available ?? true,
    weak: () => opts.weak ?? false,
    encrypt: async (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt: async (data) => {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      const plain = Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
      return { plain, reEncrypt: rotated };
    },
  };
  return {
    cipher,
    loseKey: () => (key = randomBytes(32)),
    rotate: () => (rotated = true),
  };
}

const dirs: string[] = [];
async function tempDir() {
  const d = await mkdtemp(path.join(os.tmpdir(), 'vitrine-secrets-'));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('publishing secret store', () => {
  it('keeps passwords only encrypted, per target, and forgets them on request', async () => {
    const dir = await tempDir();
    const { cipher } = aesCipher();
    const store = createSecretStore(dir, cipher);
    expect(await store.canSave()).toBe(true);
    await store.save('sftp://anna@host/site', 'geheim-123');
    await store.save('https://dav.example.org/site', 'other');
    const onDisk = await readFile(path.join(dir, SECRETS_FILE), 'utf8');
    expect(onDisk).not.toContain('geheim-123');
    expect(await store.load('sftp://anna@host/site')).toBe('geheim-123');
    expect(await store.load('sftp://bob@host/site')).toBeUndefined();
    await store.forget('sftp://anna@host/site');
    expect(await store.load('sftp://anna@host/site')).toBeUndefined();
    expect(await store.load('https://dav.example.org/site')).toBe('other');
  });

  it('refuses to save where encryption is missing or only a fixed fallback key', async () => {
    for (const opts of [{ available: false }, { weak: true }]) {
      const dir = await tempDir();
      const store = createSecretStore(dir, aesCipher(opts).cipher);
      expect(await store.canSave()).toBe(false);
      await expect(store.save('sftp://a@h/x', 'pw')).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(readFile(path.join(dir, SECRETS_FILE))).rejects.toThrow(/ENOENT/);
    }
  });

  it('re-encrypts after a key rotation and treats undecryptable or damaged entries as unsaved', async () => {
    const dir = await tempDir();
    const c = aesCipher();
    const store = createSecretStore(dir, c.cipher);
    await store.save('sftp://a@h/x', 'pw');
    const before = await readFile(path.join(dir, SECRETS_FILE), 'utf8');
    c.rotate();
    expect(await store.load('sftp://a@h/x')).toBe('pw');
    expect(await readFile(path.join(dir, SECRETS_FILE), 'utf8')).not.toBe(before);
    c.loseKey();
    expect(await store.load('sftp://a@h/x')).toBeUndefined();
    await writeFile(path.join(dir, SECRETS_FILE), '{ damaged');
    expect(await store.load('sftp://a@h/x')).toBeUndefined();
  });
});
