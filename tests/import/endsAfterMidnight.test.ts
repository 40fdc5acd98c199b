import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventFileSchema, sessionSchema, type EventFile, type Session } from '../../shared/model/event';
import { eventMomentAt } from '../../shared/model/eventMoment';
import { runningSessionIds, sessionOnNow } from '../../shared/model/onNow';
import { sessionEndDate } from '../../shared/model/sessionTime';
import { importProgramme } from '../../electron/services/import/importProgramme';
import { formatTimeRange } from '../../renderer/ui/format';
import { createCliFixture } from '../cli/cliFixture';
import { createTempLibrary, type TempLibrary } from '../helpers/tempLibrary';
import { fixtureBytes, parseFixture, parseText, sessionTitled } from './programmeFiles';

/**
 * 36C3's "SIM card technology from A-Z" starts at 23:30 on 27 December for an hour: it ends at
 * 00:30 on the 28th. A session keeps that end (`endsNextDay`) instead of losing it.
 */
const SIM_CARDS = 'SIM card technology from A-Z';
const JEOPARDY = 'Hacker Jeopardy';

function lateCalendar(): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hallnotes tests//EN',
    'X-WR-TIMEZONE:Europe/Berlin',
    'BEGIN:VEVENT',
    'UID:late-1',
    'DTSTART;TZID=Europe/Berlin:20260312T233000',
    'DTEND;TZID=Europe/Berlin:20260313T003000',
    'SUMMARY:Late night lightning talks',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:marathon-1',
    'DTSTART;TZID=Europe/Berlin:20260312T200000',
    'DTEND;TZID=Europe/Berlin:20260313T220000',
    'SUMMARY:Hack marathon',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('a session that starts before midnight and ends after it', () => {
  it('keeps its end from the 36C3 programme, marked as the next day, without a warning', () => {
    const programme = parseFixture('36c3-day1-ada.xml');
    expect(sessionTitled(programme, SIM_CARDS)).toMatchObject({ date: '2019-12-27', start: '23:30', end: '00:30', endsNextDay: true });
    expect(sessionTitled(programme, JEOPARDY)).toMatchObject({ date: '2019-12-28', start: '00:50', end: '02:50' });
    expect(sessionTitled(programme, JEOPARDY).endsNextDay).toBeUndefined();
    expect(programme.warnings.map((warning) => warning.message).join('\n')).not.toMatch(/midnight/);
  });

  it('keeps its end from an iCalendar event; a session longer than a day still gets none, and the preview says so', () => {
    const programme = parseText('late.ics', lateCalendar());
    expect(sessionTitled(programme, 'Late night lightning talks')).toMatchObject({ date: '2026-03-12', start: '23:30', end: '00:30', endsNextDay: true });
    expect(sessionTitled(programme, 'Hack marathon')).toMatchObject({ start: '20:00', end: null });
    expect(programme.warnings).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/more than a day/) }));
  });

  it('is valid in event.json only with an end at or before its start; older files without the field still read', () => {
    const base = { id: 's1', day: 1, start: '23:30', end: '00:30', title: 'Late' };
    expect(sessionSchema.safeParse(base).success).toBe(false);
    expect(sessionSchema.parse({ ...base, endsNextDay: true })).toMatchObject({ end: '00:30', endsNextDay: true });
    expect(sessionSchema.safeParse({ ...base, end: '23:45', endsNextDay: true }).error?.issues[0]).toMatchObject({ path: ['end'] });
    expect(sessionSchema.safeParse({ ...base, end: null, endsNextDay: true }).error?.issues[0]).toMatchObject({ path: ['end'] });
    expect(sessionSchema.parse({ ...base, end: '23:45' }).endsNextDay).toBeUndefined();
  });

  it('runs until its real end, also past the hour an open-ended session would get', () => {
    const session = sessionSchema.parse({ id: 'late', day: 1, start: '22:00', end: '01:30', endsNextDay: true, title: 'Late', kind: 'plenary', room: 'Saal 1', status: 'planned', speakers: [] });
    const event = { startDate: '2026-03-12', endDate: '2026-03-13', timezone: 'Europe/Berlin', sessions: [session] } as EventFile;
    expect(runningSessionIds(event, { day: 2, minutes: 60 + 20 })).toEqual(new Set(['late']));
    expect(runningSessionIds(event, { day: 2, minutes: 90 })).toEqual(new Set());
  });

  it('shows as "23:30–00:30"', () => {
    expect(formatTimeRange({ start: '23:30', end: '00:30', endsNextDay: true })).toBe('23:30–00:30');
  });

  describe('imported into a library', () => {
    let library: TempLibrary;
    beforeEach(async () => {
      library = await createTempLibrary();
    });
    afterEach(() => library.cleanup());

    async function importCongress(): Promise<EventFile> {
      const summary = await importProgramme({ services: library.services, fileName: '36c3-day1-ada.xml', bytes: fixtureBytes('36c3-day1-ada.xml'), dryRun: false });
      return library.services.events.get(summary.eventId!);
    }
    const titled = (event: EventFile, title: string): Session => event.sessions.find((session) => session.title === title)!;

    it('stores the end, sorts it before the night, and has its real end date', async () => {
      const event = await importCongress();
      const sims = titled(event, SIM_CARDS);
      expect(sims).toMatchObject({ day: 1, start: '23:30', end: '00:30', endsNextDay: true });
      expect(event.sessions.slice(-2).map((session) => session.title)).toEqual([SIM_CARDS, JEOPARDY]);
      expect(sessionEndDate(event, sims)).toBe('2019-12-28');
      expect(sessionEndDate(event, titled(event, JEOPARDY))).toBe('2019-12-28');
      expect(sessionEndDate(event, event.sessions[0])).toBe('2019-12-27');
      expect(eventFileSchema.safeParse(event).success).toBe(true);
    });

    it('is on now until 00:30, and not after', async () => {
      const event = await importCongress();
      const sims = titled(event, SIM_CARDS);
      const jeopardy = titled(event, JEOPARDY);
      // Hamburg is UTC+1 in December.
      expect(sessionOnNow(event, Date.parse('2019-12-27T23:20:00Z'))).toEqual({ day: 1, sessionId: sims.id, reason: 'running' });
      expect(runningSessionIds(event, eventMomentAt(event, Date.parse('2019-12-27T23:29:00Z')))).toEqual(new Set([sims.id]));
      expect(runningSessionIds(event, eventMomentAt(event, Date.parse('2019-12-27T23:30:00Z')))).toEqual(new Set());
      expect(runningSessionIds(event, eventMomentAt(event, Date.parse('2019-12-27T23:40:00Z')))).toEqual(new Set());
      expect(sessionOnNow(event, Date.parse('2019-12-27T23:40:00Z'))?.sessionId).toBe(jeopardy.id);
    });

    it('re-imports unchanged, and an event imported before the end was kept gains it', async () => {
      const event = await importCongress();
      const again = await importProgramme({ services: library.services, fileName: '36c3-day1-ada.xml', bytes: fixtureBytes('36c3-day1-ada.xml'), eventId: event.id, dryRun: true });
      expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 11 });

      // As an earlier Hallnotes stored it: no end.
      const sims = titled(event, SIM_CARDS);
      await library.services.events.updateSession(event.id, sims.id, { end: null });
      expect(titled(await library.services.events.get(event.id), SIM_CARDS).endsNextDay).toBeUndefined();
      const update = await importProgramme({ services: library.services, fileName: '36c3-day1-ada.xml', bytes: fixtureBytes('36c3-day1-ada.xml'), eventId: event.id, dryRun: false });
      expect(update).toMatchObject({ added: 0, updated: 1 });
      expect(titled(await library.services.events.get(event.id), SIM_CARDS)).toMatchObject({ end: '00:30', endsNextDay: true });
    });

    it('keeps the next-day end through an edit of other fields, and drops it once the end is moved after the start', async () => {
      const event = await importCongress();
      const sims = titled(event, SIM_CARDS);
      // What the session form sends: every field it shows, none of the bookkeeping.
      const { session: renamed } = await library.services.events.updateSession(event.id, sims.id, { day: 1, start: '23:30', end: '00:30', title: 'SIM cards A-Z' });
      expect(renamed).toMatchObject({ end: '00:30', endsNextDay: true });
      const { session: shortened } = await library.services.events.updateSession(event.id, sims.id, { end: '23:55' });
      expect(shortened.end).toBe('23:55');
      expect(shortened.endsNextDay).toBeUndefined();
    });

    it('survives a bundle: the colleague who imports it has the same end', async () => {
      const event = await importCongress();
      const other = await createTempLibrary();
      try {
        const outPath = `${library.root}/congress.hallnotes`;
        await library.services.bundles.export(event.id, { outPath, includePrivate: false });
        const result = await other.services.bundles.import({ path: outPath }, 'congress.hallnotes', { dryRun: false });
        const theirs = await other.services.events.get(result.eventId);
        expect(titled(theirs, SIM_CARDS)).toMatchObject({ start: '23:30', end: '00:30', endsNextDay: true });
      } finally {
        await other.cleanup();
      }
    });
  });

  describe('in the CLI', () => {
    it('session list shows 23:30-00:30 and, with --json, the end date', async () => {
      const cli = await createCliFixture();
      try {
        const { writeFile } = await import('node:fs/promises');
        const file = `${cli.root}/36c3.xml`;
        await writeFile(file, fixtureBytes('36c3-day1-ada.xml'));
        await cli.ok('import', file);
        const eventId = JSON.parse(await cli.ok('event', 'list', '--json'))[0].id;
        const table = await cli.ok('session', 'list', eventId);
        expect(table).toMatch(/2019-12-27\s+23:30-00:30\s.*SIM card technology/);
        const listed = JSON.parse(await cli.ok('session', 'list', eventId, '--json')) as Record<string, unknown>[];
        expect(listed.find((session) => session.title === SIM_CARDS)).toMatchObject({ date: '2019-12-27', start: '23:30', end: '00:30', endDate: '2019-12-28' });
        expect(listed.find((session) => session.title === JEOPARDY)).toMatchObject({ date: '2019-12-28', start: '00:50', end: '02:50', endDate: '2019-12-28' });
        expect(listed[0]).toMatchObject({ date: '2019-12-27', endDate: '2019-12-27' });
      } finally {
        await cli.cleanup();
      }
    });
  });
});
