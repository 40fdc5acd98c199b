import type { EventFile } from '../../../shared/model/event';
import type { SerializedNoteState } from '../../../shared/note/noteFile';

/** What the stores tell listeners (the search index) after a write has landed on disk. */
export type LibraryChange =
  | { kind: 'event-saved'; event: EventFile }
  | { kind: 'event-removed'; eventId: string }
  | { kind: 'note-saved'; eventId: string; sessionId: string; editorState: SerializedNoteState }
  | { kind: 'note-removed'; eventId: string; sessionId: string };

export type LibraryChangeListener = (change: LibraryChange) => void;

export const ignoreLibraryChanges: LibraryChangeListener = () => undefined;
