import { useMemo, type RefObject } from 'react';
import type { LexicalEditor } from 'lexical';
import type { Speaker } from '../../../shared/model/event';
import type { PostDay } from '../../../shared/model/post';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { NoteEditor } from '../../editor/NoteEditor';
import type { NoteSaver } from '../note/noteSaver';
import { NoteSaverContext } from '../note/noteSaverContext';
import { eventPhotoStore, noteSaveTarget } from '../note/noteTargets';
import { SaveErrorBanner, SaveIndicator } from '../note/SaveIndicator';
import { postTextAddress, type PostPart } from './postTextSaver';

type PostTextEditorProps = {
  eventId: string;
  day: PostDay;
  part: PostPart;
  label: string;
  hint: string;
  /** The stored text when the post was opened; the editor reads it once. */
  initialState: SerializedNoteState | null;
  savedAt: string | null;
  saver: NoteSaver;
  /** The speakers of the post's sessions, offered when attributing a quote. */
  speakers: readonly Speaker[];
  timeZone: string;
  /** Set to the text's editor while it is mounted. */
  editorRef: RefObject<LexicalEditor | null>;
};

/**
 * The intro or closing: the session notes' own editor (same formatting, same Markdown
 * shortcuts, same note format), whose saves go to the post file through its own saver.
 */
export function PostTextEditor({ eventId, day, part, label, hint, initialState, savedAt, saver, speakers, timeZone, editorRef }: PostTextEditorProps) {
  const address = postTextAddress(eventId, day, part);
  const saveTarget = useMemo(() => noteSaveTarget(saver, address), [saver, address.sessionId]);
  const photos = useMemo(() => eventPhotoStore(eventId), [eventId]);
  return (
    <NoteSaverContext value={saver}>
      <section className={`post-text post-text-${part}`} aria-label={label}>
        <div className="post-section-bar">
          <h2 className="post-section-title">{label}</h2>
          <span className="post-text-hint">{hint}</span>
        </div>
        <NoteEditor
          noteKey={address.sessionId}
          saveTarget={saveTarget}
          photos={photos}
          noteState={initialState ? JSON.stringify(initialState) : null}
          speakers={speakers}
          timeZone={timeZone}
          focusRequest={0}
          autoFocus={false}
          editorRef={editorRef}
          toolbarEnd={<SaveIndicator address={address} loadedSavedAt={savedAt} />}
          belowToolbar={<SaveErrorBanner address={address} />}
        />
      </section>
    </NoteSaverContext>
  );
}
