import { createHeadlessEditor } from '@lexical/headless';
import { $convertFromMarkdownString, $convertToMarkdownString } from '@lexical/markdown';
import type { EditorState, LexicalEditor, SerializedEditorState } from 'lexical';
import { megabytes } from '../../../shared/model/byteSize';
import { NOTE_MARKDOWN_TRANSFORMERS } from '../../../shared/note/markdownTransformers';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { NOTE_NODES } from '../../../shared/note/noteNodes';
import { ServiceError } from '../storage/serviceError';

/** Far beyond any real session note; refusing it early keeps a wrong file from eating memory. */
export const MAX_MARKDOWN_BYTES = 10 * 1024 * 1024;

function createNoteEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'hallnotes-markdown',
    nodes: [...NOTE_NODES],
    onError: (error) => {
      throw error;
    },
  });
}

/**
 * Converts Markdown into the serialized editor state the note editor saves. A single newline
 * inside a paragraph becomes a line break (Lexical's default, and what `noteStateToMarkdown`
 * writes for one), so a note exported to Markdown comes back unchanged. Link targets are
 * left as written: NoteStore sanitises every state it saves.
 */
export function markdownToNoteState(markdown: string): SerializedNoteState {
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > MAX_MARKDOWN_BYTES) {
    throw new ServiceError(
      'invalid-argument',
      `The Markdown is ${megabytes(bytes)}; a note can be made from at most ${megabytes(MAX_MARKDOWN_BYTES)}.`,
    );
  }
  // Windows line endings would otherwise leave a carriage return at the end of every line's text.
  const normalised = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const editor = createNoteEditor();
  editor.update(() => $convertFromMarkdownString(normalised, NOTE_MARKDOWN_TRANSFORMERS), { discrete: true });
  return editor.getEditorState().toJSON() as unknown as SerializedNoteState;
}

/** Converts a stored note's editor state to Markdown; an empty note gives an empty string. */
export function noteStateToMarkdown(state: SerializedNoteState): string {
  const editor = createNoteEditor();
  let editorState: EditorState;
  try {
    editorState = editor.parseEditorState(state as unknown as SerializedEditorState);
  } catch (error) {
    throw new ServiceError('invalid-argument', `The note could not be read as an editor state: ${(error as Error).message}`);
  }
  // Read the parsed state directly: setEditorState refuses a root without children.
  return editorState.read(() => $convertToMarkdownString(NOTE_MARKDOWN_TRANSFORMERS), { editor });
}
