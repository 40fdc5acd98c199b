import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { fileSystemError, ServiceError } from '../storage/serviceError';

/**
 * Where tokens are kept, never in the library: in the app, Electron's safeStorage (the OS
 * keychain) behind this interface, provided by the shell; under the host and the CLI, a file
 * only the user can read (mode 0600) in the settings folder.
 */
export type SecretStore = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
};

const secretsFileSchema = z.strictObject({ format: z.literal(1), secrets: z.record(z.string().max(2100), z.string().max(8000)) });

export const SECRETS_FILE_NAME = 'credentials.json';

/** A JSON file of mode 0600 (written to a temporary file of mode 0600 and renamed, so it is never readable by others). */
export class FileSecretStore implements SecretStore {
  constructor(readonly filePath: string) {}

  async get(key: string): Promise<string | null> {
    return (await this.readAll())[key] ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    await this.writeAll({ ...(await this.readAll()), [key]: value });
  }

  async delete(key: string): Promise<void> {
    const all = await this.readAll();
    delete all[key];
    await this.writeAll(all);
  }

  private async readAll(): Promise<Record<string, string>> {
    let raw: string;
    try {
      raw = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw fileSystemError(`read the stored tokens (${this.filePath})`, error);
    }
    try {
      return secretsFileSchema.parse(JSON.parse(raw)).secrets;
    } catch {
      // A damaged token file only means asking for the token again; it holds nothing else.
      return {};
    }
  }

  private async writeAll(secrets: Record<string, string>): Promise<void> {
    const folder = dirname(this.filePath);
    const temporary = join(folder, `.${basename(this.filePath)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ format: 1, secrets }));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await chmod(temporary, 0o600);
      await rename(temporary, this.filePath);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw fileSystemError(`store the token (${this.filePath})`, error);
    }
  }
}

/** For tests and for a front that must not keep tokens across runs. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, string>();
  async get(key: string): Promise<string | null> {
    return this.secrets.get(key) ?? null;
  }
  async set(key: string, value: string): Promise<void> {
    this.secrets.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.secrets.delete(key);
  }
}

/** How the app encrypts a secret (Electron's safeStorage, provided by the shell: services never import electron). */
export type SecretCipher = { available(): boolean; encrypt(secret: string): string; decrypt(sealed: string): string };

/** Secrets sealed by the operating system's keychain before they reach the file. */
export class EncryptedSecretStore implements SecretStore {
  constructor(
    private readonly sealed: SecretStore,
    private readonly cipher: SecretCipher,
  ) {}

  async get(key: string): Promise<string | null> {
    const value = await this.sealed.get(key);
    if (value === null || !this.cipher.available()) return null;
    try {
      return this.cipher.decrypt(value);
    } catch {
      // Sealed under another user or keychain: the token has to be given again.
      return null;
    }
  }

  async set(key: string, value: string): Promise<void> {
    if (!this.cipher.available()) {
      throw new ServiceError('io-error', 'This computer offers no keychain to keep the token safely, so it was not stored; sync with `hallnotes sync --token-file` instead.');
    }
    await this.sealed.set(key, this.cipher.encrypt(value));
  }

  delete(key: string): Promise<void> {
    return this.sealed.delete(key);
  }
}
