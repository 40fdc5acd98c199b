import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateOfDay } from '../../shared/model/calendar';
import { createCliFixture, type CliFixture } from './cliFixture';

let cli: CliFixture;
let eventId: string;
/** Session ids by title. */
let ids: Record<string, string>;

type Listed = { id: string; title: string; picked: boolean; room: string; start: string; day: number };

/** Day 1: six rooms from 10:00, a keynote before them and a talk after; day 2 one session. */
async function addCongress(): Promise<void> {
  ids = {};
  const add = async (day: number, start: string, end: string, title: string, room: string) => {
    ids[title] = await cli.ok('session', 'add', eventId, '--day', String(day), '--start', start, '--end', end, '--title', title, '--room', room);
  };
  await add(1, '09:00', '09:45', 'Opening keynote', 'Saal 1');
  for (let room = 1; room <= 6; room++) await add(1, '10:00', '10:45', `Talk in Saal ${room}`, `Saal ${room}`);
  await add(1, '11:00', '11:45', 'Kernel news', 'Saal 2');
  await add(2, '10:00', '10:30', 'Sunday talk', 'Saal 1');
}

const listJson = async (...flags: string[]): Promise<Listed[]> => JSON.parse(await cli.ok('session', 'list', eventId, '--json', ...flags));
const titles = (sessions: Listed[]) => sessions.map((session) => session.title);

beforeEach(async () => {
  cli = await createCliFixture();
  eventId = await cli.ok('event', 'create', '--title', 'Congress', '--start', '2026-12-27', '--end', '2026-12-28', '--timezone', 'Europe/Berlin');
  await addCongress();
});
afterEach(() => cli.cleanup());

describe('hallnotes session pick', () => {
  it('puts a session on my list and takes it off with --off, leaving its status alone', async () => {
    expect(await cli.ok('session', 'pick', eventId, ids['Talk in Saal 3'])).toBe('On your list: "Talk in Saal 3" (day 1, 10:00–10:45, Saal 3).');
    expect(titles((await listJson()).filter((session) => session.picked))).toEqual(['Talk in Saal 3']);
    const stored = JSON.parse(await readFile(join(cli.library, 'events', eventId, 'event.json'), 'utf8'));
    expect(stored.sessions.find((session: { id: string }) => session.id === ids['Talk in Saal 3'])).toMatchObject({ picked: true, status: 'planned' });

    expect(JSON.parse(await cli.ok('session', 'pick', eventId, ids['Talk in Saal 3'], '--off', '--json'))).toEqual({ id: ids['Talk in Saal 3'], picked: false });
    expect((await listJson()).every((session) => session.picked === false)).toBe(true);
  });

  it('exits 1 for a session the event does not have, and 2 without one', async () => {
    const missing = await cli.run('session', 'pick', eventId, 'no-such-session');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Event "Congress" has no session with id "no-such-session"');
    const usage = await cli.run('session', 'pick', eventId);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing SESSION');
  });
});

describe('hallnotes session list with filters', () => {
  it('lists one room (any case), my picks, or what runs at an event-local time', async () => {
    await cli.ok('session', 'pick', eventId, ids['Kernel news']);
    await cli.ok('session', 'pick', eventId, ids['Sunday talk']);
    expect(titles(await listJson('--room', 'saal 2'))).toEqual(['Talk in Saal 2', 'Kernel news']);
    expect(titles(await listJson('--picked'))).toEqual(['Kernel news', 'Sunday talk']);
    expect(titles(await listJson('--picked', '--day', '2'))).toEqual(['Sunday talk']);
    expect(titles(await listJson('--at', '2026-12-27T10:20'))).toEqual([1, 2, 3, 4, 5, 6].map((room) => `Talk in Saal ${room}`));
    expect(titles(await listJson('--at', '2026-12-27T10:20', '--room', 'Saal 4'))).toEqual(['Talk in Saal 4']);
    // The end is exclusive: at 10:45 the talks are over.
    expect(await listJson('--at', '2026-12-27T10:45')).toEqual([]);
  });

  it('says when the filters match nothing, and refuses a room the event does not have, naming its rooms', async () => {
    expect(await cli.ok('session', 'list', eventId, '--picked')).toBe('No session of "Congress" matches: on my list.');
    expect(await cli.ok('session', 'list', eventId, '--at', '2026-12-27T13:00', '--day', '1')).toBe('No session of "Congress" matches: day 1, running at 2026-12-27 13:00.');
    const room = await cli.run('session', 'list', eventId, '--room', 'Saal 9');
    expect(room.code).toBe(1);
    expect(room.stderr).toBe('hallnotes: Event "Congress" has no room "Saal 9"; its rooms are Saal 1, Saal 2, Saal 3, Saal 4, Saal 5, Saal 6.\n');
  });

  it('exits 2 for an --at that is not YYYY-MM-DDTHH:MM', async () => {
    for (const at of ['2026-12-27 10:20', '2026-12-27T25:00', '2026-02-30T10:00', 'now']) {
      const result = await cli.run('session', 'list', eventId, '--at', at);
      expect(result.code, at).toBe(2);
      expect(result.stderr).toContain(`--at must be an event-local date and time written YYYY-MM-DDTHH:MM, such as 2026-05-12T14:30, not "${at}"`);
    }
  });
});

describe('hallnotes now', () => {
  it('prints my pick on now, as the app would open it', async () => {
    await cli.ok('session', 'pick', eventId, ids['Talk in Saal 5']);
    expect(await cli.ok('now', eventId, '--at', '2026-12-27T10:20')).toBe('On now: "Talk in Saal 5" (day 1, 10:00–10:45, Saal 5; on my list).');
    const json = JSON.parse(await cli.ok('now', eventId, '--at', '2026-12-27T10:20', '--json'));
    expect(json).toEqual({ reason: 'running', session: expect.objectContaining({ id: ids['Talk in Saal 5'], title: 'Talk in Saal 5', picked: true, date: '2026-12-27' }) });
  });

  it('else the session I have a note in', async () => {
    const notes = join(cli.root, 'notes.md');
    await writeFile(notes, 'Packed room, the speaker starts late.\n');
    await cli.ok('note', 'set', eventId, ids['Talk in Saal 2'], '--from', notes);
    expect(JSON.parse(await cli.ok('now', eventId, '--at', '2026-12-27T10:20', '--json')).session.id).toBe(ids['Talk in Saal 2']);
  });

  it('else lists the parallel sessions the app would ask to choose from', async () => {
    const text = await cli.ok('now', eventId, '--at', '2026-12-27T10:20');
    expect(text.split('\n')[0]).toBe('6 sessions are on now (day 1, 10:20); the app asks which one you are in:');
    expect(text).toContain('Talk in Saal 6');
    const json = JSON.parse(await cli.ok('now', eventId, '--at', '2026-12-27T10:20', '--json'));
    expect(json.reason).toBe('running');
    expect(json.choose.map((session: Listed) => session.title)).toEqual([1, 2, 3, 4, 5, 6].map((room) => `Talk in Saal ${room}`));
    expect(json).not.toHaveProperty('session');
  });

  it('between sessions and outside the event says what the app opens and why', async () => {
    expect(await cli.ok('now', eventId, '--at', '2026-12-27T10:50')).toBe('Next: "Kernel news" (day 1, 11:00–11:45, Saal 2).');
    expect(await cli.ok('now', eventId, '--at', '2026-12-27T20:00')).toBe('Last of the day: "Kernel news" (day 1, 11:00–11:45, Saal 2).');
    expect(await cli.ok('now', eventId, '--at', '2026-12-20T10:00')).toBe('The event has not started; first: "Opening keynote" (day 1, 09:00–09:45, Saal 1).');
    expect(await cli.ok('now', eventId, '--at', '2027-01-02T10:00')).toBe('The event is over; last: "Sunday talk" (day 2, 10:00–10:30, Saal 1).');
  });

  it('reads the clock in the event\'s time zone without --at', async () => {
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Pacific/Kiritimati' });
    const id = await cli.ok('event', 'create', '--title', 'Island days', '--start', dateOfDay(today, 0), '--end', dateOfDay(today, 2), '--timezone', 'Pacific/Kiritimati');
    for (const day of [1, 2, 3]) await cli.ok('session', 'add', id, '--day', String(day), '--start', '00:00', '--end', '23:59', '--title', `Day ${day} all day`);
    expect(JSON.parse(await cli.ok('now', id, '--json')).session.title).toBe('Day 2 all day');
  });

  it('exits 1 for an event without sessions, 2 for a malformed --at', async () => {
    const empty = await cli.ok('event', 'create', '--title', 'Empty', '--start', '2026-12-27');
    expect(await cli.run('now', empty)).toEqual({ code: 1, stdout: '', stderr: 'hallnotes: Event "Empty" has no sessions yet.\n' });
    expect((await cli.run('now', eventId, '--at', 'tomorrow')).code).toBe(2);
  });
});
