import type { PostDay, PostTextPart } from '../../../shared/model/post';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { api } from '../../api/bridge';
import { NoteSaver, type NoteAddress } from '../note/noteSaver';

export type PostPart = PostTextPart;

/** The intro and closing are edited with the note editor, which saves by address; this is theirs. */
export function postTextAddress(eventId: string, day: PostDay, part: PostPart): NoteAddress {
  return { eventId, sessionId: `post-${day ?? 'event'}-${part}` };
}

/**
 * A NoteSaver (debounced, one save in flight, retried until it lands) whose saves go into the
 * post's own file instead of a session note. `onSending` sees each state as it is sent (the
 * preview shows it), `onSaved` is told once it is on disk.
 */
export function createPostTextSaver(eventId: string, day: PostDay, listener: { onSending(part: PostPart, state: SerializedNoteState): void; onSaved(): void }): NoteSaver {
  return new NoteSaver(async ({ sessionId, editorState }) => {
    const part: PostPart = sessionId === postTextAddress(eventId, day, 'intro').sessionId ? 'intro' : 'closing';
    listener.onSending(part, editorState);
    const result = await api['posts:save']({ eventId, day, changes: { [part]: editorState } });
    if (!result.ok) return result;
    listener.onSaved();
    return { ok: true, value: { savedAt: result.value.savedAt, bytesWritten: result.value.bytesWritten } };
  });
}
