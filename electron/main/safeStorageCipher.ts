import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/secrets/sealedSecretStore';

/** Passwords and tokens are sealed with the OS keychain (Keychain, DPAPI, libsecret) before they are written. */
export const safeStorageCipher: SecretCipher = {
  available: () => safeStorage.isEncryptionAvailable(),
  encrypt: (secret) => safeStorage.encryptString(secret).toString('base64'),
  decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
};
