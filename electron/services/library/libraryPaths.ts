import { join } from 'node:path';

/**
 * Where everything lives inside a library folder:
 *   events/<eventId>/event.json            metadata and agenda
 *   events/<eventId>/notes/<sessionId>.json one Lexical note per session
 *   trash/                                 deleted events and sessions, restorable by hand
 *   quarantine/                            files that failed validation, moved aside
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
  eventFolder(eventId: string): string {
    return join(this.eventsFolder, eventId);
  }
  eventFile(eventId: string): string {
    return join(this.eventFolder(eventId), 'event.json');
  }
  notesFolder(eventId: string): string {
    return join(this.eventFolder(eventId), 'notes');
  }
  noteFile(eventId: string, sessionId: string): string {
    return join(this.notesFolder(eventId), `${sessionId}.json`);
  }
}
