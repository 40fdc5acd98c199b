import { useMemo, useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import { composePost } from '../../../shared/export/composePost';
import type { ExportOptions } from '../../../shared/export/renderPost';
import { eventDayCount, type EventFile, type Speaker } from '../../../shared/model/event';
import { buildPostInput, describePostDay, sessionsForPost, type PostDay } from '../../../shared/model/post';
import { assetUrl } from '../../../shared/note/assetPath';
import { api } from '../../api/bridge';
import { describePhotosInEditor } from '../../editor/describePhotos';
import { AttentionList } from './AttentionList';
import { ExportPanel } from './ExportPanel';
import { PublishPanel } from '../publish/PublishPanel';
import { PostPreview } from './PostPreview';
import { PostSessionList } from './PostSessionList';
import { PostSettingsForm } from './PostSettingsForm';
import { PostTextEditor } from './PostTextEditor';
import { usePost } from './usePost';
import '../../styles/post.css';
import '../../styles/post-output.css';

type PostViewProps = {
  event: EventFile;
  day: PostDay;
  onDayChange: (day: PostDay) => void;
  onClose: () => void;
  onOpenSession: (sessionId: string) => void;
};

/** The day's post: compose it on the left, see what needs attention, export it and preview it on the right. */
export function PostView({ event, day, onDayChange, onClose, onOpenSession }: PostViewProps) {
  const days = eventDayCount(event);
  const choices: PostDay[] = [...Array.from({ length: days }, (_, index) => index + 1), ...(days > 1 ? [null] : [])];
  return (
    <section className="post-view" aria-label="Post">
      <header className="post-header">
        <button type="button" className="button" onClick={onClose}>
          ← Agenda
        </button>
        <h1 className="post-heading">The post for {describePostDay(day)}</h1>
        {choices.length > 1 && (
          <div className="segmented" role="group" aria-label="Post for">
            {choices.map((choice) => (
              <button key={choice ?? 'event'} type="button" aria-pressed={choice === day} onClick={() => onDayChange(choice)}>
                {choice === null ? 'Whole event' : `Day ${choice}`}
              </button>
            ))}
          </div>
        )}
      </header>
      <PostComposer key={`${event.id}/${day ?? 'event'}`} event={event} day={day} onOpenSession={onOpenSession} />
    </section>
  );
}

function PostComposer({ event, day, onOpenSession }: { event: EventFile; day: PostDay; onOpenSession: (sessionId: string) => void }) {
  const editing = usePost(event.id, day);
  const { post, resolution, texts } = editing;
  const introEditor = useRef<LexicalEditor | null>(null);
  const closingEditor = useRef<LexicalEditor | null>(null);
  const [options, setOptions] = useState<ExportOptions>({ format: 'html', fragment: false, frontMatter: true });
  const notes = useMemo(() => new Map(resolution?.input.sections.map((section) => [section.session.id, section.note])), [resolution]);
  const speakers = useMemo(() => uniqueSpeakers(sessionsForPost(event, day).flatMap((session) => session.speakers)), [event, day]);
  const composed = useMemo(() => (post ? composePost(buildPostInput(event, day, post.settings, texts, notes)) : null), [event, day, post, texts, notes]);

  if (editing.loadError) {
    return (
      <p className="form-error post-load-error" role="alert">
        {editing.loadError}
      </p>
    );
  }
  if (!post || !resolution || !composed) return <p className="post-loading">Opening the post…</p>;

  const includedIds = post.settings.sessionIds ?? post.defaults.sessionIds;
  const imageUrl = (src: string) => assetUrl(event.id, src);
  return (
    <div className="post-columns">
      <div className="post-compose">
        {editing.saveError && (
          <p className="form-error" role="alert">
            {editing.saveError}
          </p>
        )}
        <PostSettingsForm post={post} onChange={editing.change} />
        <PostSessionList
          sessions={sessionsForPost(event, day)}
          includedIds={includedIds}
          isDefault={post.settings.sessionIds === null}
          showDay={day === null}
          onChange={(sessionIds) => editing.change({ sessionIds }, true)}
        />
        <PostTextEditor editorRef={introEditor} eventId={event.id} day={day} part="intro" label="Intro" hint="Before the first session." initialState={post.intro} savedAt={post.savedAt} saver={editing.textSaver} speakers={speakers} timeZone={event.timezone} />
        <PostTextEditor editorRef={closingEditor} eventId={event.id} day={day} part="closing" label="Closing" hint="After the last session." initialState={post.closing} savedAt={post.savedAt} saver={editing.textSaver} speakers={speakers} timeZone={event.timezone} />
      </div>
      <div className="post-output">
        <AttentionList
          problems={resolution.problems}
          attention={resolution.attention}
          onOpenSession={onOpenSession}
          imageUrl={imageUrl}
          onDescribePhoto={async ({ sessionId, photo }, alt) => {
            if (photo.part) {
              // Described in the open editor: its cursor and undo stay, and its saver stores the change.
              const editor = (photo.part === 'intro' ? introEditor : closingEditor).current;
              if (!editor || describePhotosInEditor(editor, photo.src, alt).shown === 0) return `The ${photo.part} no longer shows this photo; look at the ${photo.part} to check it.`;
              await editing.textSaver.flushAll();
              await editing.refresh();
              return null;
            }
            if (!sessionId) return 'This photo is in no note the post can change.';
            const result = await api['posts:describe-photo']({ eventId: event.id, sessionId, src: photo.src, alt });
            if (!result.ok) return result.error.message;
            await editing.refresh();
            return null;
          }}
        />
        <ExportPanel
          post={composed}
          options={options}
          onOptionsChange={setOptions}
          onExport={async (ifExists, allowTkMarkers) => {
            await editing.flush();
            return api['export:write']({ eventId: event.id, day, ...options, ifExists, allowTkMarkers });
          }}
        />
        <PublishPanel eventId={event.id} day={day} isEmpty={composed.isEmpty} flush={editing.flush} />
        <PostPreview post={composed} options={options} imageUrl={imageUrl} />
      </div>
    </div>
  );
}

function uniqueSpeakers(speakers: Speaker[]): Speaker[] {
  const seen = new Set<string>();
  return speakers.filter((speaker) => !seen.has(speaker.name) && Boolean(seen.add(speaker.name)));
}
