import { IMAGE_NODE_TYPE, PRIVATE_NOTE_NODE_TYPE } from '../../../shared/export/customNodeTypes';
import type { SerializedNoteNode, SerializedNoteState } from '../../../shared/note/noteFile';
import { safeUrl } from '../../../shared/note/safeUrl';

/** What a stored note holds that the post will drop or must find. Private notes are not looked at: they never reach the post. */
export type NoteFindings = {
  /** Link targets the serializers will drop (keeping the text): anything but absolute http, https and mailto. */
  unsafeLinks: string[];
  /** The src of every image, as stored. */
  images: string[];
};

/** Walks the stored JSON without recursion, so a deep note cannot overflow the stack. */
export function inspectNote(state: SerializedNoteState | null): NoteFindings {
  const findings: NoteFindings = { unsafeLinks: [], images: [] };
  if (!state) return findings;
  const stack: SerializedNoteNode[] = [state.root];
  while (stack.length > 0) {
    const node = stack.pop() as SerializedNoteNode;
    if (node.type === PRIVATE_NOTE_NODE_TYPE) continue;
    if ((node.type === 'link' || node.type === 'autolink') && safeUrl(String(node.url ?? '')) === null) findings.unsafeLinks.push(String(node.url ?? ''));
    if (node.type === IMAGE_NODE_TYPE) findings.images.push(typeof node.src === 'string' ? node.src : '');
    if (Array.isArray(node.children)) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]);
  }
  return findings;
}
