import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateOfDay } from '../../shared/model/calendar';
import type { EventFile, Session } from '../../shared/model/event';
import { importProgramme, type ImportRequest } from '../../electron/services/import/importProgramme';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, eventDraft, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';
import { fixtureBytes, fixtureText } from './programmeFiles';

let library: TempLibrary;
beforeEach(async () => {
  library = await createTempLibrary();
});
afterEach(async () => {
  await library.cleanup();
});

function run(request: Omit<ImportRequest, 'services' | 'dryRun'> & { dryRun?: boolean }) {
  return importProgramme({ services: library.services, dryRun: false, ...request });
}

function eventFileOnDisk(eventId: string): Promise<string> {
  return readFile(join(library.root, 'events', eventId, 'event.json'), 'utf8');
}

function titled(event: EventFile, title: string): Session {
  const session = event.sessions.find((candidate) => candidate.title === title);
  if (!session) throw new Error(`no session "${title}"`);
  return session;
}

/** debconf23.xml as the conference would publish it a week later. */
function eventBlock(text: string, guid: string): string {
  const block = new RegExp(`<event id="\\d+" guid="${guid}">[\\s\\S]*?</event>`).exec(text);
  if (!block) throw new Error(`no event ${guid}`);
  return block[0];
}

describe('importing into a new event', () => {
  it('creates the event with the programme title, dates, zone and sessions', async () => {
    const summary = await run({ fileName: 'debconf23.xml', bytes: fixtureBytes('debconf23.xml') });
    expect(summary).toMatchObject({ created: true, dryRun: false, title: 'DebConf 23', timezone: 'Asia/Kolkata', startDate: '2023-09-10', endDate: '2023-09-17', days: 8, added: 117 });
    const event = await library.services.events.get(summary.eventId!);
    expect(event).toMatchObject({ title: 'DebConf 23', timezone: 'Asia/Kolkata', startDate: '2023-09-10', endDate: '2023-09-17' });
    expect(titled(event, 'Opening Ceremony')).toMatchObject({
      day: 1,
      start: '10:30',
      end: '10:50',
      room: 'Anamudi',
      status: 'planned',
      sourceId: '455d075f-48c0-2ec2-24b3-f5add30c383a',
      speakers: [{ name: 'Sruthi Chandran', role: '', organisation: '' }],
    });
    expect(titled(event, 'Closing Ceremony').day).toBe(8);
  });

  it('names the event after the file when the programme has no title, in the zone asked for', async () => {
    const csv = 'date,start,end,title,room\n2026-05-10,09:00,09:30,Welcome,Saal 1\n2026-05-11,17:00,17:30,Goodbye,Saal 1\n';
    const summary = await run({ fileName: '/home/ana/Downloads/Republica 2026.csv', bytes: Buffer.from(csv), timeZone: 'Europe/Berlin' });
    const event = await library.services.events.get(summary.eventId!);
    expect(event).toMatchObject({ title: 'Republica 2026', timezone: 'Europe/Berlin', startDate: '2026-05-10', endDate: '2026-05-11' });
    expect(event.sessions.map((session) => [session.day, session.start, session.title])).toEqual([
      [1, '09:00', 'Welcome'],
      [2, '17:00', 'Goodbye'],
    ]);
  });

  it('writes nothing on a dry run and still says what would happen', async () => {
    const summary = await run({ fileName: 'fosdem_2021.xml', bytes: fixtureBytes('fosdem_2021.xml'), dryRun: true });
    expect(summary).toMatchObject({ eventId: null, created: true, dryRun: true, days: 2, added: 773, updated: 0, unchanged: 0 });
    expect(await library.services.events.list()).toEqual({ events: [], problems: [] });
  });

  it('refuses an unknown time zone', async () => {
    await expect(run({ fileName: 'a.csv', bytes: Buffer.from('date,start,title\n2026-05-10,09:00,A'), timeZone: 'Mars/Base' })).rejects.toThrow('"Mars/Base" is not an IANA time zone such as Europe/Berlin.');
  });
});

describe('importing again', () => {
  it('changes nothing when the programme is the same', async () => {
    const first = await run({ fileName: 'linux_conf_au_2020.ics', bytes: fixtureBytes('linux_conf_au_2020.ics') });
    const before = await eventFileOnDisk(first.eventId!);
    const again = await run({ fileName: 'linux_conf_au_2020.ics', bytes: fixtureBytes('linux_conf_au_2020.ics'), eventId: first.eventId! });
    expect(again).toMatchObject({ eventId: first.eventId, created: false, added: 0, updated: 0, flagged: 0, removed: 0, unchanged: 262 });
    expect(await eventFileOnDisk(first.eventId!)).toBe(before);
  });

  it('updates moved sessions, flags vanished ones with notes and removes vanished ones without', async () => {
    const original = fixtureText('debconf23.xml');
    const { eventId } = await run({ fileName: 'debconf23.xml', bytes: Buffer.from(original) });
    let event = await library.services.events.get(eventId!);
    const closing = titled(event, 'Closing Ceremony');
    await library.services.notes.save(eventId!, closing.id, noteState('Thanks to the video team.'));
    await library.services.events.updateSession(eventId!, titled(event, 'Opening Ceremony').id, { status: 'covered' });

    const opening = eventBlock(original, '455d075f-48c0-2ec2-24b3-f5add30c383a');
    const closingGuid = closing.sourceId!;
    const bofGuid = titled(event, 'DebConf 24 BoF').sourceId!;
    const updated = original
      .replace(opening, opening.replace('<date>2023-09-10T05:00:00+00:00</date>', '<date>2023-09-10T06:00:00+00:00</date>').replace('<start>10:30</start>', '<start>11:30</start>').replace('<room>Anamudi</room>', '<room>Kuthiran</room>'))
      .replace(eventBlock(original, closingGuid), '')
      .replace(eventBlock(original, bofGuid), '');

    const beforePreview = await eventFileOnDisk(eventId!);
    const preview = await run({ fileName: 'debconf23.xml', bytes: Buffer.from(updated), eventId: eventId!, dryRun: true });
    expect(preview).toMatchObject({ added: 0, updated: 1, flagged: 1, removed: 1, unchanged: 114 });
    expect(await eventFileOnDisk(eventId!)).toBe(beforePreview);
    const summary = await run({ fileName: 'debconf23.xml', bytes: Buffer.from(updated), eventId: eventId! });
    expect(summary).toMatchObject({ added: 0, updated: 1, flagged: 1, removed: 1, unchanged: 114 });

    event = await library.services.events.get(eventId!);
    expect(event.sessions).toHaveLength(116);
    expect(titled(event, 'Opening Ceremony')).toMatchObject({ start: '11:30', end: '11:50', room: 'Kuthiran', status: 'covered' });
    expect(titled(event, 'Closing Ceremony')).toMatchObject({ id: closing.id, programmeFlag: 'removed-from-programme' });
    expect(event.sessions.some((session) => session.title === 'DebConf 24 BoF')).toBe(false);
    expect((await library.services.notes.load(eventId!, closing.id)).note?.editorState).toEqual(noteState('Thanks to the video team.'));

    const once = await eventFileOnDisk(eventId!);
    expect(await run({ fileName: 'debconf23.xml', bytes: Buffer.from(updated), eventId: eventId! })).toMatchObject({ added: 0, updated: 0, flagged: 0, removed: 0 });
    expect(await eventFileOnDisk(eventId!)).toBe(once);
  });

  it('merges into an event the user started by hand, in that event’s time zone', async () => {
    const event = await createEventWithSessions(
      library.services,
      [sessionDraft({ day: 1, start: '07:00', title: 'Opening Ceremony' }), sessionDraft({ day: 2, start: '08:00', title: 'Interview with the organisers' })],
      eventDraft({ title: 'DebConf from Berlin', startDate: '2023-09-10', endDate: '2023-09-12', timezone: 'Europe/Berlin' }),
    );
    const summary = await run({ fileName: 'debconf23.xml', bytes: fixtureBytes('debconf23.xml'), eventId: event.id });
    // 10:30 in Kolkata is 07:00 in Berlin, so the hand-made "Opening Ceremony" is matched and kept.
    expect(summary).toMatchObject({ title: 'DebConf from Berlin', timezone: 'Europe/Berlin', startDate: '2023-09-10', endDate: '2023-09-17', added: 116, updated: 1, unchanged: 1 });
    const merged = await library.services.events.get(event.id);
    expect(merged.timezone).toBe('Europe/Berlin');
    expect(titled(merged, 'Opening Ceremony')).toMatchObject({ id: event.sessions[0].id, start: '07:00', end: '07:20', room: 'Anamudi', sourceId: '455d075f-48c0-2ec2-24b3-f5add30c383a' });
    expect(titled(merged, 'Interview with the organisers')).toMatchObject({ day: 2, start: '08:00' });
    const closing = titled(merged, 'Closing Ceremony');
    expect([dateOfDay(merged.startDate, closing.day), closing.start]).toEqual(['2023-09-17', '14:30']);
  });

  it('refuses to write an agenda planned from an event that has changed since', async () => {
    const { eventId } = await run({ fileName: 'kielux_2020.ics', bytes: fixtureBytes('kielux_2020.ics') });
    const planned = await library.services.events.get(eventId!);
    // updatedAt has millisecond resolution; the change must come in a later millisecond.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await library.services.events.addSession(eventId!, sessionDraft({ title: 'Added meanwhile' }));
    await expect(library.services.events.replaceSessions(eventId!, planned.sessions, {}, planned.updatedAt)).rejects.toMatchObject({ code: 'conflict' });
    expect((await library.services.events.get(eventId!)).sessions.map((session) => session.title)).toContain('Added meanwhile');
  });

  it('refuses to import into an event that does not exist', async () => {
    await expect(run({ fileName: 'kielux_2020.ics', bytes: fixtureBytes('kielux_2020.ics'), eventId: 'no-such-event' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
