import { useEffect, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import {
  $createParagraphNode,
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $setSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  type NodeKey,
} from 'lexical';
import { $isImageNode } from '../../../shared/note/nodes/ImageNode';
import { useNoteView } from './noteViewContext';

type ImageViewProps = { nodeKey: NodeKey; src: string; alt: string; caption: string };

/**
 * A photo in the note: the stored file (served from event-assets/<eventId>/…) and its
 * caption, typed in place in an editable note and shown as text in a read-only one. Clicking
 * the photo selects it, so Backspace or Delete removes it.
 */
export function ImageView({ nodeKey, src, alt, caption }: ImageViewProps) {
  const [editor] = useLexicalComposerContext();
  const { editable, photoUrl } = useNoteView();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const [draft, setDraft] = useState(caption);
  const [failed, setFailed] = useState(false);
  const imageRef = useRef<HTMLImageElement>(null);
  const captionRef = useRef<HTMLInputElement>(null);
  const url = photoUrl(src);

  // Undo and redo change the caption from outside; typing in the field must not be overwritten.
  useEffect(() => {
    if (document.activeElement !== captionRef.current) setDraft(caption);
  }, [caption]);

  useEffect(
    () =>
      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          if (!editable || event.target !== imageRef.current) return false;
          if (!event.shiftKey) clearSelection();
          setSelected(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, editable, clearSelection, setSelected],
  );

  function changeCaption(value: string) {
    setDraft(value);
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isImageNode(node)) node.setCaption(value);
    });
  }

  /** Enter or Escape in the caption: back to writing, on the line after the photo. */
  function leaveCaption() {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (!node) return;
      const next = node.getNextSibling();
      if ($isElementNode(next)) next.selectStart();
      else node.insertAfter($createParagraphNode()).selectStart();
    });
    editor.getRootElement()?.focus({ preventScroll: true });
  }

  return (
    <figure className={`note-image${isSelected ? ' note-image-selected' : ''}`}>
      {url && !failed ? (
        <img ref={imageRef} src={url} alt={alt || caption || 'Photo'} draggable={false} onError={() => setFailed(true)} />
      ) : (
        <div className="note-image-missing" role="img" aria-label="Missing photo">
          This photo’s file is missing from the event’s assets folder.
        </div>
      )}
      {editable ? (
        <figcaption>
          <input
            ref={captionRef}
            type="text"
            className="note-image-caption"
            aria-label="Photo caption"
            placeholder="Add a caption (optional)"
            value={draft}
            maxLength={1000}
            onChange={(event) => changeCaption(event.target.value)}
            // A selected photo would take Backspace for itself; typing in the caption is not deleting the photo.
            onFocus={() =>
              editor.update(() => {
                if ($isNodeSelection($getSelection())) $setSelection(null);
              })
            }
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === 'Escape') {
                event.preventDefault();
                leaveCaption();
              }
            }}
          />
        </figcaption>
      ) : (
        caption && <figcaption className="note-image-caption-text">{caption}</figcaption>
      )}
    </figure>
  );
}
