import type { LexicalEditor } from 'lexical';

/**
 * Puts the keyboard in the note, at its end unless it has a selection of its own. While a
 * modal dialog is open it waits for the dialog to close: a note shown behind the palette or a
 * form (its read arriving late) would otherwise take the keys typed into the dialog, since
 * moving Lexical's selection is what focuses an editing host in Chromium, even behind a modal.
 */
export function focusNote(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  if (!root) return;
  const dialog = root.ownerDocument.querySelector('dialog[open]');
  if (dialog) {
    dialog.addEventListener('close', () => afterDialog(editor), { once: true });
    return;
  }
  editor.focus(
    () => {
      if (!root.contains(root.ownerDocument.activeElement)) root.focus({ preventScroll: true });
    },
    { defaultSelection: 'rootEnd' },
  );
}

/** The dialog gave the focus back to where it was; unless that is a field, the note takes it. */
function afterDialog(editor: LexicalEditor): void {
  const active = editor.getRootElement()?.ownerDocument.activeElement;
  if (active && active !== active.ownerDocument.body && active.matches('input, select, textarea, [contenteditable="true"]:not(.editor-content)')) return;
  focusNote(editor);
}
