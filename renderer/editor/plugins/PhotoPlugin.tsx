import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import { $getRoot, $getSelection, $isRangeSelection, COMMAND_PRIORITY_LOW, COMMAND_PRIORITY_NORMAL, PASTE_COMMAND } from 'lexical';
import { $createEditorImageNode } from '../nodes/EditorImageNode';
import { PICK_PHOTO_COMMAND } from '../noteCommands';
import { useNoteEditorEnvironment } from '../noteEditorContext';
import { ACCEPTED_PHOTO_TYPES, photoProblem, readAsBase64 } from '../photoFiles';

/**
 * Photos pasted, dropped or picked: each is stored once in the event's assets folder (the
 * services check it really is a PNG, JPEG, WebP or GIF) and then shown where the cursor is.
 * Anything refused is explained above the note.
 */
export function PhotoPlugin() {
  const [editor] = useLexicalComposerContext();
  const { saveTarget, photos, notify } = useNoteEditorEnvironment();
  const pickerRef = useRef<HTMLInputElement>(null);
  const addPhotosRef = useRef<(files: File[]) => Promise<void>>(async () => undefined);
  // The editor shows one note after another; a photo still being copied must not land in the next one.
  // Updated in the commit that swaps the note, so no finished copy can see the previous note's target after it.
  const shown = useRef({ saveTarget, notify });
  useLayoutEffect(() => {
    shown.current = { saveTarget, notify };
  }, [saveTarget, notify]);

  useEffect(() => {
    addPhotosRef.current = async (files) => {
      for (const file of files) {
        const problem = photoProblem(file);
        if (problem) {
          notify({ kind: 'error', message: problem });
          continue;
        }
        const result = await photos.store({ fileName: file.name, mediaType: file.type, dataBase64: await readAsBase64(file) });
        if (!result.ok) {
          notify({ kind: 'error', message: result.error.message });
          continue;
        }
        if (shown.current.saveTarget !== saveTarget) {
          shown.current.notify({ kind: 'error', message: `"${file.name}" was not added: another note was opened while it was being copied. Add it again in the note it belongs to.` });
          continue;
        }
        editor.update(() => {
          const image = $createEditorImageNode({ src: result.value.src });
          if ($isRangeSelection($getSelection())) $insertNodeToNearestRoot(image);
          else $getRoot().append(image);
        });
      }
    };
  }, [editor, saveTarget, photos, notify]);

  useEffect(
    () =>
      mergeRegister(
        // Lexical sends dropped files, and pasted files that come without text, here.
        editor.registerCommand(
          DRAG_DROP_PASTE,
          (files) => {
            void addPhotosRef.current(files);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        // "Copy image" in a browser puts an <img> fallback beside the file; the file is what is wanted.
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const data = event instanceof ClipboardEvent ? event.clipboardData : null;
            const files = data ? [...data.files] : [];
            if (files.length === 0 || data!.getData('text/plain').trim() !== '') return false;
            event.preventDefault();
            void addPhotosRef.current(files);
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
        editor.registerCommand(
          PICK_PHOTO_COMMAND,
          () => {
            pickerRef.current?.click();
            return true;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );

  return (
    <input
      ref={pickerRef}
      type="file"
      accept={ACCEPTED_PHOTO_TYPES}
      multiple
      hidden
      aria-hidden="true"
      tabIndex={-1}
      onChange={(event) => {
        const files = [...(event.target.files ?? [])];
        event.target.value = '';
        void addPhotosRef.current(files).then(() => editor.focus());
      }}
    />
  );
}
