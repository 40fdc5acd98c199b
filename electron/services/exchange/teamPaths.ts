import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { idSchema } from '../../../shared/model/event';
import { ServiceError } from '../storage/serviceError';
import type { LibraryPaths } from '../library/libraryPaths';

/**
 * events/<eventId>/team/: what this library remembers about exchanging the event with a team.
 * Local only: never put in a bundle, never pushed.
 *   ledger.json              what was last exchanged: field stamps, note versions, the session id map
 *   incoming/<sessionId>.json teammates' versions of a note kept beside this library's own
 *   replaced/                post texts a teammate's later change replaced, kept as they were
 *   sync/                    the Git repository (repo.git), its remote, the last sync's status
 */
export class TeamPaths {
  constructor(private readonly paths: LibraryPaths) {}

  folder(eventId: string): string {
    return join(this.paths.eventFolder(eventId), 'team');
  }
  ledgerFile(eventId: string): string {
    return join(this.folder(eventId), 'ledger.json');
  }
  incomingFolder(eventId: string): string {
    return join(this.folder(eventId), 'incoming');
  }
  incomingFile(eventId: string, sessionId: string): string {
    // The session id becomes a file name: nothing but an id may.
    if (!idSchema.safeParse(sessionId).success) throw new ServiceError('invalid-argument', `"${String(sessionId).slice(0, 60)}" is not a valid session id.`);
    return join(this.incomingFolder(eventId), `${sessionId}.json`);
  }
  replacedFolder(eventId: string): string {
    return join(this.folder(eventId), 'replaced');
  }
  syncFolder(eventId: string): string {
    return join(this.folder(eventId), 'sync');
  }
}

/** Creates each folder in turn if missing; not recursive, so a vanished event folder is never brought back. */
export async function ensureFolders(...folders: string[]): Promise<void> {
  for (const folder of folders) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
