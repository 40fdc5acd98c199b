import { ServiceError } from '../storage/serviceError';
import type { SecretKey, SecretStore } from './secretStore';

/** How the app seals a secret: Electron's safeStorage, provided by the shell (services never import electron). */
export type SecretCipher = { available(): boolean; encrypt(secret: string): string; decrypt(sealed: string): string };

/**
 * Secrets sealed by the operating system's keychain (Keychain, DPAPI, the Secret Service or
 * kwallet) before they reach the file underneath, so the file alone opens nothing. Which site a
 * secret belongs to is not secret and is kept beside it in the clear.
 */
export class SealedSecretStore implements SecretStore {
  constructor(
    private readonly sealed: SecretStore,
    private readonly cipher: SecretCipher,
  ) {}

  async get(key: SecretKey, siteUrl: string): Promise<string | null> {
    const value = await this.sealed.get(key, siteUrl);
    if (value === null || !this.cipher.available()) return null;
    try {
      return this.cipher.decrypt(value);
    } catch {
      // Sealed under another user or keychain: it has to be typed again.
      return null;
    }
  }

  async set(key: SecretKey, value: string, siteUrl: string): Promise<void> {
    if (!this.cipher.available()) {
      throw new ServiceError(
        'io-error',
        'This computer offers no keychain to keep the password or token safely (on Linux: no Secret Service or KWallet is running), so it was not stored. Start the keychain and try again.',
      );
    }
    await this.sealed.set(key, this.cipher.encrypt(value), siteUrl);
  }

  delete(key: SecretKey): Promise<void> {
    return this.sealed.delete(key);
  }
}
