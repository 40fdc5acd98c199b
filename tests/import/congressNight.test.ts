import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dateOfDay } from '../../shared/model/calendar';
import { sessionOnNow } from '../../shared/model/onNow';
import { sessionDate } from '../../shared/model/sessionTime';
import { importProgramme } from '../../electron/services/import/importProgramme';
import { createTempLibrary, type TempLibrary } from '../helpers/tempLibrary';
import { fixtureBytes, parseFixture, sessionTitled } from './programmeFiles';

/** 36C3's day 1 runs 11:00 to 04:00; Hacker Jeopardy starts at 00:50 on 28 December and is part of day 1. */
describe('a congress day that runs past midnight (36c3-day1-ada.xml)', () => {
  it('keeps the night in the day the programme lists it under', () => {
    const programme = parseFixture('36c3-day1-ada.xml');
    expect(programme.sessions).toHaveLength(11);
    expect([programme.startDate, programme.endDate]).toEqual(['2019-12-27', '2019-12-27']);
    expect(sessionTitled(programme, 'Hacker Jeopardy')).toMatchObject({ date: '2019-12-28', programmeDate: '2019-12-27', start: '00:50', end: '02:50', kind: 'panel' });
    expect(programme.sessions.slice(-3).map((session) => session.title)).toEqual([
      'Practical Cache Attacks from the Network and Bad Cat Puns',
      'SIM card technology from A-Z',
      'Hacker Jeopardy',
    ]);
  });

  it('reads the zone from the +01:00 offsets, since the file names none, and says so', () => {
    const programme = parseFixture('36c3-day1-ada.xml');
    expect(programme).toMatchObject({ timezone: 'Europe/Berlin', timezoneFromFile: false });
    expect(programme.warnings.map((warning) => warning.message)).toContain(
      'The file names no time zone, but its times carry the UTC offset +01:00, so they are shown in Europe/Berlin time. If the venue is in another zone with the same offset, choose it.',
    );
  });

  describe('imported into a library', () => {
    let library: TempLibrary;
    beforeEach(async () => {
      library = await createTempLibrary();
    });
    afterEach(() => library.cleanup());

    it('stores the night session on day 1, after 23:30, with its real date and time', async () => {
      const summary = await importProgramme({ services: library.services, fileName: '36c3-day1-ada.xml', bytes: fixtureBytes('36c3-day1-ada.xml'), dryRun: false });
      expect(summary).toMatchObject({ days: 1, added: 11, timezone: 'Europe/Berlin' });
      const event = await library.services.events.get(summary.eventId!);
      expect(event.sessions.slice(-2).map((session) => [session.title, session.day, session.start, session.afterMidnight])).toEqual([
        ['SIM card technology from A-Z', 1, '23:30', undefined],
        ['Hacker Jeopardy', 1, '00:50', true],
      ]);
      const jeopardy = event.sessions.at(-1)!;
      expect(sessionDate(event, jeopardy)).toBe('2019-12-28');
      expect(dateOfDay(event.startDate, jeopardy.day)).toBe('2019-12-27');
      // At 01:30 on the 28th in Hamburg, Hacker Jeopardy is running.
      expect(sessionOnNow(event, Date.parse('2019-12-28T00:30:00Z'))).toEqual({ day: 1, sessionId: jeopardy.id, reason: 'running' });

      const again = await importProgramme({ services: library.services, fileName: '36c3-day1-ada.xml', bytes: fixtureBytes('36c3-day1-ada.xml'), eventId: event.id, dryRun: true });
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 11 });
    });
  });
});
