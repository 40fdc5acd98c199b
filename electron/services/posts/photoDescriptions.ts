import { IMAGE_NODE_TYPE } from '../../../shared/export/customNodeTypes';
import { singleLine } from '../../../shared/export/inlineContent';
import type { PhotoDescription } from '../../../shared/model/post';
import type { SerializedNoteNode } from '../../../shared/note/noteFile';
import type { EventStore } from '../library/eventStore';
import type { NoteStore } from '../notes/noteStore';
import { ServiceError } from '../storage/serviceError';

/**
 * Gives a photo in a session's note the description (alt text) the reporter typed in the
 * post's needs-attention list. Every use of that photo in the note without a description of
 * its own gets it; nothing else in the note changes. The note is saved like any edit, so the
 * version before it is kept in the history.
 */
export async function describePhoto({ events, notes }: { events: EventStore; notes: NoteStore }, { eventId, sessionId, src, alt }: PhotoDescription): Promise<{ described: number }> {
  const event = await events.get(eventId);
  const session = event.sessions.find((candidate) => candidate.id === sessionId);
  if (!session) throw new ServiceError('not-found', `“${event.title}” has no session "${sessionId}", so no photo of it can be described.`);
  const { note } = await notes.load(eventId, sessionId);
  const found = note ? describeImages(note.editorState.root, src, singleLine(alt)) : { shown: 0, described: 0 };
  if (!note || found.shown === 0) throw new ServiceError('not-found', `The note for “${session.title}” no longer shows the photo ${src}; open the note to check it.`);
  if (found.described > 0) await notes.save(eventId, sessionId, note.editorState);
  return { described: found.described };
}

/** Sets the alt text of every image showing `src` that has none; walks without recursion, so a deep note cannot overflow the stack. */
function describeImages(root: SerializedNoteNode, src: string, alt: string): { shown: number; described: number } {
  const found = { shown: 0, described: 0 };
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as SerializedNoteNode;
    if (node.type === IMAGE_NODE_TYPE && node.src === src) {
      found.shown++;
      if (!(typeof node.alt === 'string' && node.alt.trim() !== '')) {
        node.alt = alt;
        found.described++;
      }
    }
    if (Array.isArray(node.children)) stack.push(...node.children);
  }
  return found;
}
