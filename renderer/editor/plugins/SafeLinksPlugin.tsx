import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import { isSafeUrl } from '../../../shared/note/safeUrl';

/**
 * Unwraps any link whose target is not http, https or mailto the moment it enters the note,
 * however it came (pasted HTML, Lexical's own clipboard format, a loaded file): the text
 * stays, the link goes. Transforms run only for links that changed, never per keystroke
 * elsewhere. The saved note is sanitised again on the way to disk (sanitizeNoteState).
 */
export function SafeLinksPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const unwrapUnsafe = (link: LinkNode) => {
      if (isSafeUrl(link.getURL())) return;
      for (const child of link.getChildren()) link.insertBefore(child);
      link.remove();
    };
    return mergeRegister(editor.registerNodeTransform(LinkNode, unwrapUnsafe), editor.registerNodeTransform(AutoLinkNode, unwrapUnsafe));
  }, [editor]);
  return null;
}
