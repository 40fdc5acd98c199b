import { afterEach, expect, it } from 'vitest';
import type { OutboxJob, PublishOutcome } from '../../shared/model/publish';
import { FakeClock } from './helpers/fakeClock';
import { FAKE_PASSWORD, FakeWordPress } from './helpers/fakeWordPress';
import { createPublishDay, type PublishDay } from './helpers/publishLibrary';

/** The byline's author (the event's "Sam Reporter") as WordPress's `author`: a user id, when the site has that user. */
let day: PublishDay | null = null;
afterEach(async () => {
  await day?.cleanup();
  day = null;
});

async function publishTo(wordpress: FakeWordPress): Promise<OutboxJob> {
  day = await createPublishDay({ fetch: wordpress.fetch, clock: new FakeClock() });
  const destination = await day.services.publish.saveDestination({ kind: 'wordpress', name: 'Example Blog', siteUrl: 'blog.example.org', userName: 'editor', secret: FAKE_PASSWORD });
  return jobOf(await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id }));
}

function jobOf(outcome: PublishOutcome): OutboxJob {
  if (outcome.status === 'blocked') throw new Error(`blocked: ${outcome.message}`);
  return outcome.job;
}

it('credits the draft to the site user whose display name is the byline author, matched whatever the case', async () => {
  const wordpress = new FakeWordPress();
  wordpress.users.push({ id: 7, name: 'SAM reporter' }, { id: 8, name: 'Sam Reporter-Jones' });
  const job = await publishTo(wordpress);
  expect(job.state).toBe('done');
  expect(wordpress.posts[0].author).toBe(7);
  expect(job.result?.notes).toEqual([]);
  expect(wordpress.requests).toContain('GET wp/v2/users');
});

it('leaves the publishing account as the author, and says why, when no user has the name, two have it, or the account may not credit others', async () => {
  const nobody = new FakeWordPress();
  const alone = await publishTo(nobody);
  expect(alone.state).toBe('done');
  expect(nobody.posts[0].author).toBe(1);
  expect(alone.result?.notes).toEqual([
    'No user of blog.example.org who may write posts is called “Sam Reporter”, so the draft\'s author is the account you publish with, “editor”. To credit them, add them there as a user with that display name, or change the author in WordPress.',
  ]);
  expect(alone.message).toContain('No user of blog.example.org who may write posts is called “Sam Reporter”');
  await day!.cleanup();

  const twins = new FakeWordPress();
  twins.users.push({ id: 7, name: 'Sam Reporter' }, { id: 9, name: 'Sam Reporter' });
  const ambiguous = await publishTo(twins);
  expect(twins.posts[0].author).toBe(1);
  expect(ambiguous.result?.notes[0]).toMatch(/^2 users of blog\.example\.org are called “Sam Reporter”, so Hallnotes cannot tell which one wrote the post/);
  await day!.cleanup();

  const author = new FakeWordPress();
  author.users.push({ id: 7, name: 'Sam Reporter' });
  author.mayEditOthers = false;
  const limited = await publishTo(author);
  expect(author.posts[0].author).toBe(1);
  expect(limited.result?.notes[0]).toBe(
    '“Sam Reporter” is a user of blog.example.org, but WordPress lets “editor” publish only as themselves (crediting others needs the Editor or Administrator role), so the draft\'s author is the account you publish with, “editor”.',
  );
});
