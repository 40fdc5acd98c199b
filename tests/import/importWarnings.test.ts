import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportWarning } from '../../shared/model/importSummary';
import { importProgramme } from '../../electron/services/import/importProgramme';
import { createTempLibrary, type TempLibrary } from '../helpers/tempLibrary';
import { fixtureText, parseText, sessionTitled } from './programmeFiles';

const ICS_HEAD = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n';

function warningAbout(warnings: ImportWarning[], pattern: RegExp): ImportWarning {
  const found = warnings.find((warning) => pattern.test(warning.message));
  if (!found) throw new Error(`no warning matching ${pattern}; got ${JSON.stringify(warnings.map((warning) => warning.message))}`);
  return found;
}

/** Issue 18: bad input is imported where it can be, and the preview says which sessions and what was done. */
describe('bad input, said clearly', () => {
  it('an end before its start: the session has no end, and the preview names it', () => {
    const programme = parseText('agenda.csv', 'date,start,end,title\n2026-05-10,10:00,09:00,Backwards talk\n2026-05-10,11:00,11:30,Fine talk\n');
    expect(sessionTitled(programme, 'Backwards talk').end).toBeNull();
    expect(warningAbout(programme.warnings, /end before they start/)).toEqual({
      message: 'These sessions end before they start in the file; they were imported without an end time.',
      sessions: ['"Backwards talk" (2026-05-10 10:00)'],
      sessionCount: 1,
    });
  });

  it('a 99:99 duration in schedule.xml: no end, and the preview quotes it', () => {
    const text = fixtureText('debconf23.xml').replace('<duration>00:20</duration>', '<duration>99:99</duration>');
    const programme = parseText('debconf23.xml', text);
    const warning = warningAbout(programme.warnings, /duration/);
    expect(warning.message).toBe('These sessions have a duration that is not a length of time written HH:MM (the file says "99:99"); they were imported without an end time.');
    expect(warning.sessionCount).toBe(1);
    expect(sessionTitled(programme, warning.sessions[0].replace(/^"(.*)" \(.*$/, '$1')).end).toBeNull();
  });

  it('a +9999 UTC offset in schedule.json: the programme day and start time are used, and the preview says so', () => {
    const text = fixtureText('pretalx-democon.json').replace('"date": "2020-12-14T09:00:00+01:00"', '"date": "2020-12-14T09:00:00+9999"');
    const programme = parseText('democon.json', text);
    expect(sessionTitled(programme, 'Focused 5thgeneration hardware')).toMatchObject({ date: '2020-12-14', start: '09:00', end: '09:30' });
    expect(warningAbout(programme.warnings, /offset/)).toEqual({
      message: 'These sessions have a date whose UTC offset no clock shows (such as "+9999"); their start time and day in the programme are used instead.',
      sessions: ['"Focused 5thgeneration hardware" (2020-12-14 09:00)'],
      sessionCount: 1,
    });
  });

  it('a +9999 offset in a schedule.json v2 time: taken as written, and said', () => {
    const text = fixtureText('hub-schedule2.json').replace('"start": "2024-12-27T10:30:00+01:00"', '"start": "2024-12-27T10:30:00+9999"');
    const programme = parseText('hub.json', text);
    expect(sessionTitled(programme, '38C3: Opening Ceremony')).toMatchObject({ date: '2024-12-27', start: '10:30' });
    expect(warningAbout(programme.warnings, /offset/).sessions).toEqual(['"38C3: Opening Ceremony" (2024-12-27 10:30)']);
  });

  it('a FREQ=SECONDLY rule is cut at 500 occurrences, and the preview says so', () => {
    const ics = `${ICS_HEAD}BEGIN:VEVENT\r\nUID:tick\r\nDTSTART:20260310T090000Z\r\nDURATION:PT1S\r\nRRULE:FREQ=SECONDLY;COUNT=100000\r\nSUMMARY:Tick\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const programme = parseText('tick.ics', ics);
    expect(programme.sessions).toHaveLength(500);
    expect(warningAbout(programme.warnings, /repeat/)).toEqual({
      message: 'These sessions repeat more than 500 times (FREQ=SECONDLY); only their first 500 occurrences were imported.',
      sessions: ['"Tick" (2026-03-10 09:00)'],
      sessionCount: 1,
    });
  });

  describe('in the import summary the preview shows', () => {
    let library: TempLibrary;
    beforeEach(async () => {
      library = await createTempLibrary();
    });
    afterEach(() => library.cleanup());

    it('carries every warning, on a dry run and on the import itself', async () => {
      const csv = Buffer.from('date,start,end,title\n2026-05-10,10:00,09:00,Backwards talk\n');
      for (const dryRun of [true, false]) {
        const summary = await importProgramme({ services: library.services, fileName: 'agenda.csv', bytes: csv, dryRun });
        expect(summary.warnings.map((warning) => warning.sessions)).toContainEqual(['"Backwards talk" (2026-05-10 10:00)']);
      }
    });
  });
});
