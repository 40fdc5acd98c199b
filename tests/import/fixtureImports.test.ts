import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventDayCount } from '../../shared/model/event';
import { importProgramme } from '../../electron/services/import/importProgramme';
import { createTempLibrary, type TempLibrary } from '../helpers/tempLibrary';
import { fixtureBytes } from './programmeFiles';

/** The day and session counts asserted per format in the *Fixtures tests, end to end into a library. */
describe('importing every fixture into a new event', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await createTempLibrary();
  });
  afterEach(async () => {
    await library.cleanup();
  });

  it.each([
    ['debconf23.xml', 8, 117],
    ['fosdem_2021.xml', 2, 773],
    ['linux_conf_au_2020.ics', 6, 262],
    ['kielux_2020.ics', 2, 24],
    ['frab-camp2019.json', 5, 79],
    ['pretalx-democon.json', 3, 36],
    ['hub-schedule2.json', 4, 2],
    ['pretalx-anyconf-2024.json', 2, 2],
    ['sessionize-global-azure-austria-2024.json', 1, 14],
    ['36c3-day1-ada.xml', 1, 11],
    ['google-calendar-export.ics', 1, 1],
  ])('%s becomes an event of %i days and %i sessions', async (name, dayTotal, sessionTotal) => {
    const summary = await importProgramme({ services: library.services, fileName: name, bytes: fixtureBytes(name), dryRun: false });
    expect(summary).toMatchObject({ created: true, days: dayTotal, added: sessionTotal, updated: 0, flagged: 0, removed: 0 });
    const event = await library.services.events.get(summary.eventId!);
    expect(eventDayCount(event)).toBe(dayTotal);
    expect(event.sessions).toHaveLength(sessionTotal);
    expect(new Set(event.sessions.map((session) => session.sourceId)).size).toBe(sessionTotal);
  });
});
