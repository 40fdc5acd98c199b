import { join } from 'node:path';
import { z } from 'zod';
import { SYNC_STATES, remoteUrlSchema, type ExchangeReport } from '../../../shared/model/team';
import { writeFileAtomic } from '../storage/atomicWrite';
import { readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError } from '../storage/serviceError';
import type { LibraryPaths } from '../library/libraryPaths';
import { ensureFolders, type TeamPaths } from '../exchange/teamPaths';

/** team/sync/remote.json: where this event syncs to. The token is not here (see SecretStore). */
const remoteFileSchema = z.strictObject({ format: z.literal(1), remoteUrl: remoteUrlSchema, username: z.string().max(200) });
export type RemoteSettings = z.infer<typeof remoteFileSchema>;

// Written by this library itself; only its shape is checked.
const reportSchema = z.custom<ExchangeReport>((value) => typeof value === 'object' && value !== null);
/** team/sync/status.json: how the last sync went, for the Team panel and `hallnotes sync --json`. */
const statusFileSchema = z.strictObject({
  format: z.literal(1),
  state: z.enum(SYNC_STATES),
  lastSyncedAt: z.iso.datetime().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  message: z.string().max(2000).nullable(),
  cameIn: reportSchema.nullable(),
});
export type SyncStatusFile = z.infer<typeof statusFileSchema>;

export class SyncSettings {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly team: TeamPaths,
  ) {}

  gitdir(eventId: string): string {
    return join(this.team.syncFolder(eventId), 'repo.git');
  }

  readRemote(eventId: string): Promise<RemoteSettings | null> {
    return this.read(eventId, 'remote.json', remoteFileSchema, 'sync settings');
  }

  writeRemote(eventId: string, remote: Omit<RemoteSettings, 'format'>): Promise<void> {
    return this.write(eventId, 'remote.json', { format: 1, ...remote }, 'sync settings');
  }

  readStatus(eventId: string): Promise<SyncStatusFile | null> {
    return this.read(eventId, 'status.json', statusFileSchema, 'sync status');
  }

  writeStatus(eventId: string, status: Omit<SyncStatusFile, 'format'>): Promise<void> {
    return this.write(eventId, 'status.json', { format: 1, ...status }, 'sync status');
  }

  private read<Schema extends z.ZodType>(eventId: string, name: string, schema: Schema, what: string): Promise<z.output<Schema> | null> {
    return readValidatedJson({
      filePath: join(this.team.syncFolder(eventId), name),
      schema,
      supportedFormat: 1,
      description: `the ${what} of event "${eventId}"`,
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    });
  }

  private async write(eventId: string, name: string, value: unknown, what: string): Promise<void> {
    try {
      await ensureFolders(this.team.folder(eventId), this.team.syncFolder(eventId));
    } catch (error) {
      throw fileSystemError(`keep the ${what} of event "${eventId}"`, error);
    }
    await writeFileAtomic(join(this.team.syncFolder(eventId), name), `${JSON.stringify(value, null, 1)}\n`, `the ${what} of event "${eventId}"`);
  }
}
