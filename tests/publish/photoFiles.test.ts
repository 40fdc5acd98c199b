import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FAKE_PASSWORD, FakeWordPress } from './helpers/fakeWordPress';
import { createPublishDay, type PublishDay } from './helpers/publishLibrary';

let day: PublishDay | null = null;
let elsewhere: string | null = null;
afterEach(async () => {
  await day?.cleanup();
  if (elsewhere) await rm(elsewhere, { recursive: true, force: true });
  day = null;
  elsewhere = null;
});

it('never uploads what a photo links to outside the library: the job stops at that photo and names it', async () => {
  const wordpress = new FakeWordPress();
  const uploads: string[] = [];
  day = await createPublishDay({
    fetch: async (input, init) => {
      const file = init?.body instanceof FormData ? init.body.get('file') : null;
      if (file instanceof Blob) uploads.push(await file.text());
      return wordpress.fetch(input, init);
    },
  });
  elsewhere = await mkdtemp(join(tmpdir(), 'hallnotes-elsewhere-'));
  await writeFile(join(elsewhere, 'id_rsa'), 'PRIVATE KEY of this computer');
  const photo = join(day.root, 'library', 'events', day.event.id, day.photos[0]);
  await rm(photo);
  await symlink(join(elsewhere, 'id_rsa'), photo);

  const destination = await day.services.publish.saveDestination({ kind: 'wordpress', name: 'Blog', siteUrl: wordpress.site, userName: 'editor', secret: FAKE_PASSWORD });
  const outcome = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });

  expect(outcome).toMatchObject({ status: 'failed', job: { problem: 'missing-photo' } });
  expect(outcome.status !== 'blocked' && outcome.job.message).toBe(
    `The photo ${day.photos[0]} is a link to a file outside the library, so it was not sent; nothing after it was sent. Add the photo to the note again.`,
  );
  expect(uploads.join('')).not.toContain('PRIVATE KEY');
  expect(wordpress.media).toEqual([]);
  expect(wordpress.posts).toEqual([]);
});
