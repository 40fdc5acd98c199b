import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliFixture, type CliFixture } from './cliFixture';

let cli: CliFixture;
let eventId: string;
beforeEach(async () => {
  cli = await createCliFixture();
  eventId = await cli.createEvent();
});
afterEach(() => cli.cleanup());

async function storedSessions(): Promise<Record<string, unknown>[]> {
  return JSON.parse(await readFile(join(cli.library, 'events', eventId, 'event.json'), 'utf8')).sessions;
}

describe('hallnotes session add', () => {
  it('adds the session with every field and prints only its id', async () => {
    const result = await cli.run(
      'session', 'add', eventId,
      '--day', '2', '--start', '09:30', '--end', '10:15', '--title', 'The reality of cloud',
      '--kind', 'keynote', '--room', 'Main stage', '--status', 'covered',
      '--speaker', 'Chris Example; Chief Architect; Agency',
      '--speaker', 'Dana Solo',
    );

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const id = result.stdout.trim();
    expect(result.stdout).toBe(`${id}\n`);
    expect(await storedSessions()).toEqual([
      {
        id,
        day: 2,
        start: '09:30',
        end: '10:15',
        title: 'The reality of cloud',
        kind: 'keynote',
        room: 'Main stage',
        status: 'covered',
        speakers: [
          { name: 'Chris Example', role: 'Chief Architect', organisation: 'Agency' },
          { name: 'Dana Solo', role: '', organisation: '' },
        ],
      },
    ]);
  });

  it('fills in the defaults and prints {"id": …} with --json', async () => {
    const result = await cli.run('session', 'add', eventId, '--day', '1', '--start', '14:00', '--title', 'Hallway track', '--json');
    expect(result.code).toBe(0);
    const { id } = JSON.parse(result.stdout);
    expect(await storedSessions()).toEqual([
      { id, day: 1, start: '14:00', end: null, title: 'Hallway track', kind: 'plenary', room: '', status: 'planned', speakers: [] },
    ]);
  });

  it.each([
    ['a day after the event', ['--day', '4', '--start', '09:00'], 'Event "Web Summit 2026" has 3 day(s); there is no day 4.'],
    ['an end before the start', ['--day', '1', '--start', '11:00', '--end', '10:00'], 'end must not be before the start time'],
    ['a time that is not HH:MM', ['--day', '1', '--start', '9am'], 'start must be a time written HH:MM (24-hour)'],
    ['an unknown kind', ['--day', '1', '--start', '09:00', '--kind', 'talk'], 'kind'],
    ['an unknown status', ['--day', '1', '--start', '09:00', '--status', 'done'], 'status'],
  ])('exits 1 naming the problem for %s', async (_case, flags, message) => {
    const result = await cli.run('session', 'add', eventId, '--title', 'T', ...flags);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await storedSessions()).toEqual([]);
  });

  it('exits 1 naming the event id and the library when the event does not exist', async () => {
    const result = await cli.run('session', 'add', 'no-such-event', '--day', '1', '--start', '09:00', '--title', 'T');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`hallnotes: There is no event with id "no-such-event" in this library. (library: ${cli.library})\n`);
  });

  it.each([
    ['the event is missing', ['--day', '1', '--start', '09:00', '--title', 'T'], 'missing EVENT'],
    ['--day is not a number', ['EVENT-ID', '--day', 'one', '--start', '09:00', '--title', 'T'], '--day must be a whole number such as 1, not "one"'],
    ['--day is negative', ['EVENT-ID', '--day=-1', '--start', '09:00', '--title', 'T'], '--day must be a whole number such as 1, not "-1"'],
    ['--day is missing', ['EVENT-ID', '--start', '09:00', '--title', 'T'], 'missing required option --day'],
    ['--title is missing', ['EVENT-ID', '--day', '1', '--start', '09:00'], 'missing required option --title'],
    ['a speaker has no name', ['EVENT-ID', '--day', '1', '--start', '09:00', '--title', 'T', '--speaker', '; CTO'], '--speaker "; CTO" has no name'],
    ['the event id is a path', ['../outside', '--day', '1', '--start', '09:00', '--title', 'T'], 'EVENT must be an id'],
  ])('exits 2 with the usage when %s', async (_case, args, message) => {
    const result = await cli.run('session', 'add', ...args.map((arg) => (arg === 'EVENT-ID' ? eventId : arg)));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage:\n  hallnotes session add EVENT');
    expect(await storedSessions()).toEqual([]);
  });
});

describe('hallnotes session list', () => {
  async function addAgenda(): Promise<{ keynote: string; panel: string; lunch: string }> {
    const panel = await cli.ok('session', 'add', eventId, '--day', '1', '--start', '11:00', '--end', '12:00', '--title', 'Panel: open data', '--kind', 'panel', '--room', 'Room B', '--speaker', 'Ann; Moderator', '--speaker', 'Ben;; NGO');
    const keynote = await cli.ok('session', 'add', eventId, '--day', '1', '--start', '09:00', '--end', '10:00', '--title', 'Opening keynote', '--kind', 'keynote', '--room', 'Main stage', '--status', 'covered', '--speaker', 'Chris Example; Chief Architect; Agency');
    const lunch = await cli.ok('session', 'add', eventId, '--day', '2', '--start', '12:30', '--title', 'Lunch', '--kind', 'break');
    return { keynote, panel, lunch };
  }

  it('prints the agenda in programme order as an aligned table', async () => {
    const { keynote, panel, lunch } = await addAgenda();
    await cli.ok('session', 'pick', eventId, panel);

    const lines = (await cli.ok('session', 'list', eventId)).split('\n');

    expect(lines).toEqual([
      expect.stringMatching(/^ID +DAY +DATE +TIME +KIND +STATUS +PICKED +ROOM +TITLE +SPEAKERS$/),
      expect.stringMatching(new RegExp(`^${keynote} +1 +2026-11-10 +09:00-10:00 +keynote +covered +Main stage +Opening keynote +Chris Example$`)),
      expect.stringMatching(new RegExp(`^${panel} +1 +2026-11-10 +11:00-12:00 +panel +planned +yes +Room B +Panel: open data +Ann, Ben$`)),
      expect.stringMatching(new RegExp(`^${lunch} +2 +2026-11-11 +12:30 +break +planned +Lunch$`)),
    ]);
    const cellUnder = (header: string, line: string) => line.slice(lines[0].indexOf(header)).split('  ')[0];
    expect(lines.slice(1).map((line) => cellUnder('TIME', line))).toEqual(['09:00-10:00', '11:00-12:00', '12:30']);
    expect(lines.slice(1).map((line) => cellUnder('PICKED', line))).toEqual(['', 'yes', '']);
    expect(lines.slice(1).map((line) => cellUnder('ROOM', line))).toEqual(['Main stage', 'Room B', '']);
    expect(lines.slice(1).map((line) => cellUnder('TITLE', line))).toEqual(['Opening keynote', 'Panel: open data', 'Lunch']);
  });

  it('prints a JSON array with day, date, times, room, kind, status, whether it is picked and structured speakers', async () => {
    const { keynote, panel, lunch } = await addAgenda();

    const result = await cli.run('session', 'list', eventId, '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { id: keynote, day: 1, date: '2026-11-10', start: '09:00', end: '10:00', endDate: '2026-11-10', title: 'Opening keynote', kind: 'keynote', room: 'Main stage', status: 'covered', picked: false, speakers: [{ name: 'Chris Example', role: 'Chief Architect', organisation: 'Agency' }] },
      { id: panel, day: 1, date: '2026-11-10', start: '11:00', end: '12:00', endDate: '2026-11-10', title: 'Panel: open data', kind: 'panel', room: 'Room B', status: 'planned', picked: false, speakers: [{ name: 'Ann', role: 'Moderator', organisation: '' }, { name: 'Ben', role: '', organisation: 'NGO' }] },
      { id: lunch, day: 2, date: '2026-11-11', start: '12:30', end: null, endDate: null, title: 'Lunch', kind: 'break', room: '', status: 'planned', picked: false, speakers: [] },
    ]);
  });

  it('lists only one day with --day', async () => {
    const { lunch } = await addAgenda();
    const sessions = JSON.parse(await cli.ok('session', 'list', eventId, '--day', '2', '--json'));
    expect(sessions.map((session: { id: string }) => session.id)).toEqual([lunch]);
  });

  it('says when there are no sessions', async () => {
    expect(await cli.ok('session', 'list', eventId)).toBe('Event "Web Summit 2026" has no sessions yet.');
    expect(await cli.ok('session', 'list', eventId, '--day', '3')).toBe('Event "Web Summit 2026" has no sessions on day 3 yet.');
    expect(await cli.ok('session', 'list', eventId, '--json')).toBe('[]');
  });

  it('exits 1 for a day the event does not have', async () => {
    const result = await cli.run('session', 'list', eventId, '--day', '9');
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'hallnotes: Event "Web Summit 2026" has 3 day(s); there is no day 9.\n' });
  });

  it('exits 1 for an event that does not exist', async () => {
    const result = await cli.run('session', 'list', 'missing-event');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no event with id "missing-event"');
  });

  it('exits 2 for a --day that is not a number, or a missing event', async () => {
    expect((await cli.run('session', 'list', eventId, '--day', '1.5')).code).toBe(2);
    const missing = await cli.run('session', 'list');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('hallnotes: missing EVENT');
  });
});
