import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { PostDay } from '../../../../shared/model/post';
import { DEFAULT_POST_PUBLISH_SETTINGS, postPublishSettingsSchema, type PostPublishSettings } from '../../../../shared/model/publish';
import type { LibraryPaths } from '../../library/libraryPaths';
import { writeFileAtomic, type WriteQueue } from '../../storage/atomicWrite';
import { readValidatedJson } from '../../storage/readValidatedJson';
import { fileSystemError } from '../../storage/serviceError';
import { postKey } from '../records/publishRecords';

const SETTINGS_FORMAT = 1;
const settingsFileSchema = z.strictObject({
  format: z.literal(SETTINGS_FORMAT),
  /** By post file stem ("day-1", "whole-event"). */
  posts: z.record(z.string(), postPublishSettingsSchema),
});
type SettingsFile = z.infer<typeof settingsFileSchema>;

/**
 * What each post of an event keeps for publishing (today: its featured photo), in
 * events/<eventId>/publish/settings.json beside the record of what was published: the editor's
 * choice on this computer, apart from the post file the team shares.
 */
export class PublishSettings {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly writes: WriteQueue,
  ) {}

  async get(eventId: string, day: PostDay): Promise<PostPublishSettings> {
    const file = await this.writes.run(this.filePath(eventId), () => this.readFile(eventId));
    return file.posts[postKey(day)] ?? DEFAULT_POST_PUBLISH_SETTINGS;
  }

  save(eventId: string, day: PostDay, settings: PostPublishSettings): Promise<PostPublishSettings> {
    const filePath = this.filePath(eventId);
    return this.writes.run(filePath, async () => {
      const file = await this.readFile(eventId);
      file.posts[postKey(day)] = settings;
      // Not recursive, so settings saved just as the event is deleted do not bring its folder back.
      try {
        await mkdir(join(this.paths.eventFolder(eventId), 'publish'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError('create the folder for publishing settings', error);
      }
      await writeFileAtomic(filePath, JSON.stringify(file), "the post's publishing settings");
      return settings;
    });
  }

  private filePath(eventId: string): string {
    return join(this.paths.eventFolder(eventId), 'publish', 'settings.json');
  }

  private async readFile(eventId: string): Promise<SettingsFile> {
    const file = await readValidatedJson({
      filePath: this.filePath(eventId),
      schema: settingsFileSchema,
      supportedFormat: SETTINGS_FORMAT,
      description: "the posts' publishing settings",
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    });
    return file ?? { format: SETTINGS_FORMAT, posts: {} };
  }
}
