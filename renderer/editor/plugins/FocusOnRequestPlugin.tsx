import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { focusNote } from '../focusNote';

/**
 * Puts the cursor back in the note whenever `request` changes (e.g. the open session is chosen
 * again), and whenever the note gets the focus without a cursor in it: a closing dialog hands
 * the focus back to the note it came from, but not the text cursor, and keys typed then would
 * go nowhere.
 */
export function FocusOnRequestPlugin({ request }: { request: number }) {
  const [editor] = useLexicalComposerContext();
  const first = useRef(request);
  useEffect(() => {
    const root = editor.getRootElement();
    // A note just shown has already taken the keyboard (ShowNotePlugin); focusing again would cost another update.
    if (request !== first.current && !root?.contains(document.activeElement)) focusNote(editor);
  }, [editor, request]);

  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const root = event.currentTarget as HTMLElement;
      const anchor = root.ownerDocument.getSelection()?.anchorNode;
      if (!anchor || !root.contains(anchor)) focusNote(editor);
    };
    const unregister = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('focus', onFocus);
      root?.addEventListener('focus', onFocus);
    });
    return () => {
      unregister();
      editor.getRootElement()?.removeEventListener('focus', onFocus);
    };
  }, [editor]);
  return null;
}
