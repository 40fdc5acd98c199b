import { IMAGE_NODE_TYPE } from '../../../shared/export/customNodeTypes';
import { singleLine } from '../../../shared/export/inlineContent';
import { describePostDay, type PhotoDescription, type PostDay, type PostTextPart } from '../../../shared/model/post';
import type { SerializedNoteNode } from '../../../shared/note/noteFile';
import type { EventStore } from '../library/eventStore';
import type { NoteStore } from '../notes/noteStore';
import type { PostStore } from './postStore';
import { ServiceError } from '../storage/serviceError';

/**
 * Gives a photo the description (alt text) the reporter typed in the post's needs-attention
 * list (or `hallnotes post describe-photo`): in a session's note, or in the post's intro or
 * closing. Every use of that photo in that text without a description of its own gets it;
 * nothing else changes. A note is saved like any edit, so the version before it is kept in the
 * history; the intro and closing are changed inside the post file's write queue.
 */
export async function describePhoto(stores: { events: EventStore; notes: NoteStore; posts: PostStore }, description: PhotoDescription): Promise<{ described: number }> {
  const { eventId, sessionId, day, part, src } = description;
  const alt = singleLine(description.alt);
  if (sessionId === undefined) return describePostPhoto(stores.posts, eventId, day ?? null, part ?? 'intro', src, alt);
  const event = await stores.events.get(eventId);
  const session = event.sessions.find((candidate) => candidate.id === sessionId);
  if (!session) throw new ServiceError('not-found', `“${event.title}” has no session "${sessionId}", so no photo of it can be described.`);
  const { note } = await stores.notes.load(eventId, sessionId);
  const found = note ? describeImages(note.editorState.root, src, alt) : { shown: 0, described: 0 };
  if (!note || found.shown === 0) throw new ServiceError('not-found', `The note for “${session.title}” no longer shows the photo ${src}; open the note to check it.`);
  if (found.described > 0) await stores.notes.save(eventId, sessionId, note.editorState);
  return { described: found.described };
}

async function describePostPhoto(posts: PostStore, eventId: string, day: PostDay, part: PostTextPart, src: string, alt: string): Promise<{ described: number }> {
  let found = { shown: 0, described: 0 };
  await posts.editText(eventId, day, part, (state) => {
    if (state) found = describeImages(state.root, src, alt);
    return found.described > 0;
  });
  if (found.shown === 0) throw new ServiceError('not-found', `The ${part} of the post for ${describePostDay(day)} no longer shows the photo ${src}; look at the ${part} to check it.`);
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
