import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { NoteComposer } from './NoteComposer';

type ReadOnlyNoteProps = {
  /** The note as stored; read once, so mount with a `key` per note shown. */
  state: SerializedNoteState;
  /** Where the note's photos are shown from. */
  photoUrl: (src: string) => string | null;
  label: string;
  className?: string;
};

/** A note as it looked, read-only: photos with their captions as text, nothing to type into. */
export function ReadOnlyNote({ state, photoUrl, label, className }: ReadOnlyNoteProps) {
  return (
    <NoteComposer namespace="HallnotesReadOnlyNote" initialState={JSON.stringify(state)} editable={false} photoUrl={photoUrl}>
      <RichTextPlugin
        contentEditable={<ContentEditable className={`editor-content${className ? ` ${className}` : ''}`} aria-label={label} aria-readonly="true" />}
        ErrorBoundary={LexicalErrorBoundary}
      />
    </NoteComposer>
  );
}
