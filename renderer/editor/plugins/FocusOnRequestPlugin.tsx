import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** Puts the cursor back in the note whenever `request` changes (e.g. the open session is chosen again). */
export function FocusOnRequestPlugin({ request }: { request: number }) {
  const [editor] = useLexicalComposerContext();
  const first = useRef(request);
  useEffect(() => {
    const root = editor.getRootElement();
    // A note just shown has already taken the keyboard (ShowNotePlugin); focusing again would cost another update.
    if (request !== first.current && !root?.contains(document.activeElement)) editor.focus();
  }, [editor, request]);
  return null;
}
