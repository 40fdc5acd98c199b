import { readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createCliFixture } from '../cli/cliFixture';

const PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';
let fixture: Awaited<ReturnType<typeof createCliFixture>> | null = null;
afterEach(async () => {
  await fixture?.cleanup();
  fixture = null;
});

/** A loopback port nothing listens on: "the site is down". */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('adds, lists and removes a destination; the password comes from a file, is stored 0600 and never printed', async () => {
  fixture = await createCliFixture();
  const passwordFile = join(fixture.root, 'wp-password.txt');
  await writeFile(passwordFile, `${PASSWORD}\nnotes under the password are ignored\n`);
  const url = `http://127.0.0.1:${await closedPort()}`;

  const tested = await fixture.run('destination', 'add', '--kind', 'wordpress', '--name', 'Company blog', '--url', url, '--user', 'editor', '--password-file', passwordFile);
  expect(tested).toMatchObject({ code: 1, stdout: '' });
  expect(tested.stderr).toContain('nothing answered: the connection was refused. Nothing was saved (--no-test saves without testing).');

  const added = await fixture.run('destination', 'add', '--kind', 'wordpress', '--name', 'Company blog', '--url', url, '--user', 'editor', '--password-file', passwordFile, '--no-test', '--json');
  expect(added.code).toBe(0);
  expect(JSON.parse(added.stdout)).toMatchObject({ name: 'Company blog', kind: 'wordpress', siteUrl: url, userName: 'editor', hasSecret: true });
  const list = await fixture.ok('destination', 'list');
  expect(list).toMatch(/^NAME\s+KIND\s+SITE\s+USER\s+PASSWORD\s+ID\nCompany blog\s+WordPress\s+http:\/\/127\.0\.0\.1:\d+\s+editor\s+stored\s+[a-z0-9]{10}$/);
  expect(list).not.toContain('EFGH');
  const credentials = join(fixture.config, 'secrets.json');
  expect((await stat(credentials)).mode & 0o777).toBe(0o600);
  expect(await readFile(credentials, 'utf8')).toContain(PASSWORD);

  expect(await fixture.run('destination', 'add', '--kind', 'wordpress', '--name', 'Plain', '--url', 'http://blog.example.org', '--user', 'editor', '--password-file', passwordFile, '--no-test')).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('blog.example.org is not on HTTPS'),
  });
  expect(await fixture.run('destination', 'add', '--kind', 'ghost', '--name', 'G', '--url', 'https://ghost.example.org', '--user', 'x')).toMatchObject({ code: 2, stderr: expect.stringContaining('--user applies to WordPress only') });
  expect(await fixture.run('destination', 'add', '--kind', 'blogger', '--name', 'B', '--url', 'https://b.example.org')).toMatchObject({ code: 2, stderr: expect.stringContaining('--kind must be wordpress or ghost, not "blogger"') });

  expect(await fixture.ok('destination', 'remove', 'company BLOG')).toBe('Removed “Company blog” and its stored password.');
  expect(JSON.parse(await readFile(credentials, 'utf8'))).toEqual({ format: 1, secrets: {}, formerly: {} });
  expect(await fixture.run('destination', 'test', 'Company blog')).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no destination “Company blog”; add one first.') });
});

it('publish without a connection exits 3 with the post in the outbox; the outbox lists it and can discard it', async () => {
  fixture = await createCliFixture();
  const eventId = await fixture.ok('event', 'create', '--title', 'Offline Summit', '--start', '2026-05-01', '--author', 'Sam Reporter');
  const sessionId = await fixture.ok('session', 'add', eventId, '--day', '1', '--start', '09:00', '--title', 'Keynote', '--status', 'covered');
  await fixture.runWith({ stdin: 'The hall wifi is down.\n' }, 'note', 'set', eventId, sessionId, '--from', '-');
  const url = `http://127.0.0.1:${await closedPort()}`;
  const env = { HALLNOTES_LIBRARY: fixture.library, HALLNOTES_CONFIG_DIR: fixture.config, HALLNOTES_PUBLISH_SECRET: PASSWORD };
  expect((await fixture.runWith({ env }, 'destination', 'add', '--kind', 'wordpress', '--name', 'Blog', '--url', url, '--user', 'editor', '--no-test')).code).toBe(0);

  const queued = await fixture.run('publish', eventId, '--to', 'Blog');
  expect(queued.code).toBe(3);
  expect(queued.stdout).toMatch(/^Queued in the outbox: Could not reach 127\.0\.0\.1:\d+: nothing answered: the connection was refused\. It is sent when the site answers/);
  const listed = await fixture.ok('outbox', 'list');
  expect(listed).toContain('Offline Summit – Day 1 Reflections (Day 1)');
  expect(listed).toMatch(/Waiting for a connection \(queued \d\d:\d\d UTC\)/);
  const [job] = JSON.parse(await fixture.ok('outbox', 'list', '--json')) as { id: string }[];

  // Published again while it waits: still one job.
  expect((await fixture.run('publish', eventId, '--to', 'Blog', '--json')).code).toBe(3);
  expect(JSON.parse(await fixture.ok('outbox', 'list', '--json'))).toHaveLength(1);
  expect((await fixture.run('outbox', 'run')).code).toBe(1);

  expect(await fixture.ok('outbox', 'discard', job.id)).toBe('Discarded; nothing more is sent for it.');
  expect(await fixture.ok('outbox', 'list')).toBe('The outbox is empty.');
  expect(await fixture.run('outbox', 'discard', 'nope')).toMatchObject({ code: 2 });
});

it('TK markers stop a publish and say how to publish anyway', async () => {
  fixture = await createCliFixture();
  const eventId = await fixture.ok('event', 'create', '--title', 'TK Summit', '--start', '2026-05-01');
  const sessionId = await fixture.ok('session', 'add', eventId, '--day', '1', '--start', '09:00', '--title', 'Keynote', '--status', 'covered');
  await fixture.runWith({ stdin: 'Revenue grew TK percent.\n' }, 'note', 'set', eventId, sessionId, '--from', '-');
  const env = { HALLNOTES_LIBRARY: fixture.library, HALLNOTES_CONFIG_DIR: fixture.config, HALLNOTES_PUBLISH_SECRET: PASSWORD };
  await fixture.runWith({ env }, 'destination', 'add', '--kind', 'wordpress', '--name', 'Blog', '--url', `http://127.0.0.1:${await closedPort()}`, '--user', 'editor', '--no-test');
  const blocked = await fixture.run('publish', eventId, '--to', 'Blog');
  expect(blocked.code).toBe(1);
  expect(blocked.stderr).toContain('The post still has TK markers; nothing was sent.');
  expect(blocked.stderr).toContain('  - “Keynote” still has a TK marker to check.');
  expect(blocked.stderr).toContain('--publish-anyway');
  expect((await fixture.run('publish', eventId, '--to', 'Blog', '--publish-anyway')).code).toBe(3);
});

it('--featured-photo picks the photo by number or file, keeps it for the post, and names the photos when the number is wrong', async () => {
  fixture = await createCliFixture();
  const eventId = await fixture.ok('event', 'create', '--title', 'Photo Summit', '--start', '2026-05-01');
  await fixture.ok('session', 'add', eventId, '--day', '1', '--start', '09:00', '--title', 'Keynote', '--status', 'covered');
  const env = { HALLNOTES_LIBRARY: fixture.library, HALLNOTES_CONFIG_DIR: fixture.config, HALLNOTES_PUBLISH_SECRET: PASSWORD };
  await fixture.runWith({ env }, 'destination', 'add', '--kind', 'wordpress', '--name', 'Blog', '--url', `http://127.0.0.1:${await closedPort()}`, '--user', 'editor', '--no-test');

  const wrong = await fixture.run('publish', eventId, '--to', 'Blog', '--featured-photo', '2');
  expect(wrong).toMatchObject({ code: 1, stderr: expect.stringContaining('--featured-photo 2: the post shows no photo.') });
  expect(await fixture.run('publish', eventId, '--to', 'Blog', '--featured-photo', 'slide.png')).toMatchObject({ code: 2, stderr: expect.stringContaining('--featured-photo must be a photo\'s number, first, none or its file') });
  expect(JSON.parse(await fixture.ok('outbox', 'list', '--json'))).toEqual([]);

  expect((await fixture.run('publish', eventId, '--to', 'Blog', '--featured-photo', 'none')).code).toBe(3);
  const settings = JSON.parse(await readFile(join(fixture.library, 'events', eventId, 'publish', 'settings.json'), 'utf8'));
  expect(settings).toEqual({ format: 1, posts: { 'day-1': { featuredPhoto: { kind: 'none' } } } });
});
