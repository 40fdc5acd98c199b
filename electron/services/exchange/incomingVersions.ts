import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { idSchema } from '../../../shared/model/event';
import { serializedNoteStateSchema } from '../../../shared/note/noteFile';
import { canonicalJson } from '../merge/canonicalJson';
import type { LibraryPaths } from '../library/libraryPaths';
import { writeFileAtomic } from '../storage/atomicWrite';
import { readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError } from '../storage/serviceError';
import { versionRefSchema } from './ledger';
import { ensureFolders, type TeamPaths } from './teamPaths';

/**
 * Teammates' versions of a note kept beside this library's own (team/incoming/<sessionId>.json):
 * the marker on the session the note pane shows, until the reporter uses theirs or keeps
 * their own. Each is also a "from <author>" snapshot in the note's History.
 */
export const INCOMING_FORMAT = 1;

const incomingVersionSchema = versionRefSchema.extend({
  editorState: serializedNoteStateSchema,
  receivedAt: z.iso.datetime(),
  via: z.enum(['bundle', 'sync']),
});
export type StoredIncomingVersion = z.infer<typeof incomingVersionSchema>;

const incomingFileSchema = z.strictObject({
  format: z.literal(INCOMING_FORMAT),
  sessionId: idSchema,
  versions: z.array(incomingVersionSchema).max(50),
});

export class IncomingVersionStore {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly team: TeamPaths,
  ) {}

  async read(eventId: string, sessionId: string): Promise<StoredIncomingVersion[]> {
    const file = await readValidatedJson({
      filePath: this.team.incomingFile(eventId, sessionId),
      schema: incomingFileSchema,
      supportedFormat: INCOMING_FORMAT,
      description: `the teammates' versions of a note in event "${eventId}"`,
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    });
    return file?.versions ?? [];
  }

  /** Every session that has teammates' versions waiting, with them. */
  async readAll(eventId: string): Promise<Map<string, StoredIncomingVersion[]>> {
    const all = new Map<string, StoredIncomingVersion[]>();
    for (const sessionId of await this.sessionIds(eventId)) {
      const versions = await this.read(eventId, sessionId);
      if (versions.length > 0) all.set(sessionId, versions);
    }
    return all;
  }

  async sessionIds(eventId: string): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.team.incomingFolder(eventId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fileSystemError(`read the teammates' versions of event "${eventId}"`, error);
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((id) => idSchema.safeParse(id).success)
      .sort();
  }

  async write(eventId: string, sessionId: string, versions: StoredIncomingVersion[]): Promise<void> {
    const filePath = this.team.incomingFile(eventId, sessionId);
    if (versions.length === 0) {
      await rm(filePath, { force: true }).catch((error: unknown) => {
        throw fileSystemError(`clear the teammates' versions of a note in event "${eventId}"`, error);
      });
      return;
    }
    try {
      await ensureFolders(this.team.folder(eventId), this.team.incomingFolder(eventId));
    } catch (error) {
      throw fileSystemError(`keep a teammate's version of a note in event "${eventId}"`, error);
    }
    await writeFileAtomic(filePath, canonicalJson({ format: INCOMING_FORMAT, sessionId, versions }), `a teammate's version of a note in event "${eventId}"`);
  }
}
