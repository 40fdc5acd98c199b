import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerHistory, type HistoryState } from '@lexical/history';
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { focusNote } from '../focusNote';

/** A new note: one empty paragraph, as Lexical starts an editor with no initial state. */
const EMPTY_NOTE_STATE = JSON.stringify({
  root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [] }] },
});

/** Undo keeps this many steps per note; the oldest go first. */
export const MAX_UNDO_STEPS = 100;
/** Changes this close together are one undo step (as in Lexical's HistoryPlugin). */
const UNDO_MERGE_MS = 1000;

/** A note's undo history, kept by whoever shows the note; `resumes` when the note shown is the text it ends with. */
export type NoteUndoHistory = { state: HistoryState; resumes: boolean };

type ShowNotePluginProps = {
  /** Which note is shown; a new key puts `state` in the editor. */
  noteKey: string;
  /** The note's stored editor state as JSON, or null for a new note. */
  state: string | null;
  history: NoteUndoHistory;
  /** Put the cursor at the end of the note shown, as a freshly mounted editor would. */
  focus: boolean;
};

/**
 * Puts another note into the mounted editor when `noteKey` changes (the editor's first note
 * comes from its initial config), with that note's own undo history. Switching sessions this
 * way skips unmounting the editor, its plugins and toolbar and mounting them again, which was
 * most of a switch's fixed cost. The note arrives with the cursor at its end and no save (the
 * history-merge tag is the one Lexical's OnChangePlugin leaves out); a history that resumes
 * shows the very state it ended with, so Ctrl+Z goes on from there.
 */
export function ShowNotePlugin({ noteKey, state, history, focus }: ShowNotePluginProps) {
  const [editor] = useLexicalComposerContext();
  const shownKey = useRef<string | null>(null);

  // The first note: focused once the content editable is attached, which is after this plugin's layout effect.
  useEffect(() => {
    if (focus) focusNote(editor);
    // Once, on mount.
  }, [editor]);

  useLayoutEffect(() => {
    // The previous note's history was let go by this effect's cleanup, so the swap is not a step in it.
    if (shownKey.current !== noteKey) {
      const first = shownKey.current === null;
      showNote(editor, first ? undefined : state, history);
      shownKey.current = noteKey;
      if (focus && !first) focusNote(editor);
    }
    const unregister = registerHistory(editor, history.state, UNDO_MERGE_MS, undefined, undefined, MAX_UNDO_STEPS);
    editor.dispatchCommand(CAN_UNDO_COMMAND, history.state.undoStack.length > 0);
    editor.dispatchCommand(CAN_REDO_COMMAND, history.state.redoStack.length > 0);
    return unregister;
  }, [editor, noteKey, state, history, focus]);
  return null;
}

/** `json` undefined: the editor already holds the note (its initial config). */
function showNote(editor: LexicalEditor, json: string | null | undefined, history: NoteUndoHistory): void {
  const { state } = history;
  // A history kept across the note pane going and coming back names the editor it was made in.
  for (const entry of [state.current, ...state.undoStack, ...state.redoStack]) if (entry) entry.editor = editor;
  if (history.resumes && state.current) {
    // The same content; its old cursor dropped, so the cursor goes to the end as for any note opened.
    editor.setEditorState(state.current.editorState.clone(null), { tag: HISTORY_MERGE_TAG });
    return;
  }
  if (json !== undefined) editor.setEditorState(editor.parseEditorState(json ?? EMPTY_NOTE_STATE), { tag: HISTORY_MERGE_TAG });
  // What the first undo returns to: the note as it was opened.
  state.current = { editor, editorState: editor.getEditorState() };
}
