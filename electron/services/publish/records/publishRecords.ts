import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { postFileName, type PostDay } from '../../../../shared/model/post';
import type { LibraryPaths } from '../../library/libraryPaths';
import { writeFileAtomic, type WriteQueue } from '../../storage/atomicWrite';
import { readValidatedJson } from '../../storage/readValidatedJson';
import { fileSystemError } from '../../storage/serviceError';

const RECORDS_FORMAT = 1;

/** A post's draft on one destination: which one it is, and how it looked when Hallnotes last wrote it. */
const postRecordSchema = z.strictObject({
  remoteId: z.string().min(1).max(100),
  editUrl: z.string().max(2000),
  /** The site's modified time after Hallnotes' last write; a different one means somebody edited it there. */
  remoteModified: z.string().max(100),
  /** The draft's title and body as the site held them after that write (see RemotePost.fingerprint). */
  fingerprint: z.string().max(100).default(''),
  /** The marker the draft was created with (Ghost keeps it as an internal tag). */
  marker: z.string().max(40),
  publishedAt: z.iso.datetime(),
});
export type PostRecord = z.infer<typeof postRecordSchema>;

const photoRecordSchema = z.strictObject({ remoteId: z.string().max(200), url: z.string().max(2000) });
export type PhotoRecord = z.infer<typeof photoRecordSchema>;

const recordsFileSchema = z.strictObject({
  format: z.literal(RECORDS_FORMAT),
  /** By post file stem ("day-1", "whole-event"), then destination id. */
  posts: z.record(z.string(), z.record(z.string(), postRecordSchema)),
  /** By destination id, then asset file name (the photo's content hash): each photo goes to a site once. */
  photos: z.record(z.string(), z.record(z.string(), photoRecordSchema)),
});
type RecordsFile = z.infer<typeof recordsFileSchema>;

/** "day-1", "whole-event": the post's file name without ".json". */
export function postKey(day: PostDay): string {
  return postFileName(day).replace(/\.json$/, '');
}

/**
 * What was published where, for one event: events/<eventId>/publish/published.json, in the
 * library (it travels with the notes). Each change is a read-modify-write under the file's write
 * queue, and every uploaded photo is recorded as soon as it is up, so a publish cut short
 * resumes without sending it again.
 */
export class PublishRecords {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly writes: WriteQueue,
  ) {}

  async post(eventId: string, day: PostDay, destinationId: string): Promise<PostRecord | null> {
    return (await this.read(eventId)).posts[postKey(day)]?.[destinationId] ?? null;
  }

  async postCopies(eventId: string, day: PostDay): Promise<Record<string, PostRecord>> {
    return (await this.read(eventId)).posts[postKey(day)] ?? {};
  }

  async photos(eventId: string, destinationId: string): Promise<Record<string, PhotoRecord>> {
    return (await this.read(eventId)).photos[destinationId] ?? {};
  }

  savePost(eventId: string, day: PostDay, destinationId: string, record: PostRecord): Promise<void> {
    return this.change(eventId, (file) => {
      const key = postKey(day);
      file.posts[key] = { ...file.posts[key], [destinationId]: record };
    });
  }

  forgetPost(eventId: string, day: PostDay, destinationId: string): Promise<void> {
    return this.change(eventId, (file) => {
      delete file.posts[postKey(day)]?.[destinationId];
    });
  }

  savePhoto(eventId: string, destinationId: string, file: string, record: PhotoRecord): Promise<void> {
    return this.change(eventId, (records) => {
      records.photos[destinationId] = { ...records.photos[destinationId], [file]: record };
    });
  }

  private filePath(eventId: string): string {
    return join(this.paths.eventFolder(eventId), 'publish', 'published.json');
  }

  private change(eventId: string, apply: (file: RecordsFile) => void): Promise<void> {
    const filePath = this.filePath(eventId);
    return this.writes.run(filePath, async () => {
      const file = await this.readFile(eventId);
      apply(file);
      // Not recursive, so a record written just as its event is deleted does not bring the event folder back.
      try {
        await mkdir(join(this.paths.eventFolder(eventId), 'publish'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError('create the folder for publishing records', error);
      }
      await writeFileAtomic(filePath, JSON.stringify(file), 'the record of what was published');
    });
  }

  private read(eventId: string): Promise<RecordsFile> {
    return this.writes.run(this.filePath(eventId), () => this.readFile(eventId));
  }

  private async readFile(eventId: string): Promise<RecordsFile> {
    const file = await readValidatedJson({
      filePath: this.filePath(eventId),
      schema: recordsFileSchema,
      supportedFormat: RECORDS_FORMAT,
      description: 'the record of what was published',
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    });
    return file ?? { format: RECORDS_FORMAT, posts: {}, photos: {} };
  }
}
