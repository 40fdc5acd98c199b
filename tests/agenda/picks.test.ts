import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProgramme } from '../../electron/services/import/importProgramme';
import type { EventFile } from '../../shared/model/event';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';
import { fixtureBytes } from '../import/programmeFiles';

let library: TempLibrary;
beforeEach(async () => {
  library = await createTempLibrary();
});
afterEach(async () => {
  await library.cleanup();
});

async function storedSessions(eventId: string): Promise<Array<Record<string, unknown>>> {
  const stored = JSON.parse(await readFile(join(library.root, 'events', eventId, 'event.json'), 'utf8')) as { sessions: Array<Record<string, unknown>> };
  return stored.sessions;
}

const titled = (event: EventFile, title: string) => event.sessions.find((session) => session.title === title)!;

describe('picking sessions to cover', () => {
  it('stores the pick in event.json per session, apart from the status, and takes it back', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Keynote' }), sessionDraft({ title: 'Panel', start: '10:00' })]);
    const keynote = titled(event, 'Keynote');
    const { session } = await library.services.events.updateSession(event.id, keynote.id, { picked: true });
    expect(session).toMatchObject({ title: 'Keynote', picked: true, status: 'planned' });
    expect((await storedSessions(event.id)).map((stored) => [stored.title, stored.picked ?? false])).toEqual([
      ['Keynote', true],
      ['Panel', false],
    ]);
    // Other changes leave the pick alone.
    await library.services.events.updateSession(event.id, keynote.id, { status: 'covered', room: 'Hall A' });
    expect((await library.services.events.get(event.id)).sessions[0]).toMatchObject({ picked: true, status: 'covered', room: 'Hall A' });
    await library.services.events.updateSession(event.id, keynote.id, { picked: false });
    expect((await library.services.events.get(event.id)).sessions[0].picked).toBe(false);
  });

  it('reads an event.json written before picks existed, and refuses a pick that is not true or false, naming the field', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Keynote' })]);
    expect((await storedSessions(event.id))[0]).not.toHaveProperty('picked');
    expect((await library.services.events.get(event.id)).sessions[0].picked).toBeUndefined();
    await expect(library.services.events.updateSession(event.id, event.sessions[0].id, { picked: 'yes' as unknown as boolean })).rejects.toThrow(/picked/);

    const file = join(library.root, 'events', event.id, 'event.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    stored.sessions[0].picked = 'yes';
    await writeFile(file, JSON.stringify(stored));
    await expect(library.services.events.get(event.id)).rejects.toThrow(/picked/);
  });

  it('keeps the picks when the same programme is imported again', async () => {
    const bytes = fixtureBytes('debconf23.xml');
    const first = await importProgramme({ services: library.services, dryRun: false, fileName: 'debconf23.xml', bytes });
    const event = await library.services.events.get(first.eventId!);
    for (const title of ['Opening Ceremony', 'Closing Ceremony']) await library.services.events.updateSession(event.id, titled(event, title).id, { picked: true });

    const again = await importProgramme({ services: library.services, dryRun: false, fileName: 'debconf23.xml', bytes, eventId: event.id });
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0 });
    const reimported = await library.services.events.get(event.id);
    expect(reimported.sessions.filter((session) => session.picked).map((session) => session.title)).toEqual(['Opening Ceremony', 'Closing Ceremony']);
  });

  it('keeps a pick the next import cancels or drops, flagged, even without a note', async () => {
    const talk = (uid: string, hour: number, title: string, status = 'CONFIRMED') =>
      ['BEGIN:VEVENT', `UID:${uid}`, `DTSTAMP:20260501T000000Z`, `DTSTART:20260512T${String(hour).padStart(2, '0')}0000Z`, `DTEND:20260512T${String(hour).padStart(2, '0')}4500Z`, `SUMMARY:${title}`, `STATUS:${status}`, 'END:VEVENT'];
    const calendar = (events: string[][]) => Buffer.from(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hallnotes tests//EN', ...events.flat(), 'END:VCALENDAR', ''].join('\r\n'));
    const first = await importProgramme({
      services: library.services,
      dryRun: false,
      fileName: 'day.ics',
      bytes: calendar([talk('k-1', 7, 'Keynote'), talk('w-2', 8, 'Workshop'), talk('p-3', 9, 'Panel'), talk('x-4', 10, 'Lunch talk')]),
    });
    const event = await library.services.events.get(first.eventId!);
    await library.services.events.updateSession(event.id, titled(event, 'Workshop').id, { picked: true });
    await library.services.events.updateSession(event.id, titled(event, 'Panel').id, { picked: true });
    await library.services.notes.save(event.id, titled(event, 'Keynote').id, noteState('Notes on the keynote'));

    // The workshop is cancelled; the panel and the lunch talk are gone from the programme.
    const summary = await importProgramme({ services: library.services, dryRun: false, fileName: 'day.ics', bytes: calendar([talk('k-1', 7, 'Keynote'), talk('w-2', 8, 'Workshop', 'CANCELLED')]), eventId: event.id });
    expect(summary).toMatchObject({ flagged: 2, removed: 1 });
    const after = await library.services.events.get(event.id);
    expect(after.sessions.map((session) => [session.title, session.picked ?? false, session.programmeFlag ?? null])).toEqual([
      ['Keynote', false, null],
      ['Workshop', true, 'cancelled'],
      ['Panel', true, 'removed-from-programme'],
    ]);
  });
});
