import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventFile } from '../../shared/model/event';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { createEventWithSessions, createTempLibrary, eventDraft, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';
import { noteState } from '../helpers/noteStates';
import { DamagedNotes } from '../../electron/services/history/damagedNotes';
import { HistoryStore } from '../../electron/services/history/historyStore';
import { noteHistory } from '../../electron/services/history/noteHistory';
import { EventStore } from '../../electron/services/library/eventStore';
import { LibraryPaths } from '../../electron/services/library/libraryPaths';
import { NoteStore } from '../../electron/services/notes/noteStore';
import { LibraryLocks } from '../../electron/services/storage/libraryLocks';
import { WriteQueue } from '../../electron/services/storage/atomicWrite';

let library: TempLibrary;
let event: EventFile;
const notePath = (sessionId: string) => join(library.root, 'events', event.id, 'notes', `${sessionId}.json`);
const quarantineFolder = () => join(library.root, 'quarantine', event.id);

beforeEach(async () => {
  library = await createTempLibrary();
  event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Opening keynote' }), sessionDraft({ start: '10:00', title: 'Healthy session' })]);
  await library.services.notes.save(event.id, event.sessions[1].id, noteState('I am fine'));
});
afterEach(async () => {
  await library.cleanup();
});

describe('a damaged note file', () => {
  const validNote = (sessionId: string) => JSON.stringify({ format: 1, sessionId, savedAt: new Date().toISOString(), editorState: noteState('hello') });

  it.each([
    ['truncated', (sessionId: string) => Buffer.from(validNote(sessionId).slice(0, 40)), /not valid JSON/],
    ['zero-filled', () => Buffer.alloc(4096), /not valid JSON/],
    ['empty', () => Buffer.alloc(0), /the file is empty/],
    ['garbage', () => Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0x9c, 0x13, 0x37]), /not valid JSON/],
    ['the wrong shape', () => Buffer.from(JSON.stringify({ format: 1, sessionId: 'x', text: 'hello' })), /savedAt|editorState|Unrecognized key/],
    ['JSON null', () => Buffer.from('null'), /.+/],
    ['an unknown node type', (sessionId: string) => Buffer.from(validNote(sessionId).replace('"paragraph"', '"iframe"')), /unknown node type "iframe"/],
  ])('that is %s is moved to quarantine byte for byte and reported by name', async (_label, contents, reason) => {
    const [damaged, healthy] = event.sessions;
    const bytes = contents(damaged.id);
    await writeFile(notePath(damaged.id), bytes);

    const error = await library.services.notes.load(event.id, damaged.id).then(
      () => expect.fail('loading a damaged note must fail'),
      (thrown: { code: string; message: string }) => thrown,
    );
    expect(error.code).toBe('damaged-file');
    expect(error.message).toContain('The note for "Opening keynote" could not be read');
    expect(error.message).toMatch(reason);

    const quarantined = await readdir(quarantineFolder());
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatch(new RegExp(`${damaged.id}\\.json$`));
    const quarantinePath = join(quarantineFolder(), quarantined[0]);
    expect(error.message).toContain(quarantinePath);
    expect(await readFile(quarantinePath)).toEqual(bytes);
    expect(existsSync(notePath(damaged.id))).toBe(false);

    expect((await library.services.notes.load(event.id, healthy.id)).note?.editorState).toEqual(noteState('I am fine'));
    // Until the user decides, loading it again still says it was damaged instead of opening it empty.
    await expect(library.services.notes.load(event.id, damaged.id)).rejects.toMatchObject({ code: 'damaged-file', message: expect.stringContaining(quarantinePath) });
    // The session can be written again.
    await library.services.notes.save(event.id, damaged.id, noteState('rewritten'));
    expect((await library.services.notes.load(event.id, damaged.id)).note?.editorState).toEqual(noteState('rewritten'));
  });

  it('written by a newer Hallnotes is refused and left exactly where it was', async () => {
    const [session] = event.sessions;
    const newer = JSON.stringify({ format: 2, sessionId: session.id, document: { blocks: [] } });
    await writeFile(notePath(session.id), newer);
    const before = await stat(notePath(session.id), { bigint: true });

    await expect(library.services.notes.load(event.id, session.id)).rejects.toMatchObject({
      code: 'newer-format',
      message: expect.stringMatching(/the note for "Opening keynote" was written by a newer version of Hallnotes \(format 2\)/i),
    });
    const after = await stat(notePath(session.id), { bigint: true });
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeNs).toBe(before.mtimeNs);
    expect(await readFile(notePath(session.id), 'utf8')).toBe(newer);
    expect(existsSync(join(library.root, 'quarantine'))).toBe(false);
  });

  it('read by two at once is damaged for both: the second waits while the first writes that down, and never opens it empty', async () => {
    const [damaged] = event.sessions;
    await writeFile(notePath(damaged.id), '');
    let movedAside!: () => void;
    const moved = new Promise<void>((resolve) => (movedAside = resolve));
    let release!: () => void;
    const recordWritten = new Promise<void>((resolve) => (release = resolve));
    // The services' own parts, but the damage record waits until the test lets it be written.
    const paths = new LibraryPaths(library.root);
    const locks = new LibraryLocks(paths, new WriteQueue());
    const damagedNotes = new DamagedNotes(paths);
    const history = noteHistory(new HistoryStore(paths, () => 30), damagedNotes);
    const notes = new NoteStore(paths, new EventStore(paths, locks), locks, undefined, {
      ...history,
      recordDamage: async (...args) => {
        movedAside();
        await recordWritten;
        return history.recordDamage(...args);
      },
    });

    const first = notes.load(event.id, damaged.id).then(() => 'opened', (error: { code: string }) => error.code);
    await moved;
    // The file is in quarantine and its record not written yet: the second reader finds no file.
    const second = notes.load(event.id, damaged.id).then((loaded) => (loaded.note === null ? 'opened empty' : 'opened'), (error: { code: string }) => error.code);
    const settledEarly = await Promise.race([second, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100))]);
    release();
    expect(settledEarly).toBe('still waiting');
    expect(await Promise.all([first, second])).toEqual(['damaged-file', 'damaged-file']);
  });
});

describe('a damaged event file', () => {
  it('does not hide the other events; the damaged one is reported with its folder', async () => {
    const other = await library.services.events.create(eventDraft({ title: 'Other event' }));
    const eventFile = join(library.root, 'events', event.id, 'event.json');
    await writeFile(eventFile, '{"format":1,"id":"');

    const first = await library.services.events.list();
    expect(first.events.map((summary) => summary.id)).toEqual([other.id]);
    expect(first.problems).toHaveLength(1);
    expect(first.problems[0].location).toBe(join(library.root, 'events', event.id));
    expect(first.problems[0].message).toMatch(/could not be read .*moved to .*quarantine/);

    const quarantined = await readdir(quarantineFolder());
    expect(quarantined).toEqual([expect.stringMatching(/event\.json$/)]);
    expect(await readFile(join(quarantineFolder(), quarantined[0]), 'utf8')).toBe('{"format":1,"id":"');

    // Listed again, the folder is still reported (now without its event file) and the other event still lists.
    const second = await library.services.events.list();
    expect(second.events.map((summary) => summary.id)).toEqual([other.id]);
    expect(second.problems).toEqual([
      {
        location: join(library.root, 'events', event.id),
        message: `This event's event.json could not be read and was moved to ${quarantineFolder()}; its notes are still here. Recover it to open the event again.`,
        recoverEventId: event.id,
      },
    ]);
  });

  it('can be recovered: rebuilt from what can still be read, every note reachable again', async () => {
    const [keynote, healthy] = event.sessions;
    await library.services.notes.save(event.id, keynote.id, noteState('keynote notes'));
    const eventFile = join(library.root, 'events', event.id, 'event.json');
    const onDisk = JSON.parse(await readFile(eventFile, 'utf8'));
    // The second session's entry is damaged; the first and the event's fields are fine.
    onDisk.sessions[1].start = '25:99';
    await writeFile(eventFile, JSON.stringify(onDisk));
    expect((await library.services.events.list()).problems).toEqual([expect.objectContaining({ recoverEventId: event.id })]);

    const handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
    const result = await dispatchChannel(handlers, 'events:recover', { eventId: event.id });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ how: 'rebuilt', message: expect.stringContaining('1 session(s) kept, 1 note(s) without a session') });
    const recovered = await library.services.events.get(event.id);
    expect(recovered).toMatchObject({ title: 'Web Summit', startDate: event.startDate, timezone: event.timezone });
    expect(recovered.sessions.map((session) => session.title)).toEqual(['Opening keynote', 'Recovered note 1 (the session\'s details were lost)']);
    expect((await library.services.notes.load(event.id, keynote.id)).note?.editorState).toEqual(noteState('keynote notes'));
    expect((await library.services.notes.load(event.id, healthy.id)).note?.editorState).toEqual(noteState('I am fine'));
    expect((await library.services.events.list()).problems).toEqual([]);
    // The damaged file is still in quarantine, byte for byte.
    expect(JSON.parse(await readFile(join(quarantineFolder(), (await readdir(quarantineFolder()))[0]), 'utf8')).sessions[1].start).toBe('25:99');
    expect(await dispatchChannel(handlers, 'events:recover', { eventId: event.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('nothing to recover') } });
  });

  it('found by two readers at once is moved aside once, and neither says it could not be moved', async () => {
    await writeFile(join(library.root, 'events', event.id, 'event.json'), '{"format":1,"id":"');
    const [listed, opened] = await Promise.all([library.services.events.list(), library.services.events.get(event.id).catch((error: Error) => error)]);
    const said = [...listed.problems.map((problem) => problem.message), (opened as Error).message].join('\n');
    expect(said).not.toContain('Could not move');
    expect(listed.problems).toEqual([expect.objectContaining({ recoverEventId: event.id })]);
    expect(await readdir(quarantineFolder())).toHaveLength(1);
  });

  it('set aside by an older Hallnotes for being over a limit comes back whole', async () => {
    const eventFile = join(library.root, 'events', event.id, 'event.json');
    const { mkdir, rename } = await import('node:fs/promises');
    await mkdir(quarantineFolder(), { recursive: true });
    await rename(eventFile, join(quarantineFolder(), '2026-01-01T00-00-00-000Z-event.json'));
    const result = await library.services.events.recover(event.id, () => library.services.notes.sessionsWithFiles(event.id));
    expect(result.how).toBe('restored');
    expect(await library.services.events.get(event.id)).toEqual(event);
  });

  it('with a session on a day after the end is quarantined when opened', async () => {
    const eventFile = join(library.root, 'events', event.id, 'event.json');
    const onDisk = JSON.parse(await readFile(eventFile, 'utf8'));
    onDisk.sessions[0].day = 9;
    await writeFile(eventFile, JSON.stringify(onDisk));
    await expect(library.services.events.get(event.id)).rejects.toMatchObject({
      code: 'damaged-file',
      message: expect.stringContaining('a session lies on a day after the end of the event'),
    });
  });
});
