import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import type { Speaker } from '../../shared/model/event';
import { NOTE_NODES } from '../../shared/note/noteNodes';
import { NOTE_MARKDOWN_TRANSFORMERS } from '../../shared/note/markdownTransformers';
import { isSafeUrl } from '../../shared/note/safeUrl';
import type { NoteAddress } from '../features/note/noteSaver';
import { editorTheme } from './editorTheme';
import { EditorNoticeBanner } from './EditorNoticeBanner';
import { NoteEditorContext, type EditorNotice, type NoteEditorEnvironment } from './noteEditorContext';
import { registerNoteNodeViews } from './nodes/noteNodeViews';
import { CleanPastePlugin } from './plugins/CleanPastePlugin';
import { FocusOnRequestPlugin } from './plugins/FocusOnRequestPlugin';
import { LinkDialogPlugin } from './plugins/LinkDialogPlugin';
import { MarkdownShortcutsPlugin } from './plugins/MarkdownShortcutsPlugin';
import { NoteAnalysisPlugin, type NoteAnalysis } from './plugins/NoteAnalysisPlugin';
import { PasteGuardPlugin } from './plugins/PasteGuardPlugin';
import { PhotoPlugin } from './plugins/PhotoPlugin';
import { SafeLinksPlugin } from './plugins/SafeLinksPlugin';
import { SaveOnChangePlugin } from './plugins/SaveOnChangePlugin';
import { ShowNotePlugin } from './plugins/ShowNotePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { SpeakerQuotePlugin } from './plugins/SpeakerQuotePlugin';
import { TimestampPlugin } from './plugins/TimestampPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { useToolbarState } from './plugins/useToolbarState';
import '../styles/capture.css';

registerNoteNodeViews();

type NoteEditorProps = {
  address: NoteAddress;
  /** Which note is shown (its address, and its read); a new key shows `noteState` in place of the current note. */
  noteKey: string;
  /** The note's stored editor state as JSON, or null for a new note. */
  noteState: string | null;
  /** The session's speakers, offered when attributing a quote. */
  speakers?: readonly Speaker[];
  /** The event's IANA time zone, for timestamps; the computer's own zone when not given. */
  timeZone?: string;
  /** Start every new paragraph with the time (a preference); the toolbar offers the switch when the change handler is given. */
  timestampNewParagraphs?: boolean;
  onTimestampNewParagraphsChange?: (enabled: boolean) => void;
  /** Counts and TK markers, delivered when typing pauses. */
  onAnalysis?: (analysis: NoteAnalysis) => void;
  /** Shown at the end of the toolbar row (the save indicator). */
  toolbarEnd?: ReactNode;
  /** Shown between the toolbar and the text (the save error). */
  belowToolbar?: ReactNode;
  /** Changing this number moves the keyboard focus into the note. */
  focusRequest: number;
  /** Take the keyboard when mounted and when another note is shown (the default); off where several editors share a view. */
  autoFocus?: boolean;
  /** Kept mounted but out of sight, e.g. while the next note is read. */
  hidden?: boolean;
};

const NO_SPEAKERS: readonly Speaker[] = [];

/**
 * The rich-text note of a session. It stays mounted when another note is shown: a new
 * `noteKey` puts that note's state in (see ShowNotePlugin) along with its address.
 */
export function NoteEditor({ noteKey, noteState, autoFocus = true, ...bodyProps }: NoteEditorProps) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'HallnotesNote',
      nodes: NOTE_NODES,
      theme: editorTheme,
      editorState: noteState ?? undefined,
      onError: (error) => {
        throw error;
      },
    }),
    // Lexical reads the initial config once on mount; later notes come in through ShowNotePlugin.
    [],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ShowNotePlugin noteKey={noteKey} state={noteState} focus={autoFocus} />
      <NoteEditorBody noteKey={noteKey} autoFocus={autoFocus} {...bodyProps} />
    </LexicalComposer>
  );
}

function NoteEditorBody({
  noteKey,
  address,
  speakers = NO_SPEAKERS,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
  timestampNewParagraphs = false,
  onTimestampNewParagraphsChange,
  onAnalysis,
  toolbarEnd,
  belowToolbar,
  focusRequest,
  autoFocus,
  hidden = false,
}: Omit<NoteEditorProps, 'noteState' | 'autoFocus'> & { autoFocus: boolean }) {
  const toolbarState = useToolbarState();
  // A notice is about the note it was given for; another note shown clears it.
  const [notice, setNotice] = useState<{ noteKey: string; notice: EditorNotice } | null>(null);
  const notify = useCallback((shown: EditorNotice) => setNotice({ noteKey, notice: shown }), [noteKey]);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const { eventId, sessionId } = address;
  const environment = useMemo<NoteEditorEnvironment>(
    () => ({ address: { eventId, sessionId }, speakers, timeZone, notify }),
    [eventId, sessionId, speakers, timeZone, notify],
  );

  return (
    <NoteEditorContext.Provider value={environment}>
      <div className="editor-shell" data-session-id={sessionId} hidden={hidden}>
        <ToolbarPlugin
          state={toolbarState}
          end={toolbarEnd}
          timestampNewParagraphs={timestampNewParagraphs}
          onTimestampNewParagraphsChange={onTimestampNewParagraphsChange}
        />
        {belowToolbar}
        <EditorNoticeBanner notice={notice?.noteKey === noteKey ? notice.notice : null} onDismiss={dismissNotice} />
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
        <SafeLinksPlugin />
        <MarkdownShortcutsPlugin transformers={NOTE_MARKDOWN_TRANSFORMERS} />
        <ShortcutsPlugin state={toolbarState} />
        <LinkDialogPlugin />
        <SpeakerQuotePlugin />
        <TimestampPlugin newParagraphs={timestampNewParagraphs} />
        <PhotoPlugin />
        <PasteGuardPlugin />
        <CleanPastePlugin />
        <NoteAnalysisPlugin noteKey={noteKey} onChange={onAnalysis} />
        <SaveOnChangePlugin address={address} />
        {autoFocus && <AutoFocusPlugin defaultSelection="rootEnd" />}
        <FocusOnRequestPlugin request={focusRequest} />
      </div>
    </NoteEditorContext.Provider>
  );
}
