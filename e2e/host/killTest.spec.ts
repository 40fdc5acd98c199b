import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { HallnotesApp } from '../support/hallnotesApp';
import { checkLibraryIntegrity } from '../support/libraryIntegrity';
import { readEvents } from '../support/libraryFiles';
import { charactersDue, KILL_ROUNDS, killTestSeed, roundText, seededRandom, typeUntilKilled } from '../support/killedTyping';
import { expect, test } from '../support/restartableHost';

/** Kills land anywhere from the first saves to well into steady typing. */
const FIRST_KILL_MS = 1200;
const LAST_KILL_MS = 3500;

test('SIGKILL at 20 random moments while typing: every file stays valid, the note keeps a prefix of the typing, at most a second is lost', async ({ page, hosts }) => {
  test.setTimeout(200_000);
  const seed = killTestSeed();
  console.log(`kill test seed ${seed} (replay with KILL_TEST_SEED=${seed})`);
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  const random = seededRandom(seed);

  let host = await hosts.start();
  await page.goto(host.url);
  const app = new HallnotesApp(page);
  await app.createEvent({ title: 'Crash Conf', startDate: '2026-09-01' });
  await app.addSession({ title: 'Pulling the plug', start: '10:00', end: '11:00' });
  const [event] = await readEvents(hosts.libraryPath);
  const notePath = join(hosts.libraryPath, 'events', event.id, 'notes', `${event.sessions[0].id}.json`);
  let onDisk = '';

  for (let round = 1; round <= KILL_ROUNDS; round++) {
    const killAfter = Math.round(FIRST_KILL_MS + random() * (LAST_KILL_MS - FIRST_KILL_MS));
    await app.editor.focus();
    await page.keyboard.press('ControlOrMeta+End');
    const record = await typeUntilKilled(page, roundText(round), killAfter, host.killHard);
    const typedThisRound = record.typed.map((entry) => entry.char).join('');
    const where = `round ${round} (seed ${seed}, kill after ${killAfter} ms, ${typedThisRound.length} characters typed)`;

    const integrity = await checkLibraryIntegrity(hosts.libraryPath);
    expect(integrity.broken, `files that do not parse or validate after ${where}`).toEqual([]);
    expect(integrity.valid, `the note file is missing after ${where}`).toContain(relative(hosts.libraryPath, notePath));
    const note = textOfNote(await readFile(notePath, 'utf8'));
    expect(note.startsWith(onDisk), `the note lost text saved before ${where}`).toBe(true);
    const savedThisRound = note.slice(onDisk.length);
    expect(typedThisRound.startsWith(savedThisRound), `the note is not a prefix of the typing after ${where}: ${JSON.stringify(savedThisRound)}`).toBe(true);
    expect(savedThisRound.length, `more than a second of typing was lost in ${where}`).toBeGreaterThanOrEqual(charactersDue(record));
    console.log(`${where}: ${savedThisRound.length} on disk, ${charactersDue(record)} required`);
    onDisk = note;

    host = await hosts.start();
    await page.goto(host.url);
    await expect(app.noteTitle).toHaveText('Pulling the plug');
    await expect(app.editor).toHaveText(onDisk);
  }
});

function textOfNote(raw: string): string {
  type Node = { text?: string; children?: Node[] };
  const text = (node: Node): string => node.text ?? (node.children ?? []).map(text).join('');
  return text((JSON.parse(raw) as { editorState: { root: Node } }).editorState.root);
}
