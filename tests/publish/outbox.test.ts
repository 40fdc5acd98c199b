import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../electron/services/createServices';
import type { OutboxJob, PublishOutcome } from '../../shared/model/publish';
import { note, paragraph, text } from '../export/fixtures/noteBuilders';
import { createFakePreferenceBackend } from '../helpers/tempLibrary';
import { FakeClock } from './helpers/fakeClock';
import { FAKE_PASSWORD, FakeWordPress, json } from './helpers/fakeWordPress';
import { createPublishDay, type PublishDay } from './helpers/publishLibrary';

/** The outbox on a fake clock, against a fetch that answers like WordPress and can fail on demand. */
let day: PublishDay | null = null;
afterEach(async () => {
  await day?.cleanup();
  day = null;
});

async function setUp() {
  const wordpress = new FakeWordPress();
  const clock = new FakeClock();
  day = await createPublishDay({ fetch: wordpress.fetch, clock });
  const destination = await day.services.publish.saveDestination({ kind: 'wordpress', name: 'Example Blog', siteUrl: 'blog.example.org', userName: 'editor', secret: FAKE_PASSWORD });
  const publish = (options: { publishAnyway?: boolean; eventDay?: number } = {}) =>
    day!.services.publish.publish({ eventId: day!.event.id, day: options.eventDay ?? 1, destinationId: destination.id, publishAnyway: options.publishAnyway });
  const jobs = () => day!.services.publish.outboxJobs();
  return { wordpress, clock, destination, publish, jobs, day };
}

/** Waits for the outbox's background round; generous, as the machine may be busy. */
function eventually(check: () => Promise<void>): Promise<void> {
  return vi.waitFor(check, { timeout: 30_000, interval: 20 });
}

function jobOf(outcome: PublishOutcome): OutboxJob {
  if (outcome.status === 'blocked') throw new Error(`blocked: ${outcome.message}`);
  return outcome.job;
}

describe('the outbox', { timeout: 60_000 }, () => {
  it('queues a publish made without a connection, tries again later with a growing wait, and sends it once the site answers', async () => {
    const { wordpress, clock, publish, jobs } = await setUp();
    wordpress.offline = true;
    const outcome = await publish();
    expect(outcome.status).toBe('queued');
    const queued = jobOf(outcome);
    expect(queued).toMatchObject({ state: 'waiting', problem: 'offline', attempts: 1, queuedAt: '2026-09-14T18:00:00.000Z', nextAttemptAt: '2026-09-14T18:00:05.000Z' });
    expect(queued.message).toBe('Could not reach blog.example.org: nothing answered: the connection was refused.');

    // Starting the outbox (as the app does on launch) is a new chance at once; then 10 s, 20 s, …
    day!.services.publish.startOutbox();
    await eventually(async () => expect((await jobs())[0]).toMatchObject({ attempts: 2, nextAttemptAt: '2026-09-14T18:00:10.000Z' }));
    clock.advance(10_000);
    await eventually(async () => expect((await jobs())[0]).toMatchObject({ attempts: 3, state: 'waiting', nextAttemptAt: '2026-09-14T18:00:30.000Z' }));
    expect(wordpress.posts).toHaveLength(0);

    wordpress.offline = false;
    clock.advance(20_000);
    await eventually(async () => expect((await jobs())[0]).toMatchObject({ state: 'done', attempts: 4, result: { created: true, uploadedPhotos: 2 } }));
    expect(wordpress.posts).toHaveLength(1);
    expect(wordpress.posts[0]).toMatchObject({ status: 'draft', title: `${day!.event.title} – Day 1 Reflections` });
  });

  it('tells listeners (the window, the pages of the host) each change of a job as it happens, the last list heard being the latest', async () => {
    const { wordpress, clock, publish, day: publishDay } = await setUp();
    const heard: string[][] = [];
    const stop = publishDay.services.publish.onOutboxChange((jobs) => heard.push(jobs.map((job) => job.state)));
    wordpress.offline = true;
    await publish();
    await eventually(async () => expect(heard.at(-1)).toEqual(['waiting']));
    expect(heard.flat()).toContain('sending');

    publishDay.services.publish.startOutbox();
    wordpress.offline = false;
    clock.advance(10_000);
    await eventually(async () => expect(heard.at(-1)).toEqual(['done']));
    const [job] = await publishDay.services.publish.outboxJobs();
    await publishDay.services.publish.decide(job.id, 'discard');
    await eventually(async () => expect(heard.at(-1)).toEqual([]));

    stop();
    const count = heard.length;
    wordpress.offline = true;
    await publish();
    await publishDay.services.writes.drain();
    expect(heard).toHaveLength(count);
  });

  it('keeps queued jobs across a restart and sends them in the order they were queued', async () => {
    const { wordpress, publish, day: first } = await setUp();
    wordpress.offline = true;
    await first.services.posts.save(first.event.id, 1, { title: 'The first post' });
    expect((await publish()).status).toBe('queued');
    // A second post, queued later: the intro's new text would be the same post, so use the whole event's.
    await first.services.posts.save(first.event.id, null, { title: 'The second post' });
    expect((await first.services.publish.publish({ eventId: first.event.id, day: null, destinationId: (await first.services.publish.listDestinations())[0].id })).status).toBe('queued');

    // "Restart": new services on the same library and settings folder.
    wordpress.offline = false;
    const restarted = createServices({ libraryPath: join(first.root, 'library'), preferences: createFakePreferenceBackend(), publishing: { configFolder: first.configFolder, fetch: wordpress.fetch, clock: new FakeClock() } });
    expect((await restarted.publish.outboxJobs()).map((job) => [job.title, job.state])).toEqual([
      ['The first post', 'waiting'],
      ['The second post', 'waiting'],
    ]);
    restarted.publish.startOutbox();
    await eventually(async () => expect((await restarted.publish.outboxJobs()).map((job) => job.state)).toEqual(['done', 'done']));
    restarted.publish.stopOutbox();
    expect(wordpress.posts.map((post) => post.title)).toEqual(['The first post', 'The second post']);
  });

  it('a server error half-way through the photos keeps the job, and the retry does not send the photo that got through', async () => {
    const { wordpress, clock, publish, jobs } = await setUp();
    let uploads = 0;
    wordpress.intercept = ({ method, route }) => (method === 'POST' && route === 'wp/v2/media' && ++uploads === 2 ? json(500, { code: 'internal_server_error', message: 'There has been a critical error on this website.' }) : null);
    const outcome = await publish();
    expect(outcome.status).toBe('queued');
    expect(jobOf(outcome)).toMatchObject({ state: 'waiting', problem: 'server' });
    expect(jobOf(outcome).message).toContain('HTTP 500: There has been a critical error on this website.');
    expect(wordpress.media).toHaveLength(1);
    expect(wordpress.posts).toHaveLength(0);

    wordpress.intercept = null;
    wordpress.requests.length = 0;
    day!.services.publish.startOutbox();
    clock.advance(5_000);
    await eventually(async () => expect((await jobs())[0]).toMatchObject({ state: 'done', result: { uploadedPhotos: 1, reusedPhotos: 1 } }));
    expect(wordpress.requests.filter((request) => request === 'POST wp/v2/media')).toHaveLength(1);
    expect(wordpress.media).toHaveLength(2);
    expect(wordpress.posts[0].content).toContain(wordpress.media[0].source_url);
    expect(wordpress.posts[0].content).toContain(wordpress.media[1].source_url);
  });

  it('a second publish of a post still waiting replaces the queued one instead of queueing another', async () => {
    const { wordpress, publish, jobs } = await setUp();
    wordpress.offline = true;
    await publish();
    await day!.services.notes.save(day!.event.id, day!.ids.talk, note(paragraph(text('Seven minutes, in the end.'))));
    await publish();
    expect(await jobs()).toHaveLength(1);
    wordpress.offline = false;
    await day!.services.publish.runOutbox();
    expect(wordpress.posts).toHaveLength(1);
    expect(wordpress.posts[0].content).toContain('Seven minutes, in the end.');
  });

  it('TK markers stop a publish until the reporter publishes anyway', async () => {
    const { wordpress, publish } = await setUp();
    await day!.services.notes.save(day!.event.id, day!.ids.talk, note(paragraph(text('Five minutes on TK builds.'))));
    const blocked = await publish();
    expect(blocked).toMatchObject({ status: 'blocked', items: ['“Lightning talk” still has a TK marker to check.'] });
    expect(wordpress.requests).toEqual([]);
    expect(await day!.services.publish.outboxJobs()).toEqual([]);
    expect((await publish({ publishAnyway: true })).status).toBe('sent');
  });
});

describe('bad answers, each with its own message', () => {
  it('a photo the site refuses as too large is named, with its size and the limit the site states', async () => {
    const { wordpress, publish } = await setUp();
    wordpress.intercept = ({ method, route }) =>
      method === 'POST' && route === 'wp/v2/media' ? json(400, { code: 'rest_upload_file_too_big', message: 'This file is too big. Files must be less than 1 KB in size.' }) : null;
    const job = jobOf(await publish());
    expect(job).toMatchObject({ state: 'failed', problem: 'too-large' });
    expect(job.message).toMatch(/^The site refused the photo “Priya Raman shows the cluster map” \(assets\/[0-9a-f]{64}\.png\), \d+(\.\d)? MB, as too large: the site takes at most 0\.1 MB\./);
  });

  it('a 413 from the web server in front, with no limit given, still names the photo', async () => {
    const { wordpress, publish } = await setUp();
    wordpress.intercept = ({ method, route }) => (method === 'POST' && route === 'wp/v2/media' ? new Response('<html><head><title>413 Request Entity Too Large</title></head></html>', { status: 413, headers: { 'content-type': 'text/html' } }) : null);
    const job = jobOf(await publish());
    expect(job).toMatchObject({ state: 'failed', problem: 'too-large' });
    expect(job.message).toContain('“Priya Raman shows the cluster map”');
    expect(job.message).toContain("the site's upload limit is below that, and it does not say by how much");
  });

  it('a timeout waits for another try, saying how long it waited', async () => {
    const { wordpress, publish } = await setUp();
    wordpress.intercept = ({ route }) => (route === 'wp/v2/users/me' || route === '' ? null : 'timeout');
    expect(jobOf(await publish())).toMatchObject({ state: 'waiting', problem: 'timeout', message: 'blog.example.org did not answer within 30 seconds.' });
  });

  it('a web page instead of JSON, a redirect to a login page, a wrong password, a wrong address', async () => {
    const { wordpress, destination, day: library } = await setUp();
    const test = () => library.services.publish.testDestination({ id: destination.id, kind: 'wordpress', name: 'Example Blog', siteUrl: destination.siteUrl, userName: 'editor' });

    wordpress.intercept = ({ route }) => (route === 'wp/v2/users/me' ? new Response('<html><head><title>Down for maintenance</title></head></html>', { headers: { 'content-type': 'text/html' } }) : null);
    expect(await test()).toMatchObject({ ok: false, problem: 'not-json', message: expect.stringContaining('a web page (“Down for maintenance”) instead of the API\'s JSON') });

    wordpress.intercept = () => new Response('', { status: 302, headers: { location: 'https://sso.example.org/login?next=/' } });
    expect(await test()).toMatchObject({ ok: false, problem: 'login-redirect', message: expect.stringContaining('sent Hallnotes to a login page (https://sso.example.org/login)') });

    wordpress.intercept = ({ route }) => (route === 'wp/v2/users/me' ? json(401, { code: 'incorrect_password', message: 'The provided password is an invalid application password.' }) : null);
    expect(await test()).toMatchObject({ ok: false, problem: 'wrong-credentials', message: expect.stringContaining('WordPress refused the Application Password for “editor”') });

    // WordPress 6.1 answers a wrong password as "not logged in"; XML-RPC tells it from a stripped header.
    wordpress.intercept = null;
    const wrongPassword = { kind: 'wordpress' as const, name: 'x', siteUrl: 'blog.example.org', userName: 'editor', secret: 'zzzz zzzz zzzz zzzz zzzz zzzz' };
    expect(await library.services.publish.testDestination(wrongPassword)).toMatchObject({ ok: false, problem: 'wrong-credentials', message: expect.stringContaining('WordPress refused the Application Password') });
    wordpress.xmlRpc = false;
    expect(await library.services.publish.testDestination(wrongPassword)).toMatchObject({
      ok: false,
      problem: 'wrong-credentials',
      message: expect.stringContaining('either the Application Password is wrong'),
    });
    await expect(library.services.publish.saveDestination({ kind: 'wordpress', name: 'Plain', siteUrl: 'http://blog.example.org', userName: 'editor', secret: FAKE_PASSWORD })).rejects.toThrow(
      'blog.example.org is not on HTTPS, so its password would cross the network readable by anyone',
    );
    await expect(library.services.publish.saveDestination({ kind: 'wordpress', name: 'Ftp', siteUrl: 'ftp://blog.example.org', userName: 'editor', secret: FAKE_PASSWORD })).rejects.toThrow('is not a web address (it starts with ftp:)');
    await expect(library.services.publish.saveDestination({ kind: 'wordpress', name: 'Login', siteUrl: 'https://blog.example.org', userName: 'editor', secret: 'hunter2' })).rejects.toThrow('That is not an Application Password');
  });
});

describe('secrets', () => {
  it('are kept in a file only the user can read, and nowhere in the library or the destinations list', async () => {
    const { publish, day: library } = await setUp();
    await publish();
    const credentials = join(library.configFolder, 'secrets.json');
    expect((await stat(credentials)).mode & 0o777).toBe(0o600);
    expect(await readFile(join(library.configFolder, 'publish-destinations.json'), 'utf8')).not.toContain('EFGH');
    const libraryFiles = await readdir(join(library.root, 'library'), { recursive: true, withFileTypes: true });
    for (const entry of libraryFiles.filter((candidate) => candidate.isFile())) {
      expect(await readFile(join(entry.parentPath, entry.name), 'latin1'), entry.name).not.toContain('ijkl MNOP');
    }
  });
});
