import { join } from 'node:path';
import { idSchema } from '../../../shared/model/event';
import { ServiceError } from '../storage/serviceError';

/**
 * Where everything lives inside a library folder:
 *   events/<eventId>/event.json            metadata and agenda
 *   events/<eventId>/notes/<sessionId>.json one Lexical note per session
 *   trash/                                 deleted events and sessions, restorable by hand
 *   quarantine/                            files that failed validation, moved aside
 *   .locks/<eventId>.lock                  held while a process changes that event (see LibraryLocks)
 */
export class LibraryPaths {
  constructor(readonly root: string) {}

  get eventsFolder(): string {
    return join(this.root, 'events');
  }
  get trashFolder(): string {
    return join(this.root, 'trash');
  }
  get quarantineFolder(): string {
    return join(this.root, 'quarantine');
  }
  get locksFolder(): string {
    return join(this.root, '.locks');
  }
  lockFile(eventId: string): string {
    return join(this.locksFolder, `${checkedId(eventId, 'event')}.lock`);
  }
  /** Ids become path segments, so a malformed one is refused here whoever the caller is. */
  eventFolder(eventId: string): string {
    return join(this.eventsFolder, checkedId(eventId, 'event'));
  }
  eventFile(eventId: string): string {
    return join(this.eventFolder(eventId), 'event.json');
  }
  notesFolder(eventId: string): string {
    return join(this.eventFolder(eventId), 'notes');
  }
  noteFile(eventId: string, sessionId: string): string {
    return join(this.notesFolder(eventId), `${checkedId(sessionId, 'session')}.json`);
  }
}

function checkedId(id: string, kind: string): string {
  if (!idSchema.safeParse(id).success) throw new ServiceError('invalid-argument', `"${String(id).slice(0, 60)}" is not a valid ${kind} id.`);
  return id;
}
