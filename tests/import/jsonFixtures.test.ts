import { describe, expect, it } from 'vitest';
import { fixtureText, jsonDayCount, jsonEventCount, parseFixture, programmeDays, sessionTitled } from './programmeFiles';

/**
 * Published programmes from the fixtures, parsed in full. The expected numbers are counted here
 * from the files themselves with plain regular expressions or JSON walks, and written down as
 * literals as well, so a change to a fixture or to an importer shows up either way.
 */
describe('frab-camp2019.json (schedule.json v1 from frab)', () => {
  const text = fixtureText('frab-camp2019.json');
  const programme = parseFixture('frab-camp2019.json');

  it('has every event of every room of every day', () => {
    expect(jsonEventCount(text)).toBe(79);
    expect(programme.sessions).toHaveLength(79);
    expect(jsonDayCount(text)).toBe(5);
    expect(programmeDays(programme)).toBe(5);
    expect(programme).toMatchObject({ sourceFormat: 'schedule-json', title: 'Chaos Communication Camp 2019', timezone: 'Europe/Berlin', startDate: '2019-08-21', endDate: '2019-08-25' });
  });

  it('reads times, rooms and persons, and keeps the end of a session running past midnight', () => {
    expect(sessionTitled(programme, 'Opening Ceremony')).toMatchObject({
      sourceId: 'a0a0fcfe-b7fb-46e3-84b6-97a5406016b4',
      date: '2019-08-21',
      start: '11:00',
      end: '11:30',
      room: 'Curie',
      track: 'CCC',
      speakers: [{ name: 'jinxx' }, { name: 'smtw' }],
    });
    expect(sessionTitled(programme, '20 Jahre Camp')).toMatchObject({ date: '2019-08-21', start: '22:00', end: '23:30', room: 'Curie' });
    // 23:00 for 1:30 ends at 00:30 the next day.
    expect(sessionTitled(programme, 'Achtung, Datenpannen!')).toMatchObject({ date: '2019-08-22', start: '23:00', end: '00:30', endsNextDay: true, room: 'Meitner' });
    expect(sessionTitled(programme, 'Visualization of networks using physics')).toMatchObject({ date: '2019-08-25', start: '16:00', end: '16:45', speakers: [{ name: 'aphotic' }] });
  });
});

describe('pretalx-democon.json (schedule.json v1 from pretalx)', () => {
  const text = fixtureText('pretalx-democon.json');
  const programme = parseFixture('pretalx-democon.json');

  it('has every event of every room of every day', () => {
    expect(jsonEventCount(text)).toBe(36);
    expect(programme.sessions).toHaveLength(36);
    expect(jsonDayCount(text)).toBe(3);
    expect(programmeDays(programme)).toBe(3);
    expect(programme).toMatchObject({ title: 'DemoCon', timezone: 'UTC', startDate: '2020-12-14', endDate: '2020-12-16' });
  });

  it('keeps the start times pretalx shows and maps workshops', () => {
    expect(sessionTitled(programme, 'Focused 5thgeneration hardware')).toMatchObject({
      date: '2020-12-14',
      start: '09:00',
      end: '09:30',
      room: 'Gray Room',
      kind: 'plenary',
      speakers: [{ name: 'Brian Robinson' }],
    });
    expect(sessionTitled(programme, 'Inverse motivating array')).toMatchObject({
      date: '2020-12-16',
      start: '09:00',
      end: '10:30',
      room: 'Tan Room',
      kind: 'workshop',
      speakers: [{ name: 'Teresa Terrell' }, { name: 'Stephanie Hudson' }],
    });
  });
});

describe('hub-schedule2.json (schedule.json v2)', () => {
  const text = fixtureText('hub-schedule2.json');
  const programme = parseFixture('hub-schedule2.json');

  it('has the events of schedule.events over the declared days', () => {
    expect(jsonEventCount(text)).toBe(2);
    expect(programme.sessions).toHaveLength(2);
    expect(jsonDayCount(text)).toBe(4);
    expect(programmeDays(programme)).toBe(4);
    expect(programme).toMatchObject({ title: '38C3', timezone: 'Europe/Berlin', startDate: '2024-12-27', endDate: '2024-12-30' });
  });

  it('resolves rooms and tracks by reference and reads participants', () => {
    expect(sessionTitled(programme, '38C3: Opening Ceremony')).toMatchObject({
      sourceId: '270fa44c-821a-577f-8ca3-33e8d4a8c2a7',
      date: '2024-12-27',
      start: '10:30',
      end: '11:00',
      room: 'Saal 1',
      track: 'CCC',
      speakers: [{ name: 'Gabriela Bogk' }, { name: 'Aline Blankertz' }, { name: 'Senficon' }],
    });
    // 00:15 on the night after the first day is on the calendar date it happens.
    expect(sessionTitled(programme, 'A Competitive Time-Trial AI for Need for Speed:')).toMatchObject({
      date: '2024-12-28',
      start: '00:15',
      end: '00:55',
      room: 'Saal ZIGZAG',
      track: 'Hardware & Making',
      speakers: [{ name: 'Sebastian Schwarz' }],
    });
  });
});

describe('invalid-example.json', () => {
  it('is refused with the problems the c3voc schema finds', () => {
    expect(() => parseFixture('invalid-example.json')).toThrow(
      /^invalid-example\.json: it is not a valid schedule\.json: schedule\.rooms is not part of the format .*; schedule\.conference\.days\[0\]\.rooms\.Winterchaos\[0\]\.id: expected number, received string/,
    );
  });
});


describe('pretalx-anyconf-2024.json (schedule.json v1 from pretalx 2.x)', () => {
  it('reads a conference whose rooms have no guid', () => {
    const programme = parseFixture('pretalx-anyconf-2024.json');
    expect(programme).toMatchObject({ title: 'AnyConf 2024', timezone: 'Europe/Brussels', timezoneFromFile: true, startDate: '2024-02-03', endDate: '2024-02-04' });
    expect(programme.sessions.map((session) => [session.sourceId, session.date, session.start, session.end, session.room])).toEqual([
      ['5bb0aa4e-0c0e-5ccd-9523-0ed1ca679039', '2024-02-03', '09:00', '09:25', 'janson'],
      // The second day's talk carries the first day's <date> in the file; the date it names wins.
      ['b8325b99-84af-45a7-806b-5819c79b6dc5', '2024-02-03', '09:00', '09:25', 'janson'],
    ]);
    expect(programme.sessions[0].speakers.map((speaker) => speaker.name)).toEqual(['AnyConf Staff', 'Alice AnyConf']);
  });
});
