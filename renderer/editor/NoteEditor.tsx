import { useCallback, useMemo, useState, type ReactNode, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { createEmptyHistoryState } from '@lexical/history';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import type { Speaker } from '../../shared/model/event';
import { NOTE_MARKDOWN_TRANSFORMERS } from '../../shared/note/markdownTransformers';
import { isSafeUrl } from '../../shared/note/safeUrl';
import { EditorNoticeBanner } from './EditorNoticeBanner';
import { NoteComposer } from './NoteComposer';
import { NoteEditorContext, type EditorNotice, type NoteEditorEnvironment, type NoteSaveTarget, type PhotoStore } from './noteEditorContext';
import { AutoLinksPlugin } from './plugins/AutoLinksPlugin';
import { CleanPastePlugin } from './plugins/CleanPastePlugin';
import { FocusOnRequestPlugin } from './plugins/FocusOnRequestPlugin';
import { LinkDialogPlugin } from './plugins/LinkDialogPlugin';
import { MarkdownShortcutsPlugin } from './plugins/MarkdownShortcutsPlugin';
import { NoteAnalysisPlugin, type NoteAnalysis } from './plugins/NoteAnalysisPlugin';
import { NoteShapePlugin } from './plugins/NoteShapePlugin';
import { PasteGuardPlugin } from './plugins/PasteGuardPlugin';
import { PhotoPlugin } from './plugins/PhotoPlugin';
import { SafeLinksPlugin } from './plugins/SafeLinksPlugin';
import { SaveOnChangePlugin } from './plugins/SaveOnChangePlugin';
import { ShowNotePlugin, type NoteUndoHistory } from './plugins/ShowNotePlugin';
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin';
import { SpeakerQuotePlugin } from './plugins/SpeakerQuotePlugin';
import { TabKeyPlugin } from './plugins/TabKeyPlugin';
import { TimestampPlugin } from './plugins/TimestampPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { useToolbarState } from './plugins/useToolbarState';
import '../styles/capture.css';

type NoteEditorProps = {
  /** Which note is shown; a new key shows `noteState` in place of the current note. */
  noteKey: string;
  /** The note's stored editor state as JSON, or null for a new note. */
  noteState: string | null;
  /** Where this note's changes go; given anew with each note shown. */
  saveTarget: NoteSaveTarget;
  /** The photos of the note's event. */
  photos: PhotoStore;
  /** The note's undo history, when it is kept beyond this editor (from note to note); otherwise the editor keeps its own. */
  history?: NoteUndoHistory;
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
  /** Set to the editor while it is mounted, for a change made from outside it (a photo described in the post's needs-attention list). */
  editorRef?: RefObject<LexicalEditor | null>;
};

const NO_SPEAKERS: readonly Speaker[] = [];

/**
 * The rich-text note of a session, or of a post's intro or closing. It is handed everything
 * it reaches outside itself (where changes are saved, the event's photos, the speakers) and
 * stays mounted when another note is shown: a new `noteKey` puts that note's state in (see
 * ShowNotePlugin) along with its save target.
 */
export function NoteEditor({ noteKey, noteState, history, autoFocus = true, ...bodyProps }: NoteEditorProps) {
  const [ownHistory] = useState<NoteUndoHistory>(() => ({ state: createEmptyHistoryState(), resumes: false }));
  const shownHistory = history ?? ownHistory;
  return (
    // Lexical reads the initial state once, on mount; later notes come in through ShowNotePlugin.
    <NoteComposer namespace="HallnotesNote" initialState={noteState ?? undefined} editable photoUrl={bodyProps.photos.url}>
      <ShowNotePlugin noteKey={noteKey} state={noteState} history={shownHistory} focus={autoFocus} />
      <NoteEditorBody noteKey={noteKey} history={shownHistory} {...bodyProps} />
    </NoteComposer>
  );
}

function NoteEditorBody({
  noteKey,
  saveTarget,
  photos,
  speakers = NO_SPEAKERS,
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone,
  timestampNewParagraphs = false,
  onTimestampNewParagraphsChange,
  onAnalysis,
  toolbarEnd,
  belowToolbar,
  focusRequest,
  hidden = false,
  history,
  editorRef,
}: Omit<NoteEditorProps, 'noteState' | 'autoFocus' | 'history'> & { history: NoteUndoHistory }) {
  const toolbarState = useToolbarState(history.state);
  // A notice is about the note it was given for; another note shown clears it.
  const [notice, setNotice] = useState<{ noteKey: string; notice: EditorNotice } | null>(null);
  const notify = useCallback((shown: EditorNotice) => setNotice({ noteKey, notice: shown }), [noteKey]);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const environment = useMemo<NoteEditorEnvironment>(() => ({ saveTarget, photos, speakers, timeZone, notify }), [saveTarget, photos, speakers, timeZone, notify]);

  return (
    <NoteEditorContext.Provider value={environment}>
      <div className="editor-shell" data-note-key={noteKey} hidden={hidden}>
        <ToolbarPlugin
          state={toolbarState}
          end={toolbarEnd}
          timestampNewParagraphs={timestampNewParagraphs}
          onTimestampNewParagraphsChange={onTimestampNewParagraphsChange}
        />
        {belowToolbar}
        <EditorNoticeBanner notice={notice?.noteKey === noteKey ? notice.notice : null} onDismiss={dismissNotice} />
        <div className="editor-frame">
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
        </div>
        <ListPlugin />
        <TabKeyPlugin />
        <NoteShapePlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <SafeLinksPlugin />
        <AutoLinksPlugin />
        <MarkdownShortcutsPlugin transformers={NOTE_MARKDOWN_TRANSFORMERS} />
        <ShortcutsPlugin state={toolbarState} />
        <LinkDialogPlugin />
        <SpeakerQuotePlugin />
        <TimestampPlugin newParagraphs={timestampNewParagraphs} />
        <PhotoPlugin />
        <PasteGuardPlugin />
        <CleanPastePlugin />
        <NoteAnalysisPlugin noteKey={noteKey} onChange={onAnalysis} />
        <SaveOnChangePlugin target={saveTarget} />
        <FocusOnRequestPlugin request={focusRequest} />
        {editorRef && <EditorRefPlugin editorRef={editorRef} />}
      </div>
    </NoteEditorContext.Provider>
  );
}
