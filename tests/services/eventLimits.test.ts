import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProgramme } from '../../electron/services/import/importProgramme';
import type { EventFile, Session } from '../../shared/model/event';
import { createTempLibrary, eventDraft, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';

let library: TempLibrary;
let event: EventFile;
const eventFile = () => join(library.root, 'events', event.id, 'event.json');

function sessions(count: number, prefix = 's'): Session[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}${index}`,
    day: 1,
    start: '09:00',
    end: null,
    title: `Talk ${index + 1}`,
    kind: 'plenary',
    room: '',
    status: 'planned',
    speakers: [],
  }));
}

beforeEach(async () => {
  library = await createTempLibrary();
  event = await library.services.events.create(eventDraft({ title: 'Huge Congress' }));
  event = await library.services.events.replaceSessions(event.id, sessions(5000));
});
afterEach(async () => {
  await library.cleanup();
});

describe('an event at the limit of 5,000 sessions', () => {
  it('refuses the 5,001st session with a clear message, and the event still opens with all 5,000', async () => {
    await expect(library.services.events.addSession(event.id, sessionDraft({ title: 'One too many' }))).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'Event "Huge Congress" already has 5,000 sessions, the most one event can hold; "One too many" was not added. Delete sessions you do not need, or put the rest of the programme in a second event.',
    });
    const reopened = await library.services.events.get(event.id);
    expect(reopened.sessions).toHaveLength(5000);
    expect((await library.services.events.list()).problems).toEqual([]);
  });

  it('still takes changes to its sessions, which add none', async () => {
    const { session } = await library.services.events.updateSession(event.id, 's17', { status: 'covered' });
    expect(session.status).toBe('covered');
  });

  it('refuses an import that would take it over the limit, naming the count, and changes nothing', async () => {
    const csv = `date,start,end,title\n2026-11-02,10:00,10:30,Extra talk\n2026-11-02,11:00,11:30,Another\n`;
    await expect(importProgramme({ services: library.services, fileName: 'more.csv', bytes: Buffer.from(csv), eventId: event.id, dryRun: false })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('would have 5,002 sessions; one event holds at most 5,000'),
    });
    expect((await library.services.events.get(event.id)).sessions).toHaveLength(5000);
  });
});

describe('an event file over a limit (written by another tool or a newer Hallnotes)', () => {
  it('opens as it is, is listed, and the list says what is over instead of moving the event aside', async () => {
    const onDisk = JSON.parse(await readFile(eventFile(), 'utf8'));
    onDisk.sessions.push(...sessions(3, 'extra'));
    await writeFile(eventFile(), JSON.stringify(onDisk));

    const opened = await library.services.events.get(event.id);
    expect(opened.sessions).toHaveLength(5003);
    const { events, problems } = await library.services.events.list();
    expect(events.map((summary) => [summary.id, summary.sessionCount])).toEqual([[event.id, 5003]]);
    expect(problems).toEqual([
      { location: join(library.root, 'events', event.id), message: 'Event "Huge Congress" has 5,003 sessions, more than the 5,000 one event holds. It opens as it is, but no session can be added until some are deleted.' },
    ]);
    // A change that adds nothing is still saved; one that adds is refused.
    await library.services.events.updateSession(event.id, 'extra1', { title: 'Renamed' });
    await expect(library.services.events.addSession(event.id, sessionDraft())).rejects.toMatchObject({ code: 'invalid-argument' });
    expect((await library.services.events.get(event.id)).sessions).toHaveLength(5003);
  });
});
