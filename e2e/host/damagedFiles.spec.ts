import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { readEvents, readNoteTexts } from '../support/libraryFiles';
import { SafetyViews } from '../support/safetyViews';
import { NoteCapture, RED_PNG } from '../support/noteCapture';

/**
 * Two sessions with notes. The keynote's first version is pasted in one go, so its first
 * overwrite keeps exactly that version as a snapshot.
 */
async function prepare(app: HallnotesApp) {
  await app.createEvent({ title: 'Damage Days', startDate: '2026-10-05' });
  await app.addSession({ title: 'Keynote', start: '09:00' });
  await app.openSession('Keynote');
  await app.page.keyboard.insertText('First version of the keynote.');
  await app.waitUntilSaved();
  await app.typeInNote(' Then more.');
  await app.waitUntilSaved();
  await app.addSession({ title: 'Panel', start: '10:00' });
  await app.openSession('Panel');
  await app.typeInNote('The panel notes are fine.');
  await app.waitUntilSaved();
}

/** Overwrites the keynote's note file with `content`, restarts the app and clicks the keynote. */
async function damageKeynoteAndOpen(app: HallnotesApp, libraryPath: string, content: string) {
  const [event] = await readEvents(libraryPath);
  const keynote = event.sessions.find((session) => session.title === 'Keynote')!;
  await writeFile(join(libraryPath, 'events', event.id, 'notes', `${keynote.id}.json`), content);
  await app.reload();
  await app.sessionRow('Keynote').locator('.session-open').click();
  return event;
}

const DAMAGE = {
  truncated: (valid: Buffer) => valid.subarray(0, Math.floor(valid.length / 2)),
  'zero-filled': (valid: Buffer) => Buffer.alloc(valid.length),
  garbage: () => Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x9c, 0x22]),
};

for (const [kind, damage] of Object.entries(DAMAGE)) {
  test(`a ${kind} note is reported with its session, offers its latest snapshot after a restart too, and the rest opens normally`, async ({ page, host }) => {
    const app = new HallnotesApp(page);
    const safety = new SafetyViews(page);
    await prepare(app);
    const [event] = await readEvents(host.libraryPath);
    const keynote = event.sessions.find((session) => session.title === 'Keynote')!;
    const notePath = join(host.libraryPath, 'events', event.id, 'notes', `${keynote.id}.json`);
    const damagedBytes = damage(await readFile(notePath));
    await writeFile(notePath, damagedBytes);

    await app.reload();
    await app.sessionRow('Keynote').locator('.session-open').click();
    await expect(safety.damagedNote).toContainText('This note was damaged');
    await expect(safety.damagedNote).toContainText('The note for “Keynote” could not be read');
    await expect(app.editor).toHaveCount(0);
    const [quarantined] = await readdir(join(host.libraryPath, 'quarantine', event.id));
    await expect(safety.damagedNote).toContainText(join(host.libraryPath, 'quarantine', event.id, quarantined));
    // The damaged bytes are kept, untouched.
    expect(await readFile(join(host.libraryPath, 'quarantine', event.id, quarantined))).toEqual(damagedBytes);

    await app.openSession('Panel');
    await expect(app.editor).toHaveText('The panel notes are fine.');

    // After a restart the file is gone from notes/, and the note still says it was damaged.
    await app.reload();
    await app.sessionRow('Keynote').locator('.session-open').click();
    await expect(safety.damagedNote).toContainText('This note was damaged');
    await expect(safety.damagedNote).toContainText('Latest snapshot: ');
    await safety.damagedNote.getByRole('button', { name: /^Restore the snapshot from/ }).click();
    await expect(app.editor).toHaveText('First version of the keynote.');
    expect(await readNoteTexts(host.libraryPath)).toEqual({ Keynote: 'First version of the keynote.', Panel: 'The panel notes are fine.' });

    await app.reload();
    await app.openSession('Keynote');
    await expect(app.editor).toHaveText('First version of the keynote.');
  });
}

test('choosing to start a damaged note empty is the only way it opens empty', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  const safety = new SafetyViews(page);
  await prepare(app);
  const event = await damageKeynoteAndOpen(app, host.libraryPath, '');
  await safety.damagedNote.getByRole('button', { name: 'Start an empty note' }).click();
  await expect(safety.damagedNote).toHaveCount(0);
  await expect(app.editor).toHaveText('');
  await app.typeInNote('Starting over.');
  await app.waitUntilSaved();
  expect((await readNoteTexts(host.libraryPath)).Keynote).toBe('Starting over.');
  expect(await readdir(join(host.libraryPath, 'quarantine', event.id))).toHaveLength(1);
});

test('restoring a damaged note just after clicking it again opens the restored text, not the damage report', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  const safety = new SafetyViews(page);
  await prepare(app);
  await damageKeynoteAndOpen(app, host.libraryPath, 'not a note');
  await expect(safety.damagedNote).toContainText('Latest snapshot: ');
  // Clicking the open session again reads it again; that read is from before the restore.
  await app.sessionRow('Keynote').locator('.session-open').click();
  await safety.damagedNote.getByRole('button', { name: /^Restore the snapshot from/ }).click();
  await expect(app.editor).toHaveText('First version of the keynote.');
  await expect(safety.damagedNote).toHaveCount(0);
});

test('a damaged event file is named in the library, the other events open, and its notes stay on disk', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  await prepare(app);
  await app.createEvent({ title: 'Healthy Fest', startDate: '2026-11-01' });
  const events = await readEvents(host.libraryPath);
  const damaged = events.find((event) => event.title === 'Damage Days')!;
  const eventFile = join(host.libraryPath, 'events', damaged.id, 'event.json');
  const notesBefore = await readdir(join(host.libraryPath, 'events', damaged.id, 'notes'));
  await writeFile(eventFile, (await readFile(eventFile)).subarray(0, 100));

  await app.reload();
  const problems = page.locator('.library-problems');
  await expect(problems).toContainText(`The event file of "${damaged.id}" could not be read`);
  await expect(problems).toContainText(join(host.libraryPath, 'quarantine', damaged.id));
  await app.eventInList('Healthy Fest').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Healthy Fest' })).toBeVisible();
  expect(await readdir(join(host.libraryPath, 'events', damaged.id, 'notes'))).toEqual(notesBefore);
});

test('a snapshot holding a photo, opened from the damaged-note screen, shows the photo and its caption read-only and can be restored', async ({ page, host }) => {
  const app = new NoteCapture(page);
  const safety = new SafetyViews(page);
  await app.createEvent({ title: 'Damage Days', startDate: '2026-10-05' });
  await app.addSession({ title: 'Keynote', start: '09:00' });
  // The first version on disk holds a photo with its caption (written as the CLI or another window would).
  const [{ id: eventId, sessions }] = await readEvents(host.libraryPath);
  const stored = (await safety.callHost('assets:store', { eventId, fileName: RED_PNG.name, mediaType: RED_PNG.type, dataBase64: RED_PNG.base64 })) as { value: { src: string } };
  const text = (words: string) => ({ type: 'text', version: 1, text: words, format: 0, detail: 0, mode: 'normal', style: '' });
  const editorState = {
    root: {
      type: 'root', version: 1, direction: null, format: '', indent: 0,
      children: [
        { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text('The revenue slide:')] },
        { type: 'image', version: 1, src: stored.value.src, caption: 'Revenue by year' },
      ],
    },
  };
  expect(await safety.callHost('notes:save', { eventId, sessionId: sessions[0].id, editorState })).toMatchObject({ ok: true });
  await app.reload();
  // Editing it keeps that version as a snapshot.
  await app.openSession('Keynote');
  await app.typeInNote('Later text.');
  await app.waitUntilSaved();

  await damageKeynoteAndOpen(app, host.libraryPath, 'not a note');
  await safety.damagedNote.getByRole('button', { name: 'See all snapshots' }).click();
  await safety.snapshots.first().click();
  const photo = safety.snapshotPreview.locator('.note-image img');
  await expect(photo).toHaveAttribute('src', /^event-assets\/[^/]+\/[0-9a-f]{64}\.png$/);
  await expect.poll(() => photo.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(4);
  await expect(safety.snapshotPreview.locator('figcaption')).toHaveText('Revenue by year');
  // A preview is read-only, its caption too.
  await expect(safety.snapshotPreview.getByLabel('Photo caption')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Events' })).toBeVisible();

  await safety.historyDialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(safety.historyDialog).toBeHidden();
  await expect(app.editor.locator('.note-image img')).toHaveCount(1);
  await expect(app.editor.locator('.note-image').getByLabel('Photo caption')).toHaveValue('Revenue by year');
  await expect(app.editor.locator('p').first()).toHaveText('The revenue slide:');
});
