import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { FAKE_PASSWORD, FakeWordPress } from '../publish/helpers/fakeWordPress';
import { createPublishDay, type PublishDay } from '../publish/helpers/publishLibrary';

const REMOTE = 'https://git.example.org/team/summit.git';
const TOKEN = 'ghp_s3cretTeamToken';

let day: PublishDay | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await day?.cleanup();
  day = null;
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

it('publishing and sync keep their secrets in the one store: one 0600 file in the settings folder, never in the library, an export, a bundle or a log', async () => {
  const wordpress = new FakeWordPress();
  const logged: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  day = await createPublishDay({ fetch: wordpress.fetch });
  const { publish, sync, exporter, bundles } = day.services;

  const destination = await publish.saveDestination({ kind: 'wordpress', name: 'Blog', siteUrl: wordpress.site, userName: 'editor', secret: FAKE_PASSWORD });
  expect(await sync.configure(day.event.id, { remoteUrl: REMOTE, token: TOKEN })).toMatchObject({ hasToken: true });
  expect((await readdir(day.configFolder)).sort()).toEqual(['publish-destinations.json', 'secrets.json']);
  expect((await stat(join(day.configFolder, 'secrets.json'))).mode & 0o777).toBe(0o600);

  expect((await publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id })).status).toBe('sent');
  const exportsFolder = join(day.root, 'exports');
  await mkdir(exportsFolder);
  await exporter.write(day.event.id, 1, { format: 'html', fragment: false, frontMatter: false }, async () => join(exportsFolder, 'day.html'));
  await bundles.export(day.event.id, { outPath: join(exportsFolder, 'summit.hallnotes'), includePrivate: true });

  const everything = [...(await filesUnder(join(day.root, 'library'))), ...(await filesUnder(exportsFolder))];
  expect(everything.some((file) => file.endsWith('.hallnotes'))).toBe(true);
  for (const file of everything) {
    const bytes = await readFile(file, 'latin1');
    expect(bytes, file).not.toContain(TOKEN);
    expect(bytes.replace(/\s/g, ''), file).not.toContain(FAKE_PASSWORD.replace(/\s/g, ''));
  }
  expect(logged.join('\n')).not.toContain(TOKEN);
  expect(logged.join('\n')).not.toContain(FAKE_PASSWORD);
});

it('a password and a token stored by an older Hallnotes, in publishing’s and sync’s own files, are read (and moved into the one file)', async () => {
  const wordpress = new FakeWordPress();
  day = await createPublishDay({ fetch: wordpress.fetch });
  const { publish, sync } = day.services;
  // What the older Hallnotes left: its destination, its two credential files, and the event's remote.
  const destinationId = 'k3x9a0q2tz';
  await mkdir(day.configFolder, { recursive: true });
  const destination = { id: destinationId, kind: 'wordpress', name: 'Blog', siteUrl: wordpress.site, userName: 'editor', createdAt: '2026-09-01T08:00:00.000Z' };
  await writeFile(join(day.configFolder, 'publish-destinations.json'), JSON.stringify({ format: 1, destinations: [destination] }));
  await writeFile(join(day.configFolder, 'publish-credentials.json'), JSON.stringify({ format: 1, secrets: { [destinationId]: FAKE_PASSWORD } }), { mode: 0o600 });
  await writeFile(join(day.configFolder, 'credentials.json'), JSON.stringify({ format: 1, secrets: { [`git:${REMOTE}`]: TOKEN } }), { mode: 0o600 });
  await sync.configure(day.event.id, { remoteUrl: REMOTE });

  expect(await publish.listDestinations()).toMatchObject([{ id: destinationId, hasSecret: true }]);
  expect(await sync.status(day.event.id)).toMatchObject({ remoteUrl: REMOTE, hasToken: true });
  expect((await publish.publish({ eventId: day.event.id, day: 1, destinationId })).status).toBe('sent');
  expect((await readdir(day.configFolder)).sort()).toEqual(['publish-destinations.json', 'secrets.json']);

  // The event's token stays with its remote's site: pointed at another host, the event has none.
  expect(await sync.configure(day.event.id, { remoteUrl: 'https://elsewhere.example.net/summit.git' })).toMatchObject({ hasToken: false });
  expect(await sync.configure(day.event.id, { remoteUrl: REMOTE })).toMatchObject({ hasToken: true });
});
