import type { PostInput } from '../../../shared/export/postInput';
import type { EventFile, Session } from '../../../shared/model/event';
import { buildPostInput, emptyPostSettings, includedSessions, type PostDay, type PostResolution, type PostSettings } from '../../../shared/model/post';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import type { LibraryPaths } from '../library/libraryPaths';
import type { NoteStore } from '../notes/noteStore';
import { ServiceError } from '../storage/serviceError';
import { postAttention } from './postAttention';
import type { PostStore } from './postStore';

/** A post read from disk: the serializers' input plus what the attention checks need. */
export type LoadedPost = {
  event: EventFile;
  day: PostDay;
  settings: PostSettings;
  input: PostInput;
  /** Notes that could not be read, each naming its session; those sessions export without a note. */
  problems: string[];
  unreadableSessionIds: ReadonlySet<string>;
};

/**
 * Turns a stored post into the serializers' input: the event, the post file and the notes
 * of the included sessions, read in parallel through the note store, which waits for saves
 * already queued, so an export asked for right after an edit sees that edit. A damaged note
 * is set aside and remembered by the note store (so its session opens with the damage notice)
 * and named in `problems`; the rest still export.
 */
export class PostResolver {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly posts: PostStore,
    private readonly notes: NoteStore,
  ) {}

  async load(eventId: string, day: PostDay): Promise<LoadedPost> {
    const { event, file } = await this.posts.read(eventId, day);
    const settings: PostSettings = file ? { title: file.title, byline: file.byline, tags: file.tags, sessionIds: file.sessionIds, style: file.style } : emptyPostSettings();
    const sessions = includedSessions(event, day, settings);
    const loaded = await Promise.all(
      sessions.map(async (session) => {
        try {
          return { session, note: await this.readNote(event.id, session), problem: null };
        } catch (error) {
          if (!(error instanceof ServiceError)) throw error;
          return { session, note: null, problem: `${error.message} “${session.title}” is exported without its note.` };
        }
      }),
    );
    // Listed in post order, not in the order the reads happened to finish.
    const failed = loaded.filter((entry) => entry.problem !== null);
    const problems = failed.map((entry) => entry.problem as string);
    const unreadableSessionIds = new Set(failed.map((entry) => entry.session.id));
    const notes = new Map(loaded.map((entry) => [entry.session.id, entry.note]));
    const texts = { intro: file?.intro ?? null, closing: file?.closing ?? null };
    return { event, day, settings, input: buildPostInput(event, day, settings, texts, notes), problems, unreadableSessionIds };
  }

  /** The post with the list of what needs attention before it is published. */
  async resolve(eventId: string, day: PostDay): Promise<PostResolution> {
    const loaded = await this.load(eventId, day);
    const attention = await postAttention(loaded, this.paths);
    return { input: loaded.input, problems: loaded.problems, attention };
  }

  private async readNote(eventId: string, session: Session): Promise<SerializedNoteState | null> {
    return (await this.notes.read(eventId, session))?.editorState ?? null;
  }
}
