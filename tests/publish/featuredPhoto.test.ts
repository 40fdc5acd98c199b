import { afterEach, expect, it } from 'vitest';
import type { OutboxJob, PublishOutcome } from '../../shared/model/publish';
import { note, paragraph, text } from '../export/fixtures/noteBuilders';
import { FakeClock } from './helpers/fakeClock';
import { FAKE_PASSWORD, FakeWordPress } from './helpers/fakeWordPress';
import { createPublishDay, type PublishDay } from './helpers/publishLibrary';

/** The featured image: the first photo unless the editor chose another, or none. */
let day: PublishDay | null = null;
afterEach(async () => {
  await day?.cleanup();
  day = null;
});

async function setUp() {
  const wordpress = new FakeWordPress();
  day = await createPublishDay({ fetch: wordpress.fetch, clock: new FakeClock() });
  const { services, event } = day;
  const destination = await services.publish.saveDestination({ kind: 'wordpress', name: 'Example Blog', siteUrl: 'blog.example.org', userName: 'editor', secret: FAKE_PASSWORD });
  const publish = async () => jobOf(await services.publish.publish({ eventId: event.id, day: 1, destinationId: destination.id }));
  const mediaUploads = () => wordpress.requests.filter((request) => request === 'POST wp/v2/media').length;
  return { wordpress, day, services, event, publish, mediaUploads };
}

function jobOf(outcome: PublishOutcome): OutboxJob {
  if (outcome.status === 'blocked') throw new Error(`blocked: ${outcome.message}`);
  return outcome.job;
}

const fileOf = (src: string) => src.replace(/^assets\//, '');

it('features the photo the editor chose; choosing another, or none, updates the draft without uploading anything again', async () => {
  const { wordpress, day, services, event, publish, mediaUploads } = await setUp();
  const settings = await services.publish.postSettings(event.id, 1);
  expect(settings.featuredPhoto).toEqual({ kind: 'first' });
  expect(settings.photos.map((photo) => [photo.src, photo.caption])).toEqual([
    [day.photos[0], 'Priya Raman shows the cluster map'],
    [day.photos[1], 'Four maintainers, one microphone'],
  ]);

  await services.publish.savePostSettings(event.id, 1, { featuredPhoto: { kind: 'photo', file: fileOf(day.photos[1]) } });
  expect((await publish()).state).toBe('done');
  const panelPhoto = wordpress.media.find((item) => item.slug.includes(fileOf(day.photos[1]).slice(0, 16)))!;
  expect(wordpress.posts).toHaveLength(1);
  expect(wordpress.posts[0].featured_media).toBe(panelPhoto.id);
  expect(mediaUploads()).toBe(2);

  // The choice is kept: the next publish (a new services object would read the same file) still features it.
  expect((await services.publish.postSettings(event.id, 1)).featuredPhoto).toEqual({ kind: 'photo', file: fileOf(day.photos[1]) });

  await services.publish.savePostSettings(event.id, 1, { featuredPhoto: { kind: 'none' } });
  const none = await publish();
  expect(none.result).toMatchObject({ created: false, uploadedPhotos: 0, reusedPhotos: 2 });
  expect(wordpress.posts).toHaveLength(1);
  expect(wordpress.posts[0].featured_media).toBe(0);

  await services.publish.savePostSettings(event.id, 1, { featuredPhoto: { kind: 'first' } });
  await publish();
  const keynotePhoto = wordpress.media.find((item) => item.slug.includes(fileOf(day.photos[0]).slice(0, 16)))!;
  expect(wordpress.posts[0].featured_media).toBe(keynotePhoto.id);
  expect(mediaUploads()).toBe(2);
  expect(wordpress.media).toHaveLength(2);
});

it('refuses a photo the post does not show, naming the ones it does; a chosen photo removed from the notes falls back to the first, saying so', async () => {
  const { wordpress, day, services, event, publish } = await setUp();
  const stranger = `${'a'.repeat(64)}.png`;
  await expect(services.publish.savePostSettings(event.id, 1, { featuredPhoto: { kind: 'photo', file: stranger } })).rejects.toThrow(
    `The post for Day 1 does not show the photo assets/${stranger}; its photos are 1 “Priya Raman shows the cluster map” (${day.photos[0]}), 2 “Four maintainers, one microphone” (${day.photos[1]}).`,
  );
  await expect(services.publish.savePostSettings(event.id, 1, { featuredPhoto: { kind: 'photo', file: 'slide.png' } } as never)).rejects.toThrow('must be a photo of the event');

  await services.publish.savePostSettings(event.id, 1, { featuredPhoto: { kind: 'photo', file: fileOf(day.photos[1]) } });
  // The panel's note loses its photo after the choice was made.
  await services.notes.save(event.id, day.ids.panel, note(paragraph(text('Most critical projects have one maintainer.'))));
  const job = await publish();
  expect(job.state).toBe('done');
  expect(job.message).toContain(`The featured photo chosen for this post (${day.photos[1]}) is no longer in it; the first photo, “Priya Raman shows the cluster map” (${day.photos[0]}), is featured instead.`);
  expect(wordpress.posts[0].featured_media).toBe(wordpress.media[0].id);
});
