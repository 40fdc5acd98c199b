import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { eventDayCount, type EventFile } from '../../../shared/model/event';
import {
  describePostDay,
  emptyPostSettings,
  POST_FILE_FORMAT,
  postChangesSchema,
  postDefaults,
  postFileName,
  postFileSchema,
  sessionsForPost,
  type Post,
  type PostChanges,
  type PostDay,
  type PostFile,
  type PostTextPart,
  type SavedPost,
} from '../../../shared/model/post';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { sanitizeNoteState } from '../../../shared/note/sanitizeNoteState';
import type { EventStore } from '../library/eventStore';
import type { LibraryPaths } from '../library/libraryPaths';
import { writeFileAtomic, type WriteQueue } from '../storage/atomicWrite';
import { readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError, ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';

/**
 * One file per post (events/<eventId>/posts/day-N.json or whole-event.json), holding the
 * reporter's choices and the intro and closing notes. A save is a read-modify-write of that
 * file alone under its write queue, so the settings form and the two text editors can save
 * at the same time without losing each other's changes, and event.json is never rewritten.
 */
export class PostStore {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly events: EventStore,
    private readonly writes: WriteQueue,
  ) {}

  postsFolder(eventId: string): string {
    return join(this.paths.eventFolder(eventId), 'posts');
  }

  postFile(eventId: string, day: PostDay): string {
    return join(this.postsFolder(eventId), postFileName(day));
  }

  async get(eventId: string, day: PostDay): Promise<Post> {
    const { event, file } = await this.read(eventId, day);
    return toPost(event, day, file);
  }

  /** The stored file (null when none was saved yet) with its event; waits for a save already queued, so it never reads older text. */
  read(eventId: string, day: PostDay): Promise<{ event: EventFile; file: PostFile | null }> {
    return this.writes.run(this.postFile(eventId, day), async () => {
      const event = await this.eventWithDay(eventId, day);
      return { event, file: await this.readFile(event, day) };
    });
  }

  async save(eventId: string, day: PostDay, changes: PostChanges): Promise<SavedPost> {
    const filePath = this.postFile(eventId, day);
    return this.writes.run(filePath, async () => {
      const event = await this.eventWithDay(eventId, day);
      const valid = parseOrThrow(postChangesSchema, changes, `post for ${describePostDay(day)}`);
      checkSessions(event, day, valid.sessionIds);
      const current = (await this.readFile(event, day)) ?? { format: POST_FILE_FORMAT, day, savedAt: '', ...emptyPostSettings(), intro: null, closing: null };
      return this.write(event, {
        ...current,
        ...definedOnly(valid),
        intro: valid.intro === undefined ? current.intro : valid.intro && sanitizeNoteState(valid.intro),
        closing: valid.closing === undefined ? current.closing : valid.closing && sanitizeNoteState(valid.closing),
      });
    });
  }

  /**
   * Changes the intro or closing where it is stored, in the same turn of the write queue as
   * reading it, so a save arriving meanwhile is neither lost nor overwritten. `edit` changes
   * the state it is given in place and says whether it changed anything; nothing is written
   * otherwise.
   */
  async editText(eventId: string, day: PostDay, part: PostTextPart, edit: (state: SerializedNoteState | null) => boolean): Promise<void> {
    await this.writes.run(this.postFile(eventId, day), async () => {
      const event = await this.eventWithDay(eventId, day);
      const current = await this.readFile(event, day);
      if (edit(current?.[part] ?? null) && current) await this.write(event, current);
    });
  }

  private async write(event: EventFile, file: PostFile): Promise<SavedPost> {
    const next: PostFile = { ...file, savedAt: new Date().toISOString() };
    await this.ensurePostsFolder(event);
    const bytesWritten = await writeFileAtomic(this.postFile(event.id, next.day), JSON.stringify(next), `the post for ${describePostDay(next.day)} of "${event.title}"`);
    return { post: toPost(event, next.day, next), savedAt: next.savedAt, bytesWritten };
  }

  private readFile(event: EventFile, day: PostDay): Promise<PostFile | null> {
    return readValidatedJson({
      filePath: this.postFile(event.id, day),
      schema: postFileSchema,
      supportedFormat: POST_FILE_FORMAT,
      description: `the post for ${describePostDay(day)} of "${event.title}"`,
      quarantineFolder: join(this.paths.quarantineFolder, event.id),
    });
  }

  private async eventWithDay(eventId: string, day: PostDay): Promise<EventFile> {
    const event = await this.events.get(eventId);
    const days = eventDayCount(event);
    if (day !== null && day > days) {
      throw new ServiceError('not-found', `"${event.title}" has ${days === 1 ? 'one day' : `${days} days`}; there is no Day ${day} to write a post for.`);
    }
    return event;
  }

  /** Not recursive, so a post saved just as its event is deleted does not bring the event folder back. */
  private async ensurePostsFolder(event: EventFile): Promise<void> {
    try {
      await mkdir(this.postsFolder(event.id));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(`save the post for "${event.title}"`, error);
    }
  }
}

function toPost(event: EventFile, day: PostDay, file: PostFile | null): Post {
  const { title, byline, tags, sessionIds, style } = file ?? emptyPostSettings();
  return {
    eventId: event.id,
    day,
    settings: { title, byline, tags, sessionIds, style },
    intro: file?.intro ?? null,
    closing: file?.closing ?? null,
    defaults: postDefaults(event, day),
    savedAt: file?.savedAt ?? null,
  };
}

/** A post can only include sessions of its own day (or of the event, for the whole-event post). */
function checkSessions(event: EventFile, day: PostDay, sessionIds: string[] | null | undefined): void {
  if (!sessionIds) return;
  const available = new Set(sessionsForPost(event, day).map((session) => session.id));
  const unknown = sessionIds.find((id) => !available.has(id));
  if (unknown !== undefined) {
    throw new ServiceError('invalid-argument', `"${event.title}" has no session "${unknown}" on ${describePostDay(day)}, so the post cannot include it.`);
  }
  const repeated = sessionIds.find((id, index) => sessionIds.indexOf(id) !== index);
  if (repeated !== undefined) throw new ServiceError('invalid-argument', `Session "${repeated}" is listed twice; a post includes each session once.`);
}

function definedOnly<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
