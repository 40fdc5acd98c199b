import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { eventFileSchema, idSchema, sessionSchema, type EventFile } from '../../../shared/model/event';
import type { LibraryPaths } from '../library/libraryPaths';
import { readJsonIfValid } from '../storage/readValidatedJson';
import { fileSystemError } from '../storage/serviceError';

/**
 * The trash on disk, as the event and note stores leave it:
 *   trash/events/<stamp>-<eventId>/                      the whole event folder
 *   trash/sessions/<stamp>-<eventId>-<sessionId>/session.json  { eventId, session }
 *                                               /note.json     the note, when there was one
 * <stamp> is `2026-11-02T10-15-00-123Z`, the moment of deletion.
 */
export type TrashKind = 'events' | 'sessions';
export const TRASH_KINDS: readonly TrashKind[] = ['events', 'sessions'];

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(.+)$/;
const ENTRY_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

export const deletedSessionSchema = z.object({ eventId: idSchema, session: sessionSchema });
export type DeletedSession = z.infer<typeof deletedSessionSchema>;

export function trashKindFolder(paths: LibraryPaths, kind: TrashKind): string {
  return join(paths.trashFolder, kind);
}

/** The folders of one kind in the trash (hidden and odd names skipped). */
export async function trashFolderNames(paths: LibraryPaths, kind: TrashKind): Promise<string[]> {
  try {
    return (await readdir(trashKindFolder(paths, kind))).filter((name) => ENTRY_NAME.test(name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fileSystemError(`read the trash at ${paths.trashFolder}`, error);
  }
}

/** `2026-11-02T10-15-00-123Z-…` → `2026-11-02T10:15:00.123Z`; null for a name without a stamp. */
export function deletedAtOf(folderName: string): string | null {
  const match = STAMP.exec(folderName);
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z` : null;
}

/** What follows the stamp: the event id for a deleted event. */
export function afterStamp(folderName: string): string {
  return STAMP.exec(folderName)?.[6] ?? folderName;
}

/** Reads and validates a JSON file in the trash; null when it is missing or unreadable (the trash is never quarantined). */
function readTrashJson<T>(filePath: string, schema: z.ZodType<T>): Promise<T | null> {
  return readJsonIfValid(filePath, schema, 'in the trash');
}

export function readDeletedEvent(folder: string): Promise<EventFile | null> {
  return readTrashJson(join(folder, 'event.json'), eventFileSchema);
}

export function readDeletedSession(folder: string): Promise<DeletedSession | null> {
  return readTrashJson(join(folder, 'session.json'), deletedSessionSchema);
}
