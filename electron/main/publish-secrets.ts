import { safeStorage } from 'electron';
import type { Cipher } from '../core/publish/secret-store';

/**
 * Electron's safeStorage as the secret store's Cipher; the decisions (what to store, when to
 * refuse) live in core/publish/secret-store.ts. The asynchronous API is used because the
 * synchronous one is deprecated and removed in Electron 46.
 */
export const safeStorageCipher: Cipher = {
  available: () => safeStorage.isAsyncEncryptionAvailable(),
  weak: () =>
    process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text',
  encrypt: (plain) => safeStorage.encryptStringAsync(plain),
  decrypt: async (encrypted) => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(encrypted);
    return { plain: result, reEncrypt: shouldReEncrypt };
  },
};
