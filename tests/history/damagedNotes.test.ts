import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices, type Services } from '../../electron/services/createServices';
import type { EventFile } from '../../shared/model/event';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';

let library: TempLibrary;
let event: EventFile;
const notePath = (sessionId: string) => join(library.root, 'events', event.id, 'notes', `${sessionId}.json`);

/** The same library opened again, as after quitting and restarting the app. */
function reopen(): Services {
  return createServices({ libraryPath: library.root, preferences: library.preferences });
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-02T09:00:00.000Z'));
  library = await createTempLibrary();
  event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Opening keynote' }), sessionDraft({ start: '10:00', title: 'Panel' })]);
  const [keynote, panel] = event.sessions;
  await library.services.notes.save(event.id, keynote.id, noteState('what the keynote said at nine'));
  vi.setSystemTime(new Date('2026-11-02T09:10:00.000Z'));
  await library.services.notes.save(event.id, keynote.id, noteState('what the keynote said at nine and at ten past'));
  await library.services.notes.save(event.id, panel.id, noteState('the panel is fine'));
});
afterEach(async () => {
  vi.useRealTimers();
  await library.cleanup();
});

describe.each([
  ['truncated', (valid: string) => valid.slice(0, valid.length / 2)],
  ['zero-filled', (valid: string) => '\0'.repeat(valid.length)],
  ['garbage', () => '\u00ff\u00fe{"%$§ not json'],
])('a %s note file', (_label, damage) => {
  it('is reported, remembered across restarts, offered its latest snapshot, and never opened as an empty note', async () => {
    const [keynote, panel] = event.sessions;
    await writeFile(notePath(keynote.id), damage(await readFile(notePath(keynote.id), 'utf8')));

    await expect(library.services.notes.load(event.id, keynote.id)).rejects.toMatchObject({ code: 'damaged-file', message: expect.stringContaining('The note for "Opening keynote" could not be read') });
    expect((await library.services.notes.load(event.id, panel.id)).note?.editorState).toEqual(noteState('the panel is fine'));

    // Restarted: the damaged file is gone from notes/, yet the note still says what happened.
    const restarted = reopen();
    const [quarantined] = await readdir(join(library.root, 'quarantine', event.id));
    await expect(restarted.notes.load(event.id, keynote.id)).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringMatching(new RegExp(`The note for "Opening keynote" was found damaged on 2026-11-02 09:10 UTC .*moved to .*${quarantined}`)),
    });
    const report = await restarted.history.damageReport(event.id, keynote.id);
    expect(report.damage).toMatchObject({ sessionId: keynote.id, sessionTitle: 'Opening keynote', movedTo: join(library.root, 'quarantine', event.id, quarantined) });
    expect(report.latestSnapshot).toMatchObject({ words: 6, takenAt: '2026-11-02T09:10:00.000Z' });

    await restarted.history.restore(event.id, keynote.id, report.latestSnapshot!.id);
    expect((await restarted.notes.load(event.id, keynote.id)).note?.editorState).toEqual(noteState('what the keynote said at nine'));
    expect((await restarted.history.damageReport(event.id, keynote.id)).damage).toBeNull();
  });
});

describe('choosing to start a damaged note empty', () => {
  it('opens it empty only after that choice, and keeps the quarantined file', async () => {
    const [keynote] = event.sessions;
    await writeFile(notePath(keynote.id), '');
    await expect(library.services.notes.load(event.id, keynote.id)).rejects.toMatchObject({ code: 'damaged-file' });
    await expect(library.services.notes.load(event.id, keynote.id)).rejects.toMatchObject({ code: 'damaged-file' });

    await library.services.history.dismissDamage(event.id, keynote.id);
    expect(await library.services.notes.load(event.id, keynote.id)).toEqual({ note: null });
    const [quarantined] = await readdir(join(library.root, 'quarantine', event.id));
    expect(await readFile(join(library.root, 'quarantine', event.id, quarantined), 'utf8')).toBe('');
  });

  it('is not needed when a new note was written meanwhile (from the CLI, say)', async () => {
    const [keynote] = event.sessions;
    await writeFile(notePath(keynote.id), 'garbage');
    await expect(library.services.notes.load(event.id, keynote.id)).rejects.toMatchObject({ code: 'damaged-file' });
    await library.services.notes.save(event.id, keynote.id, noteState('typed again'));
    expect((await library.services.notes.load(event.id, keynote.id)).note?.editorState).toEqual(noteState('typed again'));
    expect((await library.services.history.damageReport(event.id, keynote.id)).damage).toBeNull();
    expect(existsSync(notePath(keynote.id))).toBe(true);
  });
});

describe('a damaged note read first by another part of Hallnotes', () => {
  it.each([
    ['the post view', () => library.services.postResolver.resolve(event.id, 1)],
    ['an export', () => library.services.postResolver.load(event.id, 1)],
    ['the word counts of the agenda', () => library.services.search.stats(event.id)],
    ['a search', () => library.services.search.query('keynote')],
  ])('(%s) still opens with the damage notice, not as a blank note', async (_label, readFirst) => {
    const [keynote, panel] = event.sessions;
    await library.services.events.updateSession(event.id, keynote.id, { status: 'covered' });
    await library.services.events.updateSession(event.id, panel.id, { status: 'covered' });
    const valid = await readFile(notePath(keynote.id), 'utf8');
    await writeFile(notePath(keynote.id), valid.slice(0, valid.length / 2));

    await readFirst();

    await expect(library.services.notes.load(event.id, keynote.id)).rejects.toMatchObject({ code: 'damaged-file', message: expect.stringContaining('"Opening keynote"') });
    const report = await library.services.history.damageReport(event.id, keynote.id);
    expect(report.damage).toMatchObject({ sessionId: keynote.id, reason: expect.stringContaining('not valid JSON') });
    expect(await readFile(report.damage!.movedTo, 'utf8')).toBe(valid.slice(0, valid.length / 2));
    expect((await library.services.notes.load(event.id, panel.id)).note?.editorState).toEqual(noteState('the panel is fine'));
  });

  it('a save over a note file damaged on disk keeps the damaged bytes in quarantine', async () => {
    const [keynote] = event.sessions;
    await writeFile(notePath(keynote.id), '{"format":1,"sessionId":"half a no');
    await library.services.notes.save(event.id, keynote.id, noteState('typed in the app'));
    const [moved] = await readdir(join(library.root, 'quarantine', event.id));
    expect(await readFile(join(library.root, 'quarantine', event.id, moved), 'utf8')).toBe('{"format":1,"sessionId":"half a no');
    expect((await library.services.notes.load(event.id, keynote.id)).note?.editorState).toEqual(noteState('typed in the app'));
  });
});
