import { join } from 'node:path';
import { FileSecretStore } from './fileSecretStore';
import { SealedSecretStore, type SecretCipher } from './sealedSecretStore';
import type { SecretStore } from './secretStore';

/** The host's and the CLI's secrets, in the settings folder, mode 0600. */
export const SECRETS_FILE_NAME = 'secrets.json';
/** The app's, sealed by the system keychain. */
export const SEALED_SECRETS_FILE_NAME = 'secrets.sealed.json';

/** What an older Hallnotes wrote (publishing's passwords, sync's tokens), moved into the one file on first use. */
const LEGACY_FILES = ['publish-credentials.json', 'credentials.json'];
const LEGACY_SEALED_FILES = ['publish-credentials.safe.json', 'credentials.sealed.json'];

/**
 * The secret store of one front, in its settings folder: the host and the CLI keep secrets in
 * a file only the user can read; the app passes Electron's safeStorage as `cipher`, and its
 * file holds only sealed values.
 */
export function openSecretStore(configFolder: string, cipher?: SecretCipher): SecretStore {
  if (!cipher) return new FileSecretStore(join(configFolder, SECRETS_FILE_NAME), LEGACY_FILES.map((name) => join(configFolder, name)));
  return new SealedSecretStore(new FileSecretStore(join(configFolder, SEALED_SECRETS_FILE_NAME), LEGACY_SEALED_FILES.map((name) => join(configFolder, name))), cipher);
}
