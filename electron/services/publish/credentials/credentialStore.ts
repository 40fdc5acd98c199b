import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, WriteQueue } from '../../storage/atomicWrite';
import { readValidatedJson } from '../../storage/readValidatedJson';
import { fileSystemError } from '../../storage/serviceError';

/**
 * Where destinations' passwords and keys live, apart from the destinations themselves, so that
 * nothing else Hallnotes writes (the library, exports, logs, settings) ever holds one.
 */
export interface CredentialStore {
  read(destinationId: string): Promise<string | null>;
  write(destinationId: string, secret: string): Promise<void>;
  remove(destinationId: string): Promise<void>;
}

/** How a secret is kept on disk: as it is (a file only its owner can read) or encrypted by the system (Electron's safeStorage). */
export type SecretCodec = { encode(secret: string): string; decode(stored: string): string };

export const PLAIN_CODEC: SecretCodec = { encode: (secret) => secret, decode: (stored) => stored };

const CREDENTIALS_FORMAT = 1;
const credentialsFileSchema = z.strictObject({
  format: z.literal(CREDENTIALS_FORMAT),
  secrets: z.record(z.string(), z.string()),
});

/**
 * One JSON file of secrets by destination id, mode 0600 (readable by this user only), written
 * atomically. The host and the CLI store secrets as they are (the file's mode protects them, as
 * ssh and git do); the Electron app passes a codec that encrypts them with safeStorage.
 */
export class FileCredentialStore implements CredentialStore {
  private readonly writes = new WriteQueue();

  constructor(
    private readonly filePath: string,
    private readonly codec: SecretCodec = PLAIN_CODEC,
  ) {}

  async read(destinationId: string): Promise<string | null> {
    const stored = (await this.readFile()).secrets[destinationId];
    return stored === undefined ? null : this.codec.decode(stored);
  }

  write(destinationId: string, secret: string): Promise<void> {
    return this.update((secrets) => ({ ...secrets, [destinationId]: this.codec.encode(secret) }));
  }

  remove(destinationId: string): Promise<void> {
    return this.update((secrets) => Object.fromEntries(Object.entries(secrets).filter(([id]) => id !== destinationId)));
  }

  private update(change: (secrets: Record<string, string>) => Record<string, string>): Promise<void> {
    return this.writes.run(this.filePath, async () => {
      const secrets = change((await this.readFile()).secrets);
      try {
        await mkdir(dirname(this.filePath), { recursive: true, mode: 0o700 });
      } catch (error) {
        throw fileSystemError(`create the settings folder ${dirname(this.filePath)}`, error);
      }
      await writeFileAtomic(this.filePath, JSON.stringify({ format: CREDENTIALS_FORMAT, secrets }), 'the stored site passwords', 0o600);
    });
  }

  private async readFile(): Promise<z.infer<typeof credentialsFileSchema>> {
    await this.keepPrivate();
    const file = await readValidatedJson({
      filePath: this.filePath,
      schema: credentialsFileSchema,
      supportedFormat: CREDENTIALS_FORMAT,
      description: 'the stored site passwords',
      quarantineFolder: `${dirname(this.filePath)}/damaged`,
    });
    return file ?? { format: CREDENTIALS_FORMAT, secrets: {} };
  }

  /** A file copied in with a wider mode (a backup restore, a hand edit) is made private again before it is read. */
  private async keepPrivate(): Promise<void> {
    try {
      const { mode } = await stat(this.filePath);
      if ((mode & 0o077) !== 0) await chmod(this.filePath, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileSystemError('check the stored site passwords', error);
    }
  }
}

/** Secrets given for this run only (an environment variable, --password-file): used first, never written. */
export class OverlayCredentialStore implements CredentialStore {
  private readonly overrides = new Map<string, string>();

  constructor(private readonly base: CredentialStore) {}

  useForThisRun(destinationId: string, secret: string): void {
    this.overrides.set(destinationId, secret);
  }

  async read(destinationId: string): Promise<string | null> {
    return this.overrides.get(destinationId) ?? this.base.read(destinationId);
  }

  write(destinationId: string, secret: string): Promise<void> {
    return this.base.write(destinationId, secret);
  }

  remove(destinationId: string): Promise<void> {
    this.overrides.delete(destinationId);
    return this.base.remove(destinationId);
  }
}
