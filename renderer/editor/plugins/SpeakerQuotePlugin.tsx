import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent } from '@lexical/utils';
import { $createRangeSelectionFromDom, $getSelection, $isRangeSelection, $setSelection, COMMAND_PRIORITY_NORMAL, type BaseSelection } from 'lexical';
import { $createAttributedQuoteNode, $isAttributedQuoteNode, type QuoteSpeaker } from '../../../shared/note/nodes/AttributedQuoteNode';
import { timeOfDayIn } from '../../../shared/note/nodes/timeOfDay';
import { OPEN_SPEAKER_QUOTE_DIALOG_COMMAND } from '../noteCommands';
import { useNoteEditorEnvironment } from '../noteEditorContext';
import { SpeakerQuoteDialog, type SpeakerQuoteChoice } from './SpeakerQuoteDialog';

type Pending = { selection: BaseSelection; speaker: QuoteSpeaker | null; time: string | null };

/**
 * Ctrl/⌘+Shift+S or the toolbar: asks who said it, then turns the block at the cursor into a
 * quote attributed to them. Inside an attributed quote it changes the attribution instead.
 */
export function SpeakerQuotePlugin() {
  const [editor] = useLexicalComposerContext();
  const { speakers, timeZone } = useNoteEditorEnvironment();
  const [pending, setPending] = useState<Pending | null>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (!pending && returnFocus) {
      setReturnFocus(false);
      editor.focus();
    }
  }, [editor, pending, returnFocus]);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_SPEAKER_QUOTE_DIALOG_COMMAND,
        () => {
          const selection = $createRangeSelectionFromDom(window.getSelection(), editor) ?? $getSelection();
          if (!$isRangeSelection(selection)) return false;
          const quote = $findMatchingParent(selection.anchor.getNode(), $isAttributedQuoteNode);
          setPending({
            selection: selection.clone(),
            speaker: quote ? quote.getSpeaker() : null,
            time: quote ? quote.getTime() : timeOfDayIn(timeZone),
          });
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, timeZone],
  );

  if (!pending) return null;

  function close() {
    setPending(null);
    setReturnFocus(true);
  }

  function attribute({ speaker, time }: SpeakerQuoteChoice) {
    editor.update(() => {
      const selection = pending!.selection.clone();
      $setSelection(selection);
      if (!$isRangeSelection(selection)) return;
      const quote = $findMatchingParent(selection.anchor.getNode(), $isAttributedQuoteNode);
      if (quote) quote.setSpeaker(speaker).setTime(time);
      else $setBlocksType(selection, () => $createAttributedQuoteNode(speaker, time));
    });
    close();
  }

  return <SpeakerQuoteDialog speakers={speakers} initial={pending} onChoose={attribute} onClose={close} />;
}
