import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionStartMinute } from '../../shared/model/sessionTime';
import { importProgramme } from '../../electron/services/import/importProgramme';
// @ts-expect-error The generator is plain JavaScript (scripts/), run by node and by this test.
import { congressProgramme } from '../../scripts/congress-programme.mjs';
import { createTempLibrary, type TempLibrary } from '../helpers/tempLibrary';

/** The congress-size programme `scripts/congress-programme.mjs` builds (36C3's shape, FOSDEM 2021's talks). */
describe('a congress of 1,351 sessions in 20 rooms over 5 days that run past midnight', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await createTempLibrary();
  });
  afterEach(() => library.cleanup());

  it('imports whole: every session, 20 rooms in parallel, each night in its day', async () => {
    const xml = (congressProgramme as (options?: object) => string)();
    expect(xml.match(/<event /g)).toHaveLength(1351);
    const summary = await importProgramme({ services: library.services, fileName: 'congress.xml', bytes: Buffer.from(xml), dryRun: false });
    expect(summary).toMatchObject({ added: 1351, days: 5, startDate: '2019-12-27', endDate: '2019-12-31', timezone: 'Europe/Berlin' });
    const event = await library.services.events.get(summary.eventId!);
    expect(new Set(event.sessions.map((session) => session.room)).size).toBe(20);
    const atEleven = event.sessions.filter((session) => session.day === 1 && session.start >= '11:00' && session.start < '11:30');
    expect(atEleven).toHaveLength(20);
    const nights = event.sessions.filter((session) => session.afterMidnight);
    expect(nights.length).toBeGreaterThan(200);
    expect(new Set(nights.map((session) => session.day))).toEqual(new Set([1, 2, 3, 4, 5]));
    // Stored in time order: each day's night after its evening.
    const minutes = event.sessions.map(sessionStartMinute);
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
  });
});
