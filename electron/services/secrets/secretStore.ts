import { ServiceError } from '../storage/serviceError';

/**
 * A secret's place in the store: its name, and the key an older Hallnotes kept it under (read
 * once and moved to `name`). Every use has its own names (secretKeys.ts).
 */
export type SecretKey = { name: string; formerly?: string };

/**
 * The one place Hallnotes keeps passwords, keys and tokens: a destination's Application
 * Password or Admin API key, an event's Git token. Never the library, an export, a bundle, a
 * repository or a log. Each secret is kept with the site it was typed for (its origin:
 * scheme, host and port) and is handed out only for that site, so nothing that changes an
 * address, not even a compromised page, can send a stored secret somewhere else.
 *
 * Implementations: a file only the user can read (FileSecretStore, the host and the CLI), the
 * same sealed by the system keychain (SealedSecretStore over Electron's safeStorage, in the
 * app), and MemorySecretStore for tests and fronts that must not keep secrets.
 */
export interface SecretStore {
  /** The secret stored under `key` for the site at `siteUrl` (the same origin); null when there is none, or it was typed for another site. */
  get(key: SecretKey, siteUrl: string): Promise<string | null>;
  /** Keeps `value` under `key` for the site at `siteUrl`, replacing what was there (for whatever site). */
  set(key: SecretKey, value: string, siteUrl: string): Promise<void>;
  delete(key: SecretKey): Promise<void>;
}

/** "https://blog.example.org:8443": what a secret is bound to. */
export function originOf(siteUrl: string): string {
  const origin = URL.parse(siteUrl)?.origin;
  if (!origin || origin === 'null') throw new ServiceError('invalid-argument', `“${siteUrl}” is not a web address a password or token can be kept for.`);
  return origin;
}

/** In memory only: for tests, and for a front that must not keep secrets across runs. */
export class MemorySecretStore implements SecretStore {
  private readonly secrets = new Map<string, { value: string; origin: string }>();

  async get(key: SecretKey, siteUrl: string): Promise<string | null> {
    const entry = this.secrets.get(key.name);
    return entry && entry.origin === originOf(siteUrl) ? entry.value : null;
  }

  async set(key: SecretKey, value: string, siteUrl: string): Promise<void> {
    this.secrets.set(key.name, { value, origin: originOf(siteUrl) });
  }

  async delete(key: SecretKey): Promise<void> {
    this.secrets.delete(key.name);
  }
}

/**
 * Secrets given for this run only (the CLI's --password-file or environment variable): used
 * before the stored ones, for the same site only, and never written anywhere.
 */
export class RunOnlySecrets implements SecretStore {
  private readonly given = new MemorySecretStore();

  constructor(private readonly stored: SecretStore) {}

  useForThisRun(key: SecretKey, value: string, siteUrl: string): Promise<void> {
    return this.given.set(key, value, siteUrl);
  }

  async get(key: SecretKey, siteUrl: string): Promise<string | null> {
    return (await this.given.get(key, siteUrl)) ?? this.stored.get(key, siteUrl);
  }

  set(key: SecretKey, value: string, siteUrl: string): Promise<void> {
    return this.stored.set(key, value, siteUrl);
  }

  async delete(key: SecretKey): Promise<void> {
    await this.given.delete(key);
    await this.stored.delete(key);
  }
}
