import { EventStore } from './library/eventStore';
import { LibraryPaths } from './library/libraryPaths';
import { NoteStore } from './notes/noteStore';
import { PreferenceService, type PreferenceBackend } from './preferences/preferenceService';
import { WriteQueue } from './storage/atomicWrite';

export type Services = {
  paths: LibraryPaths;
  events: EventStore;
  notes: NoteStore;
  preferences: PreferenceService;
  /** Every pending write; awaited before quit. */
  writes: WriteQueue;
};

/** Wires the services for one library; the same for Electron main, the host and the CLI. */
export function createServices(options: { libraryPath: string; preferences: PreferenceBackend }): Services {
  const paths = new LibraryPaths(options.libraryPath);
  const writes = new WriteQueue();
  const events = new EventStore(paths, writes);
  return {
    paths,
    events,
    notes: new NoteStore(paths, events, writes),
    preferences: new PreferenceService(options.preferences),
    writes,
  };
}
