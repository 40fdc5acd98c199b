import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { HistoryState } from '@lexical/history';
import { $isLinkNode } from '@lexical/link';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { $currentBlockType } from '../blockTypes';
import type { ToolbarState } from '../noteCommands';

const INITIAL: ToolbarState = {
  blockType: 'paragraph',
  formats: { bold: false, italic: false, underline: false, strikethrough: false },
  isLink: false,
  canUndo: false,
  canRedo: false,
};

/** What the selection looks like now: block type, text formats, link, undo/redo availability (of the note's `history`). */
export function useToolbarState(history: HistoryState): ToolbarState {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState(INITIAL);

  // Another note's history (or the first): what it can undo is known before any change announces it.
  useEffect(() => {
    const canUndo = history.undoStack.length > 0;
    const canRedo = history.redoStack.length > 0;
    setState((current) => (current.canUndo === canUndo && current.canRedo === canRedo ? current : { ...current, canUndo, canRedo }));
  }, [history]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const blockType = $currentBlockType();
            const formats = {
              bold: selection.hasFormat('bold'),
              italic: selection.hasFormat('italic'),
              underline: selection.hasFormat('underline'),
              strikethrough: selection.hasFormat('strikethrough'),
            };
            const isLink = $findMatchingParent(selection.anchor.getNode(), $isLinkNode) !== null;
            setState((current) =>
              current.blockType === blockType && current.isLink === isLink && sameFormats(current.formats, formats)
                ? current
                : { ...current, blockType, formats, isLink },
            );
          });
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            // History reports after every change; re-render only when the answer changes.
            setState((current) => (current.canUndo === canUndo ? current : { ...current, canUndo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setState((current) => (current.canRedo === canRedo ? current : { ...current, canRedo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return state;
}

function sameFormats(a: ToolbarState['formats'], b: ToolbarState['formats']): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strikethrough === b.strikethrough;
}
