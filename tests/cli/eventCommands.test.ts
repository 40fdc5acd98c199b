import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliFixture, type CliFixture } from './cliFixture';

let cli: CliFixture;
beforeEach(async () => {
  cli = await createCliFixture();
});
afterEach(() => cli.cleanup());

async function readEvent(library: string, eventId: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(library, 'events', eventId, 'event.json'), 'utf8'));
}

describe('hallnotes event create', () => {
  it('creates the event in the library and prints only its id', async () => {
    const result = await cli.run('event', 'create', '--title', 'Web Summit 2026', '--start', '2026-11-10', '--end', '2026-11-12', '--venue', 'Lisbon', '--timezone', 'Europe/Lisbon', '--author', 'Pat');

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const id = result.stdout.trim();
    expect(result.stdout).toBe(`${id}\n`);
    expect(id).toMatch(/^web-summit-2026-[a-z0-9]{4}$/);
    expect(await readEvent(cli.library, id)).toMatchObject({
      id,
      title: 'Web Summit 2026',
      startDate: '2026-11-10',
      endDate: '2026-11-12',
      venue: 'Lisbon',
      timezone: 'Europe/Lisbon',
      author: 'Pat',
      sessions: [],
    });
  });

  it('prints {"id": …} with --json', async () => {
    const result = await cli.run('event', 'create', '--title', 'Summit', '--start', '2026-11-10', '--json');
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed)).toEqual(['id']);
    expect((await readEvent(cli.library, printed.id)).title).toBe('Summit');
  });

  it("makes a one-day event in this computer's time zone when --end and --timezone are left out", async () => {
    const id = await cli.ok('event', 'create', '--title', 'Meetup', '--start', '2026-03-05');
    expect(await readEvent(cli.library, id)).toMatchObject({
      startDate: '2026-03-05',
      endDate: '2026-03-05',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('takes the author from the settings folder unless --author is given', async () => {
    await mkdir(cli.config, { recursive: true });
    await writeFile(join(cli.config, 'preferences.json'), JSON.stringify({ defaultAuthor: 'Sam Settings' }));

    const fromSettings = await cli.ok('event', 'create', '--title', 'A', '--start', '2026-03-05');
    const explicit = await cli.ok('event', 'create', '--title', 'B', '--start', '2026-03-05', '--author', 'Ana Explicit');

    expect((await readEvent(cli.library, fromSettings)).author).toBe('Sam Settings');
    expect((await readEvent(cli.library, explicit)).author).toBe('Ana Explicit');
  });

  it('uses --library over HALLNOTES_LIBRARY, relative to the working folder', async () => {
    const id = await cli.ok('event', 'create', '--title', 'Elsewhere', '--start', '2026-03-05', '--library', 'other-library');
    expect((await readEvent(join(cli.root, 'other-library'), id)).title).toBe('Elsewhere');
    expect(JSON.parse((await cli.run('event', 'list', '--json')).stdout)).toEqual([]);
  });

  it.each([
    ['an impossible date', ['--start', '2026-02-30'], /startDate must be a real date written YYYY-MM-DD/],
    ['an unknown time zone', ['--start', '2026-02-03', '--timezone', 'Mars/Olympus'], /timezone must be an IANA time zone/],
    ['an end before the start', ['--start', '2026-02-03', '--end', '2026-02-01'], /endDate must be on or after the start date/],
    ['an empty title', ['--start', '2026-02-03', '--title', ' '], /title must not be empty/],
  ])('exits 1 naming the problem for %s', async (_case, flags, message) => {
    const result = await cli.run('event', 'create', '--title', 'T', ...flags);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['--title is missing', ['--start', '2026-02-03'], 'missing required option --title'],
    ['--start is missing', ['--title', 'T'], 'missing required option --start'],
    ['--start has no value', ['--title', 'T', '--start'], '--start needs a value'],
    ['an option is unknown', ['--title', 'T', '--start', '2026-02-03', '--colour', 'red'], 'unknown option --colour'],
    ['a stray argument is given', ['extra', '--title', 'T', '--start', '2026-02-03'], 'unexpected argument "extra"'],
    ['--json is given a value', ['--title', 'T', '--start', '2026-02-03', '--json=yes'], '--json does not take a value'],
  ])('exits 2 with the usage when %s', async (_case, flags, message) => {
    const result = await cli.run('event', 'create', ...flags);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`hallnotes: ${message}\n`);
    expect(result.stderr).toContain('Usage:\n  hallnotes event create --title T --start YYYY-MM-DD');
  });

  it('exits 1 with one line and no stack trace when the library cannot be written', async () => {
    const notAFolder = join(cli.root, 'a-file');
    await writeFile(notAFolder, 'not a library');
    const result = await cli.run('event', 'create', '--title', 'T', '--start', '2026-02-03', '--library', notAFolder);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hallnotes: Could not create the folder for event "T": .+\n$/);
  });
});

describe('hallnotes event list', () => {
  it('says the library has no events, naming it', async () => {
    const result = await cli.run('event', 'list');
    expect(result).toEqual({ code: 0, stdout: `There are no events in ${cli.library}.\n`, stderr: '' });
  });

  it('prints an aligned table, newest event first', async () => {
    const older = await cli.ok('event', 'create', '--title', 'Spring Conf', '--start', '2026-04-01', '--venue', 'Ghent', '--timezone', 'Europe/Brussels');
    const newer = await cli.createEvent('--venue', 'Lisbon', '--timezone', 'Europe/Lisbon');
    await cli.ok('session', 'add', newer, '--day', '1', '--start', '09:00', '--title', 'Opening');

    const lines = (await cli.ok('event', 'list')).split('\n');

    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ID +START +END +TIME ZONE +SESSIONS +TITLE +VENUE$/);
    expect(lines[1]).toMatch(new RegExp(`^${newer} +2026-11-10 +2026-11-12 +Europe/Lisbon +1 +Web Summit 2026 +Lisbon$`));
    expect(lines[2]).toMatch(new RegExp(`^${older} +2026-04-01 +2026-04-01 +Europe/Brussels +0 +Spring Conf +Ghent$`));
    for (const header of ['START', 'TITLE', 'VENUE']) {
      const column = lines[0].indexOf(header);
      expect(lines.slice(1).map((line) => line[column - 1])).toEqual([' ', ' ']);
      expect(lines.slice(1).map((line) => line[column])).not.toContain(' ');
    }
  });

  it('prints a JSON array of events with --json', async () => {
    const id = await cli.createEvent('--venue', 'Lisbon', '--timezone', 'Europe/Lisbon', '--author', 'Pat');
    const result = await cli.run('event', 'list', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { id, title: 'Web Summit 2026', venue: 'Lisbon', startDate: '2026-11-10', endDate: '2026-11-12', timezone: 'Europe/Lisbon', author: 'Pat', sessionCount: 0 },
    ]);
  });

  it('still lists the other events when one event file is damaged, and warns about it', async () => {
    const good = await cli.createEvent();
    const damaged = await cli.ok('event', 'create', '--title', 'Broken', '--start', '2026-01-01');
    await writeFile(join(cli.library, 'events', damaged, 'event.json'), '{"format": 1, "id": ');

    const result = await cli.run('event', 'list', '--json');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).map((event: { id: string }) => event.id)).toEqual([good]);
    expect(result.stderr).toContain(`hallnotes: skipped ${join(cli.library, 'events', damaged)}:`);
  });

  it('shows control characters in titles as spaces so the table stays intact', async () => {
    await cli.ok('event', 'create', '--title', 'Line\none\u001b[31m', '--start', '2026-01-01');
    const lines = (await cli.ok('event', 'list')).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Line one [31m');
  });
});

describe('hallnotes event recover', () => {
  it('gives a folder whose event.json was set aside its event back, and says how', async () => {
    const eventId = await cli.createEvent();
    await cli.ok('session', 'add', eventId, '--day', '1', '--start', '09:00', '--title', 'Keynote');
    await writeFile(join(cli.library, 'events', eventId, 'event.json'), '{"format":1,"id":"trunc');
    expect((await cli.run('event', 'list')).stderr).toContain('could not be read');

    const recovered = await cli.run('event', 'recover', eventId);
    expect(recovered).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Event "Recovered event .+" was rebuilt from its notes \(no readable copy of its event file was left\).+Check its title, dates and sessions\.\n$/) });
    expect(await cli.ok('event', 'list')).toContain(eventId);
    expect(await cli.run('event', 'recover', eventId)).toMatchObject({ code: 1, stderr: expect.stringContaining('nothing to recover') });
  });
});
