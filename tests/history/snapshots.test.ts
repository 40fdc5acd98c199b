import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { snapshotFileSchema } from '../../shared/model/history';
import type { EventFile } from '../../shared/model/event';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { importProgramme } from '../../electron/services/import/importProgramme';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';

const MINUTE = 60_000;
let library: TempLibrary;
let event: EventFile;
const historyFolder = (sessionId: string) => join(library.root, 'events', event.id, 'history', sessionId);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-02T09:00:00.000Z'));
  library = await createTempLibrary();
  event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Opening keynote' }), sessionDraft({ start: '10:00', title: 'Panel' })]);
});
afterEach(async () => {
  vi.useRealTimers();
  await library.cleanup();
});

async function save(text: string, sessionId = event.sessions[0].id) {
  await library.services.notes.save(event.id, sessionId, noteState(text));
}

function later(minutes: number) {
  vi.setSystemTime(new Date(Date.now() + minutes * MINUTE));
}

describe('automatic snapshots while a note is edited', () => {
  it('keep the version before the first save of an editing stretch, then at most one every five minutes', async () => {
    const { id: sessionId } = event.sessions[0];
    await save('first words');
    expect(await library.services.history.list(event.id, sessionId)).toEqual([]);

    later(1);
    await save('first words and more');
    later(1);
    await save('first words and even more');
    later(2);
    await save('first words and even more again');
    let snapshots = await library.services.history.list(event.id, sessionId);
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ reason: 'editing', words: 2, takenAt: '2026-11-02T09:01:00.000Z' });

    later(4);
    await save('a rewrite');
    snapshots = await library.services.history.list(event.id, sessionId);
    expect(snapshots.map((snapshot) => snapshot.words)).toEqual([6, 2]);
    expect((await library.services.history.get(event.id, sessionId, snapshots[0].id)).editorState).toEqual(noteState('first words and even more again'));
  });

  it('are files of their own under the event, valid on their own, one per snapshot', async () => {
    const { id: sessionId } = event.sessions[0];
    await save('version one');
    await save('version two');
    const [name] = await readdir(historyFolder(sessionId));
    const file = snapshotFileSchema.parse(JSON.parse(await readFile(join(historyFolder(sessionId), name), 'utf8')));
    expect(file).toMatchObject({ format: 1, sessionId, reason: 'editing', words: 2, editorState: noteState('version one') });
    expect(await readdir(historyFolder(event.sessions[1].id)).catch(() => [])).toEqual([]);
  });

  it('skip a note that is still empty', async () => {
    const { id: sessionId } = event.sessions[0];
    await save('');
    later(10);
    await save('now with words');
    expect(await library.services.history.list(event.id, sessionId)).toEqual([]);
  });

  it('older than the retention period are pruned when the next one is written; the newest is always kept', async () => {
    const { id: sessionId } = event.sessions[0];
    library.services.preferences.set({ historyRetentionDays: 2 });
    await save('monday');
    later(1);
    await save('monday evening');
    later(3 * 24 * 60);
    await save('thursday');
    const snapshots = await library.services.history.list(event.id, sessionId);
    expect(snapshots.map((snapshot) => snapshot.words)).toEqual([2]);
    expect((await library.services.history.get(event.id, sessionId, snapshots[0].id)).editorState).toEqual(noteState('monday evening'));
  });

  it('leave a damaged snapshot file out of the list and move it to quarantine', async () => {
    const { id: sessionId } = event.sessions[0];
    await save('one');
    await save('two');
    later(6);
    await save('three');
    const names = (await readdir(historyFolder(sessionId))).sort();
    await writeFile(join(historyFolder(sessionId), names[0]), '{"format":1,"sessi');
    const snapshots = await library.services.history.list(event.id, sessionId);
    expect(snapshots.map((snapshot) => snapshot.words)).toEqual([1]);
    expect(await readdir(join(library.root, 'quarantine', event.id))).toEqual([expect.stringContaining(names[0])]);
  });
});

describe('restoring a snapshot', () => {
  it('keeps the current version as a snapshot first, then makes the snapshot the note', async () => {
    const { id: sessionId } = event.sessions[0];
    await save('the good version');
    later(1);
    await save('oops, everything deleted');
    const [good] = await library.services.history.list(event.id, sessionId);

    later(1);
    const restored = await library.services.history.restore(event.id, sessionId, good.id);
    expect(restored.restoredFrom).toEqual(good);
    expect((await library.services.notes.load(event.id, sessionId)).note?.editorState).toEqual(noteState('the good version'));
    const [beforeRestore] = await library.services.history.list(event.id, sessionId);
    expect(beforeRestore.reason).toBe('before-restore');
    expect((await library.services.history.get(event.id, sessionId, beforeRestore.id)).editorState).toEqual(noteState('oops, everything deleted'));
  });

  it('refuses an unknown snapshot and a malformed snapshot id without touching the note', async () => {
    const { id: sessionId } = event.sessions[0];
    await save('kept');
    await expect(library.services.history.restore(event.id, sessionId, '20261102t090000000z-abcd')).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('The note of "Opening keynote" has no snapshot'),
    });
    const handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
    const result = await dispatchChannel(handlers, 'history:restore', { eventId: event.id, sessionId, snapshotId: '../../notes/x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('snapshotId') } });
    expect((await library.services.notes.load(event.id, sessionId)).note?.editorState).toEqual(noteState('kept'));
  });
});

describe('a programme import', () => {
  it('snapshots the notes of the sessions it changes before writing the new agenda', async () => {
    const csv = (room: string) => `date,start,end,title,room\n2026-05-10,09:00,09:30,Welcome,${room}\n2026-05-10,10:00,10:30,Keynote,Saal 1\n`;
    const created = await importProgramme({ services: library.services, fileName: 'day.csv', bytes: Buffer.from(csv('Saal 1')), dryRun: false, timeZone: 'Europe/Berlin' });
    const imported = await library.services.events.get(created.eventId!);
    const welcome = imported.sessions.find((session) => session.title === 'Welcome')!;
    const keynote = imported.sessions.find((session) => session.title === 'Keynote')!;
    await library.services.notes.save(imported.id, welcome.id, noteState('notes from the welcome'));
    await library.services.notes.save(imported.id, keynote.id, noteState('keynote notes'));

    const summary = await importProgramme({ services: library.services, fileName: 'day.csv', bytes: Buffer.from(csv('Saal 2')), eventId: imported.id, dryRun: false });
    expect(summary.updated).toBe(1);
    const [snapshot] = await library.services.history.list(imported.id, welcome.id);
    expect(snapshot).toMatchObject({ reason: 'before-import', words: 4 });
    expect(await library.services.history.list(imported.id, keynote.id)).toEqual([]);
  });
});

describe('a programme import deciding which sessions have a note', () => {
  const starts: Record<string, string> = { Empty: '09:00', Damaged: '10:00', Stays: '11:00' };
  const programme = (...titles: string[]) => `date,start,end,title,room\n${titles.map((title) => `2026-05-10,${starts[title]},${starts[title].replace(':00', ':30')},${title},Saal 1`).join('\n')}\n`;

  it('removes a vanished session whose note holds no text, and keeps (flags) one whose note is damaged', async () => {
    const created = await importProgramme({ services: library.services, fileName: 'day.csv', bytes: Buffer.from(programme('Empty', 'Damaged', 'Stays')), dryRun: false, timeZone: 'Europe/Berlin' });
    const imported = await library.services.events.get(created.eventId!);
    const byTitle = (title: string) => imported.sessions.find((session) => session.title === title)!;
    await library.services.notes.save(imported.id, byTitle('Empty').id, noteState(''));
    await writeFile(join(library.root, 'events', imported.id, 'notes', `${byTitle('Damaged').id}.json`), '{"format":1,"sess');

    const summary = await importProgramme({ services: library.services, fileName: 'day.csv', bytes: Buffer.from(programme('Stays')), eventId: imported.id, dryRun: false });
    expect(summary).toMatchObject({ removed: 1, flagged: 1 });
    const after = await library.services.events.get(imported.id);
    expect(after.sessions.map((session) => [session.title, session.programmeFlag ?? null])).toEqual([
      ['Damaged', 'removed-from-programme'],
      ['Stays', null],
    ]);
    expect((await library.services.history.damageReport(imported.id, byTitle('Damaged').id)).damage).toMatchObject({ sessionTitle: 'Damaged' });
  });
});
