import { describe, expect, it } from 'vitest';
import { countMatches, fixtureText, names, parseFixture, programmeDays, sessionTitled } from './programmeFiles';

/**
 * Published programmes from the fixtures, parsed in full. The expected numbers are counted here
 * from the files themselves with plain regular expressions or JSON walks, and written down as
 * literals as well, so a change to a fixture or to an importer shows up either way.
 */
describe('debconf23.xml (wafer schedule.xml, Asia/Kolkata)', () => {
  const text = fixtureText('debconf23.xml');
  const programme = parseFixture('debconf23.xml');

  it('has one session per <event> and one day per <day>', () => {
    expect(countMatches(text, /<event /g)).toBe(117);
    expect(programme.sessions).toHaveLength(117);
    expect(countMatches(text, /<day /g)).toBe(8);
    expect(programmeDays(programme)).toBe(8);
    expect([programme.startDate, programme.endDate]).toEqual(['2023-09-10', '2023-09-17']);
    expect(programme).toMatchObject({ sourceFormat: 'frab-xml', title: 'DebConf 23', timezone: 'Asia/Kolkata', timezoneFromFile: true });
  });

  it('places sessions on Kolkata dates although wafer writes day dates in UTC', () => {
    // <day date="2023-09-09" start="2023-09-09T21:30:00+00:00">: 03:00 on 10 September in India.
    expect(sessionTitled(programme, 'Opening Ceremony')).toMatchObject({
      sourceId: '455d075f-48c0-2ec2-24b3-f5add30c383a',
      date: '2023-09-10',
      start: '10:30',
      end: '10:50',
      room: 'Anamudi',
      speakers: [{ name: 'Sruthi Chandran', role: '', organisation: '' }],
      track: 'Community, diversity, local outreach and social context',
      description: 'Welcome to DebConf23',
    });
    const closing = sessionTitled(programme, 'Closing Ceremony');
    expect(closing).toMatchObject({ date: '2023-09-17', start: '18:00', end: '18:45', room: 'Anamudi' });
    const bof = sessionTitled(programme, 'DebConf 24 BoF');
    expect(bof).toMatchObject({ date: '2023-09-17', start: '16:30', end: '17:15', kind: 'break-out' });
    expect(names(bof)).toHaveLength(9);
  });

  it('decodes character references and maps meal slots to breaks', () => {
    const story = sessionTitled(programme, 'From 5 to 100: The Debian Brasília Community\'s Story');
    expect(story).toMatchObject({ date: '2023-09-10', start: '18:00', end: '18:45', room: 'Anamudi' });
    expect(names(story)[0]).toBe('Lucas Kanashiro');
    const dinners = programme.sessions.filter((session) => session.title === 'Dinner');
    expect(dinners).toHaveLength(countMatches(text, /<title>Dinner<\/title>/g));
    expect(dinners[0]).toMatchObject({ date: '2023-09-10', start: '19:00', end: '22:30', kind: 'break', room: 'Elsewhere' });
  });
});

describe('fosdem_2021.xml (Pentabarf schedule.xml, no time zone given)', () => {
  const text = fixtureText('fosdem_2021.xml');
  const programme = parseFixture('fosdem_2021.xml');

  it('has all 773 talks over two days', () => {
    expect(countMatches(text, /<event id=/g)).toBe(773);
    expect(programme.sessions).toHaveLength(773);
    expect(countMatches(text, /<day /g)).toBe(2);
    expect(programmeDays(programme)).toBe(2);
    expect(programme.sessions.filter((session) => session.date === '2021-02-06')).toHaveLength(401);
    expect(programme.sessions.filter((session) => session.date === '2021-02-07')).toHaveLength(372);
  });

  it('takes the times as written, since the file names no zone', () => {
    expect(programme).toMatchObject({ title: 'FOSDEM 2021', timezone: 'UTC', timezoneFromFile: false });
    expect(sessionTitled(programme, 'Welcome to FOSDEM 2021')).toMatchObject({ sourceId: '11795', date: '2021-02-06', start: '09:00', end: '09:25', room: 'K.fosdem', speakers: [] });
    expect(sessionTitled(programme, 'Empowering the school of the future')).toMatchObject({
      date: '2021-02-06',
      start: '10:00',
      end: '10:30',
      room: 'M.community',
      track: 'Community',
      speakers: [
        { name: 'Marco Marinello', role: '', organisation: '' },
        { name: 'Paolo Dongilli', role: '', organisation: '' },
      ],
    });
    expect(sessionTitled(programme, 'Closing FOSDEM 2021')).toMatchObject({ date: '2021-02-07', start: '18:00', end: '18:10', speakers: [{ name: 'FOSDEM Staff' }] });
    expect(sessionTitled(programme, 'The Virtual FOSDEM Infodesk (Sunday)')).toMatchObject({ date: '2021-02-07', start: '09:00', end: '18:00', room: 'I.infodesk' });
  });

  it('turns the HTML abstracts into plain text', () => {
    const welcome = sessionTitled(programme, 'Welcome to FOSDEM 2021');
    expect(welcome.description).toBe('FOSDEM welcome and opening talk.\n\nWelcome to FOSDEM 2021!');
    expect(programme.sessions.some((session) => /<\/?(p|a|em|strong|ul|ol|li|br|div|code|pre|h\d)\b/i.test(session.description ?? ''))).toBe(false);
    // `&lt;em&gt;Option&amp;lt;T&gt;&lt;/em&gt;` is HTML for the text "Option<T>", which stays.
    expect(programme.sessions.find((session) => session.sourceId === '11027')!.description).toContain('library is Option<T>,\nwhich is a generic');
  });
});

