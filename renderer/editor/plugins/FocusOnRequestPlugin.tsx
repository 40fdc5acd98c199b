import { useEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';

/** Puts the cursor back in the note whenever `request` changes (e.g. the open session is chosen again). */
export function FocusOnRequestPlugin({ request }: { request: number }) {
  const [editor] = useLexicalComposerContext();
  const first = useRef(request);
  useEffect(() => {
    if (request !== first.current) editor.focus();
  }, [editor, request]);
  return null;
}
