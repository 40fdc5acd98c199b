import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createTextNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  INSERT_PARAGRAPH_COMMAND,
} from 'lexical';
import { mergeRegister } from '@lexical/utils';
import { $createTimestampNode } from '../../../shared/note/nodes/TimestampNode';
import { timeOfDayIn } from '../../../shared/note/nodes/timeOfDay';
import { INSERT_TIMESTAMP_COMMAND } from '../noteCommands';
import { useNoteEditorEnvironment } from '../noteEditorContext';

/**
 * Inserts the time in the event's time zone (the hall's clock, not the laptop's) at the
 * cursor. With `newParagraphs`, pressing Enter in a paragraph starts the new one with the
 * time too, live-blog style; lists, headings and quotes keep their own Enter.
 */
export function TimestampPlugin({ newParagraphs }: { newParagraphs: boolean }) {
  const [editor] = useLexicalComposerContext();
  const { timeZone } = useNoteEditorEnvironment();

  useEffect(() => {
    const $insertTimestamp = () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return false;
      selection.insertNodes([$createTimestampNode(timeOfDayIn(timeZone)), $createTextNode(' ')]);
      return true;
    };
    const $insertTimedParagraph = () => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return false;
      const block = selection.anchor.getNode().getTopLevelElement();
      if (!$isParagraphNode(block) || !$isRootOrShadowRoot(block.getParent())) return false;
      const created = selection.insertParagraph();
      if ($isParagraphNode(created) && created.isEmpty()) {
        created.append($createTimestampNode(timeOfDayIn(timeZone)), $createTextNode(' '));
        created.selectEnd();
      }
      return true;
    };
    return mergeRegister(
      editor.registerCommand(INSERT_TIMESTAMP_COMMAND, $insertTimestamp, COMMAND_PRIORITY_NORMAL),
      newParagraphs ? editor.registerCommand(INSERT_PARAGRAPH_COMMAND, $insertTimedParagraph, COMMAND_PRIORITY_LOW) : () => undefined,
    );
  }, [editor, timeZone, newParagraphs]);
  return null;
}
