import { useMemo, type ReactNode } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { NOTE_NODES } from '../../shared/note/noteNodes';
import { NOTE_MARKDOWN_TRANSFORMERS } from '../../shared/note/markdownTransformers';
import { isSafeUrl } from '../../shared/note/safeUrl';
import type { NoteAddress } from '../features/note/noteSaver';
import { editorTheme } from './editorTheme';
import { FocusOnRequestPlugin } from './plugins/FocusOnRequestPlugin';
import { LinkDialogPlugin } from './plugins/LinkDialogPlugin';
import { SaveOnChangePlugin } from './plugins/SaveOnChangePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { useToolbarState } from './plugins/useToolbarState';

type NoteEditorProps = {
  address: NoteAddress;
  /** The stored editor state as JSON, or null for a new note. */
  initialState: string | null;
  /** Shown at the end of the toolbar row (the save indicator). */
  toolbarEnd?: ReactNode;
  /** Shown between the toolbar and the text (the save error). */
  belowToolbar?: ReactNode;
  /** Changing this number moves the keyboard focus into the note. */
  focusRequest: number;
};

/** The rich-text note of one session. Mount with `key={sessionId}`: the initial state is read once. */
export function NoteEditor({ initialState, ...bodyProps }: NoteEditorProps) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'HallnotesNote',
      nodes: NOTE_NODES,
      theme: editorTheme,
      editorState: initialState ?? undefined,
      onError: (error) => {
        throw error;
      },
    }),
    // Lexical reads the initial config once on mount; later props must not rebuild it.
    [],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <NoteEditorBody {...bodyProps} />
    </LexicalComposer>
  );
}

function NoteEditorBody({ address, toolbarEnd, belowToolbar, focusRequest }: Omit<NoteEditorProps, 'initialState'>) {
  const toolbarState = useToolbarState();
  return (
    <div className="editor-shell" data-session-id={address.sessionId}>
      <ToolbarPlugin state={toolbarState} end={toolbarEnd} />
      {belowToolbar}
      <div className="editor-scroll">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="editor-content"
              aria-label="Note"
              aria-placeholder="Start typing. Markdown works: # heading, > quote, - list, **bold**."
              placeholder={<div className="editor-placeholder">Start typing. Markdown works: # heading, &gt; quote, - list, **bold**.</div>}
              spellCheck
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeUrl} />
      <MarkdownShortcutPlugin transformers={NOTE_MARKDOWN_TRANSFORMERS} />
      <ShortcutsPlugin state={toolbarState} />
      <LinkDialogPlugin />
      <SaveOnChangePlugin address={address} />
      <AutoFocusPlugin defaultSelection="rootEnd" />
      <FocusOnRequestPlugin request={focusRequest} />
    </div>
  );
}
