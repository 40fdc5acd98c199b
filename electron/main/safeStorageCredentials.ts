import { safeStorage } from 'electron';
import { join } from 'node:path';
import { FileCredentialStore, type CredentialStore } from '../services/publish/credentials/credentialStore';

/**
 * Destinations' secrets in the app: encrypted with the system's keychain through Electron's
 * safeStorage (Keychain on macOS, DPAPI on Windows, the Secret Service or kwallet on Linux),
 * then kept in a 0600 file in the settings folder. Electron glue only; the store itself is a service.
 */
export function safeStorageCredentials(userDataFolder: string): CredentialStore {
  return new FileCredentialStore(join(userDataFolder, 'publish-credentials.safe.json'), {
    encode: (secret) => safeStorage.encryptString(secret).toString('base64'),
    decode: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  });
}
