import { existsSync } from 'node:fs';
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventFile } from '../../shared/model/event';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, eventDraft, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';

let library: TempLibrary;
let event: EventFile;

beforeEach(async () => {
  library = await createTempLibrary();
  event = await createEventWithSessions(library.services, [
    sessionDraft({ start: '09:00', title: 'Opening keynote' }),
    sessionDraft({ start: '10:00', title: 'Panel on AI' }),
    sessionDraft({ start: '11:00', title: 'Workshop' }),
  ]);
});
afterEach(async () => {
  await library.cleanup();
});

async function deleteSession(title: string) {
  const session = event.sessions.find((candidate) => candidate.title === title)!;
  const { removed } = await library.services.events.removeSession(event.id, session.id);
  await library.services.notes.moveToTrash(event.id, removed);
  return session;
}

describe('a deleted session', () => {
  it('is listed with its event and note size, and comes back into the agenda in time order with its note', async () => {
    const panel = event.sessions[1];
    await library.services.notes.save(event.id, panel.id, noteState('three words here', 'and two'));
    await deleteSession('Panel on AI');

    const entries = await library.services.trash.list();
    expect(entries).toEqual([
      expect.objectContaining({ kind: 'session', title: 'Panel on AI', eventId: event.id, eventTitle: 'Web Summit', sessionId: panel.id, words: 5, deletedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) }),
    ]);

    const restored = await library.services.trash.restore(entries[0].id);
    expect(restored).toEqual({ kind: 'session', eventId: event.id, sessionId: panel.id, title: 'Panel on AI' });
    const agenda = await library.services.events.get(event.id);
    expect(agenda.sessions.map((session) => session.title)).toEqual(['Opening keynote', 'Panel on AI', 'Workshop']);
    expect(agenda.sessions[1]).toEqual(panel);
    expect((await library.services.notes.load(event.id, panel.id)).note?.editorState).toEqual(noteState('three words here', 'and two'));
    expect(await library.services.trash.list()).toEqual([]);
  });

  it('without a note comes back without one', async () => {
    const workshop = await deleteSession('Workshop');
    const [entry] = await library.services.trash.list();
    expect(entry.words).toBe(0);
    await library.services.trash.restore(entry.id);
    expect(await library.services.notes.load(event.id, workshop.id)).toEqual({ note: null });
  });

  it('whose event is gone, or whose day no longer exists, is refused with a reason and stays in the trash', async () => {
    await deleteSession('Opening keynote');
    await library.services.events.update(event.id, { endDate: event.startDate });
    const moved = (await library.services.events.addSession(event.id, sessionDraft({ day: 1, start: '12:00', title: 'Lunch' }))).event;
    expect(moved.sessions).toHaveLength(3);
    const other = await createEventWithSessions(library.services, [sessionDraft({ day: 3, start: '09:00', title: 'Day three talk' })], eventDraft({ title: 'Other' }));
    const { removed } = await library.services.events.removeSession(other.id, other.sessions[0].id);
    await library.services.notes.moveToTrash(other.id, removed);
    await library.services.events.update(other.id, { endDate: other.startDate });
    const entries = await library.services.trash.list();
    const dayThree = entries.find((entry) => entry.title === 'Day three talk')!;
    await expect(library.services.trash.restore(dayThree.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('was on day 3, but event "Other" now has 1 day(s)') });

    await library.services.events.delete(other.id);
    await expect(library.services.trash.restore(dayThree.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Put that event back from the trash first') });
    expect((await library.services.trash.list()).map((entry) => entry.title).sort()).toEqual(['Day three talk', 'Opening keynote', 'Other']);
  });
});

describe('a deleted event', () => {
  it('is listed and its whole folder, notes and history included, moves back', async () => {
    const [keynote] = event.sessions;
    await library.services.notes.save(event.id, keynote.id, noteState('first'));
    await library.services.notes.save(event.id, keynote.id, noteState('second'));
    await library.services.events.delete(event.id);
    expect((await library.services.events.list()).events).toEqual([]);

    const [entry] = await library.services.trash.list();
    expect(entry).toMatchObject({ kind: 'event', title: 'Web Summit', eventId: event.id, sessions: 3 });
    expect(await library.services.trash.restore(entry.id)).toEqual({ kind: 'event', eventId: event.id, sessionId: null, title: 'Web Summit' });
    expect((await library.services.events.list()).events.map((summary) => summary.id)).toEqual([event.id]);
    expect((await library.services.notes.load(event.id, keynote.id)).note?.editorState).toEqual(noteState('second'));
    expect(await library.services.history.list(event.id, keynote.id)).toHaveLength(1);
  });

  it('is not put back over an event with the same id', async () => {
    await library.services.events.delete(event.id);
    const [entry] = await library.services.trash.list();
    await cp(join(library.root, 'trash', entry.id), join(library.root, 'events', event.id), { recursive: true });
    await expect(library.services.trash.restore(entry.id)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('already has "Web Summit" with the id') });
    expect(await library.services.trash.list()).toHaveLength(1);
  });
});

describe('emptying the trash', () => {
  it('erases every entry and the history of the deleted sessions, and nothing else', async () => {
    const [keynote, panel] = event.sessions;
    for (const text of ['one', 'two']) {
      await library.services.notes.save(event.id, keynote.id, noteState(text));
      await library.services.notes.save(event.id, panel.id, noteState(text));
    }
    await deleteSession('Opening keynote');
    const other = await createEventWithSessions(library.services, [], eventDraft({ title: 'Other' }));
    await library.services.events.delete(other.id);

    expect(await library.services.trash.empty()).toEqual({ removed: 2 });
    expect(await library.services.trash.list()).toEqual([]);
    expect(await readdir(join(library.root, 'trash', 'sessions'))).toEqual([]);
    expect(existsSync(join(library.root, 'events', event.id, 'history', keynote.id))).toBe(false);
    expect(await library.services.history.list(event.id, panel.id)).toHaveLength(1);
    expect((await library.services.notes.load(event.id, panel.id)).note?.editorState).toEqual(noteState('two'));
  });
});

describe('the trash channels', () => {
  it('refuse an entry id that is not a trash folder name, and name a missing one', async () => {
    const handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
    for (const entryId of ['../events/x', 'events/../../etc', 'sessions/.hidden', 'other/abc']) {
      expect(await dispatchChannel(handlers, 'trash:restore', { entryId })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await dispatchChannel(handlers, 'trash:restore', { entryId: 'events/2026-01-01T00-00-00-000Z-gone-abcd' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('may have been restored or emptied already') },
    });
    expect(await dispatchChannel(handlers, 'trash:list', {})).toEqual({ ok: true, value: { entries: [] } });
  });
});

describe('a deleted session whose note was damaged in the trash', () => {
  it('comes back and opens with the damage notice; the damaged bytes are kept in quarantine', async () => {
    const panel = event.sessions[1];
    await library.services.notes.save(event.id, panel.id, noteState('panel notes'));
    await deleteSession('Panel on AI');
    const [entry] = await library.services.trash.list();
    const { writeFile, readFile } = await import('node:fs/promises');
    await writeFile(join(library.root, 'trash', entry.id, 'note.json'), '{"format":1,"sessionId":"');
    expect((await library.services.trash.list())[0].words).toBe(0);

    await library.services.trash.restore(entry.id);
    await expect(library.services.notes.load(event.id, panel.id)).rejects.toMatchObject({ code: 'damaged-file', message: expect.stringContaining('"Panel on AI"') });
    const { damage } = await library.services.history.damageReport(event.id, panel.id);
    expect(await readFile(damage!.movedTo, 'utf8')).toBe('{"format":1,"sessionId":"');
  });
});
