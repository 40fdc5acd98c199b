import type { ComposedPost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { noteToBlocks } from '../../shared/export/noteToBlocks';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { noteStateText } from '../../shared/note/noteText';

/** A note as the bare pages show it: clean HTML (headings, paragraphs, lists, bold) and plain text. */
export function bareContent(state: SerializedNoteState): { html: string; text: string } {
  const post: ComposedPost = { title: '', date: '', author: '', byline: '', tags: [], excerpt: '', blocks: noteToBlocks(state, { topHeadingLevel: 1 }), isEmpty: false, sessionsWithoutNotes: [] };
  // The editor keeps white space as typed (pre-wrap, as Lexical's does), so no line breaks between blocks.
  return { html: renderHtml(post, { document: false }).replace(/>\n</g, '><'), text: noteStateText(state) };
}
