import { useMemo, type ReactNode } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { EDITOR_NOTE_NODES } from './editorNodes';
import { editorTheme } from './editorTheme';
import { NoteViewContext, type NoteViewEnvironment } from './nodes/noteViewContext';

type NoteComposerProps = NoteViewEnvironment & {
  namespace: string;
  /** The note to start with (its stored JSON); an empty note when not given. Read once, on mount. */
  initialState?: string;
  children: ReactNode;
};

/**
 * A Lexical editor for a note, with the environment its node views draw in. The note editor
 * and the read-only snapshot preview both start here, so no view can be drawn without one.
 */
export function NoteComposer({ namespace, initialState, editable, photoUrl, children }: NoteComposerProps) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace,
      nodes: EDITOR_NOTE_NODES,
      theme: editorTheme,
      editable,
      editorState: initialState,
      onError: (error) => {
        throw error;
      },
    }),
    // Lexical reads the initial config once on mount.
    [],
  );
  const views = useMemo<NoteViewEnvironment>(() => ({ editable, photoUrl }), [editable, photoUrl]);
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <NoteViewContext.Provider value={views}>{children}</NoteViewContext.Provider>
    </LexicalComposer>
  );
}
