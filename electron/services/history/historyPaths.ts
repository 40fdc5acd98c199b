import { join } from 'node:path';
import type { LibraryPaths } from '../library/libraryPaths';

/** events/<eventId>/history/<sessionId>/: one file per snapshot of that session's note. */
export function historyFolder(paths: LibraryPaths, eventId: string, sessionId: string): string {
  // noteFile refuses malformed ids, which become path segments here too.
  paths.noteFile(eventId, sessionId);
  return join(paths.eventFolder(eventId), 'history', sessionId);
}

/**
 * quarantine/_damaged-notes/<eventId>/<sessionId>.json: remembers a note that was moved aside
 * until the user decides. The underscore keeps the folder apart from the per-event quarantine
 * folders: no event id can start with one.
 */
export function damageRecordFile(paths: LibraryPaths, eventId: string, sessionId: string): string {
  paths.noteFile(eventId, sessionId);
  return join(paths.quarantineFolder, '_damaged-notes', eventId, `${sessionId}.json`);
}
