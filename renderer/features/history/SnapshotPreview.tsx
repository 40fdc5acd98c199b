import { useMemo } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { NOTE_NODES } from '../../../shared/note/noteNodes';
import { editorTheme } from '../../editor/editorTheme';

/** A snapshot shown as the note looked, read-only. Mount with `key={snapshotId}`: the state is read once. */
export function SnapshotPreview({ editorState }: { editorState: SerializedNoteState }) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'HallnotesSnapshot',
      nodes: NOTE_NODES,
      theme: editorTheme,
      editable: false,
      editorState: JSON.stringify(editorState),
      onError: (error) => {
        throw error;
      },
    }),
    // Lexical reads the initial config once on mount.
    [],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <RichTextPlugin
        contentEditable={<ContentEditable className="editor-content snapshot-preview" aria-label="Snapshot preview" aria-readonly="true" />}
        ErrorBoundary={LexicalErrorBoundary}
      />
    </LexicalComposer>
  );
}
