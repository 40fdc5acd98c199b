import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { noteFileSchema } from '../../shared/note/noteFile';
import { expect, test, type ElectronApplication } from '@playwright/test';
import { HallnotesApp } from '../support/hallnotesApp';
import { checkLibraryIntegrity } from '../support/libraryIntegrity';
import { readEvents, readNoteTexts } from '../support/libraryFiles';
import { charactersDue, KILL_ROUNDS, killTestSeed, roundText, seededRandom, typeUntilKilled } from '../support/killedTyping';
import { createElectronWorkspace, electronBinary } from './electronApp';

test.skip(!electronBinary.available, electronBinary.available ? '' : electronBinary.reason);

/** SIGKILL to the main process: no quit handler, no flush, as when the power goes. */
function killHard(app: ElectronApplication): () => Promise<void> {
  return async () => {
    const main = app.process();
    if (main.exitCode !== null || main.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => main.once('exit', () => resolve()));
    main.kill('SIGKILL');
    await exited;
  };
}

test('SIGKILL of the app at 20 random moments while typing: every file stays valid, the note keeps a prefix of the typing, at most a second is lost', async () => {
  test.setTimeout(240_000);
  const seed = killTestSeed();
  console.log(`electron kill test seed ${seed} (replay with KILL_TEST_SEED=${seed})`);
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  const random = seededRandom(seed);
  const workspace = await createElectronWorkspace();
  try {
    let running = await workspace.launch();
    let app = new HallnotesApp(running.window);
    await app.createEvent({ title: 'Crash Conf', startDate: '2026-09-01' });
    await app.addSession({ title: 'Pulling the plug', start: '10:00', end: '11:00' });
    const [event] = await readEvents(workspace.libraryPath);
    const notePath = join(workspace.libraryPath, 'events', event.id, 'notes', `${event.sessions[0].id}.json`);
    let onDisk = '';

    for (let round = 1; round <= KILL_ROUNDS; round++) {
      const killAfter = Math.round(1200 + random() * 2300);
      await app.editor.focus();
      await running.window.keyboard.press('ControlOrMeta+End');
      const record = await typeUntilKilled(running.window, roundText(round), killAfter, killHard(running.app));
      const typed = record.typed.map((entry) => entry.char).join('');
      const where = `round ${round} (seed ${seed}, kill after ${killAfter} ms, ${typed.length} characters typed)`;

      const integrity = await checkLibraryIntegrity(workspace.libraryPath);
      expect(integrity.broken, `broken files after ${where}`).toEqual([]);
      expect(integrity.valid, `the note file is missing after ${where}`).toContain(relative(workspace.libraryPath, notePath));
      const note = (await readNoteTexts(workspace.libraryPath))['Pulling the plug'] ?? '';
      expect(note.startsWith(onDisk), `the note lost text saved before ${where}`).toBe(true);
      const saved = note.slice(onDisk.length);
      expect(typed.startsWith(saved), `the note is not a prefix of the typing after ${where}`).toBe(true);
      expect(saved.length, `more than a second of typing was lost in ${where}`).toBeGreaterThanOrEqual(charactersDue(record));
      onDisk = note;
      // The note file itself is a whole, valid note of this session (not just some JSON).
      const stored = noteFileSchema.safeParse(JSON.parse(await readFile(notePath, 'utf8')));
      expect(stored.success, `the note file does not validate after ${where}`).toBe(true);
      expect(stored.data?.sessionId).toBe(event.sessions[0].id);

      running = await workspace.launch();
      app = new HallnotesApp(running.window);
      await expect(app.noteTitle).toHaveText('Pulling the plug');
      await expect(app.editor).toHaveText(onDisk);
    }
    await running.app.close();
  } finally {
    await workspace.cleanup();
  }
});

test('a crashed renderer is reloaded on the same session and nothing saved is lost', async () => {
  const workspace = await createElectronWorkspace();
  try {
    const { app: electronApp, window } = await workspace.launch();
    const app = new HallnotesApp(window);
    await app.createEvent({ title: 'Crash Conf', startDate: '2026-09-01' });
    await app.addSession({ title: 'Renderer down', start: '10:00' });
    await app.typeInNote('Saved before the renderer crashed.');
    await app.waitUntilSaved();

    await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.forcefullyCrashRenderer());
    // Playwright may keep the same page for the reloaded renderer or hand out a new one; either way the last one is the window.
    const reopenedTitle = async () => {
      const page = electronApp.windows().at(-1);
      return page ? page.locator('.session-header-title').textContent({ timeout: 1000 }).catch(() => null) : null;
    };
    await expect.poll(reopenedTitle, { timeout: 30_000 }).toBe('Renderer down');
    const reopened = new HallnotesApp(electronApp.windows().at(-1)!);
    await expect(reopened.editor).toHaveText('Saved before the renderer crashed.');
    expect(await readNoteTexts(workspace.libraryPath)).toEqual({ 'Renderer down': 'Saved before the renderer crashed.' });
    await electronApp.close();
  } finally {
    await workspace.cleanup();
  }
});
