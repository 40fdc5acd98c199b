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
import { PhotoTextField } from './PhotoTextField';

type ImageViewProps = { nodeKey: NodeKey; src: string; alt: string; caption: string };

/**
 * A photo in the note: the stored file (served from event-assets/<eventId>/…), its caption and
 * its alt text (what the photo shows, for readers who cannot see it: the post's image alt),
 * typed in place in an editable note; a read-only one shows the caption as text. Clicking the
 * photo selects it, so Backspace or Delete removes it.
 */
export function ImageView({ nodeKey, src, alt, caption }: ImageViewProps) {
  const [editor] = useLexicalComposerContext();
  const { editable, photoUrl } = useNoteView();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const [failed, setFailed] = useState(false);
  const imageRef = useRef<HTMLImageElement>(null);
  const url = photoUrl(src);

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

  function change(field: 'caption' | 'alt', value: string) {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (!$isImageNode(node)) return;
      if (field === 'caption') node.setCaption(value);
      else node.setAlt(value);
    });
  }

  // A selected photo would take Backspace for itself; typing under it is not deleting the photo.
  function unselectPhoto() {
    editor.update(() => {
      if ($isNodeSelection($getSelection())) $setSelection(null);
    });
  }

  /** Enter or Escape under the photo: back to writing, on the line after it. */
  function leaveForNote() {
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
          <PhotoTextField
            label="Photo caption"
            placeholder="Add a caption (optional)"
            className="note-image-caption"
            value={caption}
            onChange={(value) => change('caption', value)}
            onFocus={unselectPhoto}
            onLeave={leaveForNote}
          />
          <PhotoTextField
            label="Alt text"
            placeholder="Alt text: what the photo shows, for readers who cannot see it"
            className="note-image-caption note-image-alt"
            value={alt}
            onChange={(value) => change('alt', value)}
            onFocus={unselectPhoto}
            onLeave={leaveForNote}
          />
        </figcaption>
      ) : (
        caption && <figcaption className="note-image-caption-text">{caption}</figcaption>
      )}
    </figure>
  );
}
