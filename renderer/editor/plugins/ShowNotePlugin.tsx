import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { CLEAR_HISTORY_COMMAND, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { focusNote } from '../focusNote';

/** A new note: one empty paragraph, as Lexical starts an editor with no initial state. */
const EMPTY_NOTE_STATE = JSON.stringify({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [] }] },
});

type ShowNotePluginProps = {
  /** Which note is shown; a new key puts `state` in the editor. */
  noteKey: string;
  /** The note's stored editor state as JSON, or null for a new note. */
  state: string | null;
  /** Put the cursor at the end of the note shown, as a freshly mounted editor would. */
  focus: boolean;
};

/**
 * Puts another note into the mounted editor when `noteKey` changes (the editor's first note
 * comes from its initial config). Switching sessions this way skips unmounting the editor,
 * its plugins and toolbar and mounting them again, which was most of a switch's fixed cost.
 * The note arrives as if freshly opened: its own undo history, the cursor at its end, and no
 * save (the history-merge tag is the one Lexical's OnChangePlugin leaves out).
 */
export function ShowNotePlugin({ noteKey, state, focus }: ShowNotePluginProps) {
  const [editor] = useLexicalComposerContext();
  const shownKey = useRef(noteKey);

  // The first note, from the initial config: the cursor at its end, as for every note shown after it.
  useEffect(() => {
    if (focus) focusNote(editor);
    // Once, on mount.
  }, [editor]);

  useLayoutEffect(() => {
    if (shownKey.current === noteKey) return;
    shownKey.current = noteKey;
    showNote(editor, state, focus);
  }, [editor, noteKey, state, focus]);
  return null;
}

function showNote(editor: LexicalEditor, state: string | null, focus: boolean): void {
  editor.setEditorState(editor.parseEditorState(state ?? EMPTY_NOTE_STATE), { tag: HISTORY_MERGE_TAG });
  // Neither the previous note nor the swap itself may be undone into this one. Before the
  // focus: its update is what undo returns to, as after a fresh mount.
  editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  if (focus) focusNote(editor);
}
