import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, WriteQueue } from '../storage/atomicWrite';
import { readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError } from '../storage/serviceError';
import { originOf, type SecretKey, type SecretStore } from './secretStore';

const SECRETS_FORMAT = 1;
const MAX_VALUE = 8000;

const secretsFileSchema = z.strictObject({
  format: z.literal(SECRETS_FORMAT),
  /** By name (secretKeys.ts): the value, and the origin of the site it was typed for. */
  secrets: z.record(z.string().max(2100), z.strictObject({ value: z.string().max(MAX_VALUE), origin: z.string().max(2100) })),
  /** Moved in from an older Hallnotes' files, by the name it used; each goes to `secrets` when first read. */
  formerly: z.record(z.string().max(2100), z.string().max(MAX_VALUE)),
});
type SecretsFile = z.infer<typeof secretsFileSchema>;

/** The files Hallnotes kept secrets in before there was one store: the same shape, one map of name → value. */
const legacyFileSchema = z.strictObject({ format: z.literal(1), secrets: z.record(z.string().max(2100), z.string().max(MAX_VALUE)) });

const DESCRIPTION = 'the stored passwords and tokens';

/**
 * One JSON file of secrets, mode 0600 (readable by this user only, as ssh and git keep theirs),
 * written atomically through a temporary file of the same mode. Values are kept as given: the
 * host and the CLI store them as they are; the app's SealedSecretStore hands this file sealed
 * values only.
 *
 * `legacyFiles` are the files an older Hallnotes wrote (publishing's and sync's, each its own):
 * on first use their secrets are moved into this file, which is written before they are removed,
 * so a kill in between loses nothing (the next run finds this file and only removes them).
 */
export class FileSecretStore implements SecretStore {
  private readonly writes = new WriteQueue();
  private migrated = false;

  constructor(
    readonly filePath: string,
    private readonly legacyFiles: readonly string[] = [],
  ) {}

  get(key: SecretKey, siteUrl: string): Promise<string | null> {
    const origin = originOf(siteUrl);
    return this.exclusive(async () => {
      const file = await this.readFile();
      const entry = file.secrets[key.name];
      if (entry) return entry.origin === origin ? entry.value : null;
      const former = key.formerly === undefined ? undefined : file.formerly[key.formerly];
      if (former === undefined) return null;
      // Kept before secrets knew their site: it is bound to the one it is first asked for, the site its owner set up with it.
      delete file.formerly[key.formerly!];
      await this.writeFile({ ...file, secrets: { ...file.secrets, [key.name]: { value: former, origin } } });
      return former;
    });
  }

  set(key: SecretKey, value: string, siteUrl: string): Promise<void> {
    const origin = originOf(siteUrl);
    return this.exclusive(async () => {
      const file = await this.readFile();
      if (key.formerly !== undefined) delete file.formerly[key.formerly];
      await this.writeFile({ ...file, secrets: { ...file.secrets, [key.name]: { value, origin } } });
    });
  }

  delete(key: SecretKey): Promise<void> {
    return this.exclusive(async () => {
      const file = await this.readFile();
      const had = key.name in file.secrets || (key.formerly !== undefined && key.formerly in file.formerly);
      if (!had) return;
      delete file.secrets[key.name];
      if (key.formerly !== undefined) delete file.formerly[key.formerly];
      await this.writeFile(file);
    });
  }

  /** Every change is a read-modify-write of the one file; the first one of a run moves in the older files. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.writes.run(this.filePath, async () => {
      if (!this.migrated) {
        await this.moveInLegacyFiles();
        this.migrated = true;
      }
      return work();
    });
  }

  private async moveInLegacyFiles(): Promise<void> {
    const found: { path: string; secrets: Record<string, string> }[] = [];
    for (const path of this.legacyFiles) {
      const legacy = await this.readJson(path, legacyFileSchema);
      if (legacy) found.push({ path, secrets: legacy.secrets });
    }
    if (found.length === 0) return;
    const file = await this.readFile();
    const formerly = { ...file.formerly };
    for (const { secrets } of found) for (const [name, value] of Object.entries(secrets)) formerly[name] ??= value;
    await this.writeFile({ ...file, formerly });
    for (const { path } of found) {
      try {
        await rm(path, { force: true });
      } catch (error) {
        throw fileSystemError(`remove ${path}, whose secrets are now in ${this.filePath}`, error);
      }
    }
  }

  private async readFile(): Promise<SecretsFile> {
    return (await this.readJson(this.filePath, secretsFileSchema)) ?? { format: SECRETS_FORMAT, secrets: {}, formerly: {} };
  }

  private async readJson<Schema extends z.ZodType>(path: string, schema: Schema): Promise<z.output<Schema> | null> {
    await keepPrivate(path);
    return readValidatedJson({ filePath: path, schema, supportedFormat: SECRETS_FORMAT, description: `${DESCRIPTION} (${path})`, quarantineFolder: join(dirname(path), 'damaged') });
  }

  private async writeFile(file: SecretsFile): Promise<void> {
    const folder = dirname(this.filePath);
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw fileSystemError(`create the settings folder ${folder}`, error);
    }
    await writeFileAtomic(this.filePath, JSON.stringify(file), `${DESCRIPTION} (${this.filePath})`, 0o600);
  }
}

/** A file copied in with a wider mode (a backup restored, a hand edit) is made private again before it is read. */
async function keepPrivate(path: string): Promise<void> {
  try {
    const { mode } = await stat(path);
    if ((mode & 0o077) !== 0) await chmod(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fileSystemError(`check ${DESCRIPTION} (${path})`, error);
  }
}
