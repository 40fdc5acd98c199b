import { htmlBody } from '../../shared/export/html';
import { AS_STORED, noteToBlocks } from '../../shared/export/noteToBlocks';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { noteStateText } from '../../shared/note/noteText';

/** A note as the bare pages show it: clean HTML (headings, paragraphs, lists, bold) and plain text. */
export function bareContent(state: SerializedNoteState): { html: string; text: string } {
  // The editor keeps white space as typed (pre-wrap, as Lexical's does), so no line breaks between blocks.
  return { html: htmlBody({ blocks: noteToBlocks(state, AS_STORED) }).replace(/>\n</g, '><'), text: noteStateText(state) };
}
