import { useEffect, useState, type FormEvent } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  type BaseSelection,
} from 'lexical';
import { safeUrl } from '../../../shared/note/safeUrl';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { OPEN_LINK_DIALOG_COMMAND } from '../noteCommands';
import { FormActions } from '../../ui/FormActions';

/**
 * Ctrl/⌘+K or the toolbar's link button: asks for an address and links the selected text
 * (or inserts the address as a link). Inside an existing link it removes the link instead.
 */
export function LinkDialogPlugin() {
  const [editor] = useLexicalComposerContext();
  const [savedSelection, setSavedSelection] = useState<BaseSelection | null>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  // Only once the modal dialog is gone can the editor take the focus back.
  useEffect(() => {
    if (!savedSelection && returnFocus) {
      setReturnFocus(false);
      editor.focus();
    }
  }, [editor, savedSelection, returnFocus]);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_LINK_DIALOG_COMMAND,
        () => {
          // The browser's selection can be a keystroke ahead of Lexical's (selectionchange is
          // asynchronous), and the link must cover exactly what the person sees selected.
          const selection = $createRangeSelectionFromDom(window.getSelection(), editor) ?? $getSelection();
          if (!$isRangeSelection(selection)) return false;
          if ($findMatchingParent(selection.anchor.getNode(), $isLinkNode)) {
            $toggleLink(null);
            return true;
          }
          setSavedSelection(selection.clone());
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );

  if (!savedSelection) return null;

  function close() {
    setSavedSelection(null);
    setReturnFocus(true);
  }

  function insert(url: string) {
    editor.update(() => {
      const selection = savedSelection!.clone();
      $setSelection(selection);
      if ($isRangeSelection(selection) && selection.isCollapsed()) {
        selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
      } else $toggleLink(url);
    });
    close();
  }

  return <LinkDialog onInsert={insert} onClose={close} />;
}

function LinkDialog({ onInsert, onClose }: { onInsert: (url: string) => void; onClose: () => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = value.trim();
    // "example.org/talk" is what people type; treat an address without a scheme as https.
    const url = safeUrl(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (!trimmed || !url) {
      setError('Enter a web or mail address, such as https://example.org or mailto:name@example.org.');
      return;
    }
    onInsert(url);
  }

  return (
    <Dialog title="Add link" onClose={onClose} size="small">
      <form className="form" onSubmit={submit} noValidate>
        <Field label="Address" error={error}>
          {(control) => <input {...control} type="url" value={value} onChange={(event) => setValue(event.target.value)} data-autofocus placeholder="https://" />}
        </Field>
        <FormActions submitLabel="Add link" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
