import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HallnotesApp } from '../support/hallnotesApp';
import { hallnotes } from '../support/hallnotesCli';
import { checkLibraryIntegrity } from '../support/libraryIntegrity';
import { readEvents } from '../support/libraryFiles';
import { expect, test } from '../support/hostFixture';

const CLI_WRITERS = 3;
const SESSIONS_PER_WRITER = 6;

type StoredNode = { text?: string; children?: StoredNode[] };
const textOf = (node: StoredNode): string => node.text ?? (node.children ?? []).map(textOf).join('');

test('the app and several CLIs writing one library at once: every acknowledged write is on disk, no session lost, no note orphaned', async ({ page, host }) => {
  test.setTimeout(180_000);
  const app = new HallnotesApp(page);
  await app.createEvent({ title: 'Many Hands Conf', startDate: '2026-09-01' });
  await app.addSession({ title: 'Typed in the app', start: '08:00' });
  const [{ id: eventId, sessions: [appSession] }] = await readEvents(host.libraryPath);

  /** Each CLI writer adds sessions and sets each one's note; what it printed with exit 0 is what it was promised. */
  const acknowledged: { sessionId: string; note: string }[] = [];
  const failures: string[] = [];
  const writer = async (writerIndex: number) => {
    for (let index = 0; index < SESSIONS_PER_WRITER; index++) {
      const title = `CLI ${writerIndex} talk ${index}`;
      const added = await hallnotes(host.libraryPath, host.configPath, ['session', 'add', eventId, '--day', '1', '--start', `${10 + writerIndex}:${String(index * 5).padStart(2, '0')}`, '--title', title]);
      if (added.code !== 0) {
        failures.push(`${title}: ${added.stderr}`);
        continue;
      }
      const sessionId = added.stdout.trim();
      const note = `Notes of ${title}, written by CLI writer ${writerIndex}.`;
      const set = await hallnotes(host.libraryPath, host.configPath, ['note', 'set', eventId, sessionId, '--from', '-'], note);
      if (set.code === 0) acknowledged.push({ sessionId, note });
      else failures.push(`${title} note: ${set.stderr}`);
    }
  };
  // Meanwhile the reporter adds sessions and types in the app, and one CLI rewrites the note open in the app.
  const reporter = async () => {
    for (let index = 0; index < 4; index++) await app.addSession({ title: `App talk ${index}`, start: `09:${String(index * 10).padStart(2, '0')}` });
    await app.openSession('Typed in the app');
    await app.typeInNote('The reporter types while the command line works. ');
    const rewrite = await hallnotes(host.libraryPath, host.configPath, ['note', 'set', eventId, appSession.id, '--from', '-'], 'Rewritten from the command line while open in the app.');
    expect(rewrite.code, rewrite.stderr).toBe(0);
    await app.typeInNote('And keeps typing.');
    await app.waitUntilSaved();
  };
  await Promise.all([reporter(), ...Array.from({ length: CLI_WRITERS }, (_, index) => writer(index))]);

  expect(failures).toEqual([]);
  expect(acknowledged).toHaveLength(CLI_WRITERS * SESSIONS_PER_WRITER);
  const [event] = await readEvents(host.libraryPath);
  const titles = event.sessions.map((session) => session.title);
  for (const title of ['Typed in the app', 'App talk 0', 'App talk 1', 'App talk 2', 'App talk 3']) expect(titles).toContain(title);
  expect(event.sessions).toHaveLength(1 + 4 + CLI_WRITERS * SESSIONS_PER_WRITER);

  const notesFolder = join(host.libraryPath, 'events', eventId, 'notes');
  for (const { sessionId, note } of acknowledged) {
    const stored = JSON.parse(await readFile(join(notesFolder, `${sessionId}.json`), 'utf8')) as { editorState: { root: StoredNode } };
    expect(textOf(stored.editorState.root)).toBe(note);
  }
  const sessionIds = new Set(event.sessions.map((session) => session.id));
  const orphans = (await readdir(notesFolder)).filter((name) => name.endsWith('.json') && !sessionIds.has(name.slice(0, -'.json'.length)));
  expect(orphans, 'note files whose session is not in the agenda').toEqual([]);

  // The note open in the app holds what the reporter typed; the CLI's rewrite is kept in its history, and the app said so.
  const open = JSON.parse(await readFile(join(notesFolder, `${appSession.id}.json`), 'utf8')) as { editorState: { root: StoredNode } };
  expect(textOf(open.editorState.root)).toBe('The reporter types while the command line works. And keeps typing.');
  const historyFolder = join(host.libraryPath, 'events', eventId, 'history', appSession.id);
  const snapshots = await Promise.all((await readdir(historyFolder)).map(async (name) => JSON.parse(await readFile(join(historyFolder, name), 'utf8')) as { reason: string; editorState: { root: StoredNode } }));
  expect(snapshots.filter((snapshot) => snapshot.reason === 'changed-elsewhere').map((snapshot) => textOf(snapshot.editorState.root))).toEqual(['Rewritten from the command line while open in the app.']);
  await expect(page.getByRole('status').filter({ hasText: 'was also changed elsewhere' })).toBeVisible();

  expect((await checkLibraryIntegrity(host.libraryPath)).broken).toEqual([]);
  expect(await readdir(join(host.libraryPath, '.locks')), 'locks left behind').toEqual([]);
});
