import { describe, expect, it } from 'vitest';
import { parseProgrammeFile } from '../../electron/services/import/parseProgrammeFile';
import { countMatches, distinctDates, fixtureBytes, fixtureText, parseFixture, programmeDays, sessionTitled } from './programmeFiles';

/**
 * Published programmes from the fixtures, parsed in full. The expected numbers are counted here
 * from the files themselves with plain regular expressions or JSON walks, and written down as
 * literals as well, so a change to a fixture or to an importer shows up either way.
 */
describe('linux_conf_au_2020.ics (TZID=Australia/Brisbane without VTIMEZONE)', () => {
  const text = fixtureText('linux_conf_au_2020.ics');
  const programme = parseFixture('linux_conf_au_2020.ics');

  it('has one session per VEVENT over the dates the events start on', () => {
    expect(countMatches(text, /^BEGIN:VEVENT/gm)).toBe(262);
    expect(programme.sessions).toHaveLength(262);
    const startDates = distinctDates([...text.matchAll(/^DTSTART[^:]*:(\d{8})T/gm)].map((match) => match[1]));
    expect(startDates).toEqual(['20200112', '20200113', '20200114', '20200115', '20200116', '20200117']);
    expect(programmeDays(programme)).toBe(6);
    expect(programme).toMatchObject({ sourceFormat: 'ics', title: 'linux.conf.au 2020', timezone: 'Australia/Brisbane', timezoneFromFile: true });
  });

  it('keeps Brisbane wall-clock times, unfolds lines and unescapes text', () => {
    expect(sessionTitled(programme, 'Conference Opening')).toMatchObject({
      sourceId: '104@lca2020.linux.org.au',
      date: '2020-01-13',
      start: '09:00',
      end: '10:10',
      room: 'Arena',
      speakers: [{ name: 'Joel Addison', role: '', organisation: '' }],
      description: 'Speaker: Joel Addison\nThe official launch of linux.conf.au 2020.',
    });
    const snek = sessionTitled(programme, 'Snek: A Python-Inspired Language for Tiny Embedded Computers');
    expect(snek).toMatchObject({ date: '2020-01-15', start: '10:45', end: '11:30', speakers: [{ name: 'Keith Packard' }] });
    expect(snek.description).toContain('Tiny embedded computers, like the original Arduino, are great for\nautomating simple tasks.');
  });

  it('converts through the IANA database when shown in another zone (Brisbane has no summer time, Melbourne has)', () => {
    const inMelbourne = parseFixture('linux_conf_au_2020.ics', { timeZone: 'Australia/Melbourne' });
    expect(inMelbourne.timezone).toBe('Australia/Melbourne');
    expect(sessionTitled(inMelbourne, 'Conference Opening')).toMatchObject({ date: '2020-01-13', start: '10:00', end: '11:10' });
  });

  it('reduces HTML descriptions to text', () => {
    const breakfast = programme.sessions.find((session) => session.sourceId === '201@lca2020.linux.org.au')!;
    expect(breakfast.description).toBe(
      'Women of Open Technology Breakfast, Presented by ThoughtWorks\n\nOnly for attendees with a ticket.\n\nGold Coast Convention and Exhibition Centre, Room 5',
    );
    expect(breakfast).toMatchObject({ date: '2020-01-14', start: '07:00', end: '09:00', room: 'Room 5' });
  });
});

describe('kielux_2020.ics (UTC times, speakers as ATTENDEE;CN=)', () => {
  const text = fixtureText('kielux_2020.ics');
  const programme = parseFixture('kielux_2020.ics');

  it('has one session per VEVENT', () => {
    expect(countMatches(text, /^BEGIN:VEVENT/gm)).toBe(24);
    expect(programme.sessions).toHaveLength(24);
    expect(distinctDates([...text.matchAll(/^DTSTART:(\d{8})T/gm)].map((match) => match[1]))).toEqual(['20200918', '20200919']);
    expect(programmeDays(programme)).toBe(2);
    expect(programme).toMatchObject({ title: '18. Kieler Open Source und Linux Tage', timezone: 'UTC', timezoneFromFile: false });
  });

  it('reads attendees as speakers and shows UTC times in the zone asked for', () => {
    expect(sessionTitled(programme, 'Xen - ist das nicht tot?')).toMatchObject({
      sourceId: '467@KOLT20',
      date: '2020-09-18',
      start: '12:00',
      end: '13:00',
      room: 'Ravensberg',
      speakers: [{ name: 'Jürgen Groß', role: '', organisation: '' }],
    });
    const inKiel = parseFixture('kielux_2020.ics', { timeZone: 'Europe/Berlin' });
    expect(sessionTitled(inKiel, 'Xen - ist das nicht tot?')).toMatchObject({ date: '2020-09-18', start: '14:00', end: '15:00' });
    expect(sessionTitled(inKiel, 'LibreOffice Writer - Kurs für Ein- und Umsteiger')).toMatchObject({
      date: '2020-09-19',
      start: '14:00',
      end: '16:00',
      room: 'Laboe',
      speakers: [{ name: 'Jean-Frederic Vogelbacher' }],
    });
  });

  it('strips the inline HTML of descriptions', () => {
    const xen = sessionTitled(programme, 'Xen - ist das nicht tot?');
    expect(xen.description).toContain('Xen war lange Zeit die Plattform zur Virtualisierung');
  });
});


/**
 * RFC 5545 §3.1: lines are folded at 75 octets, and "a sequence of octets" may be split inside a
 * multi-byte UTF-8 character; unfolding must restore it. Some producers (Outlook, PHP libraries)
 * fold that way. These published calendars are unfolded and folded again exactly at 75 octets,
 * and must read as they do folded by their own producers.
 */
describe('calendars folded inside multi-byte characters', () => {
  function foldAtOctets(bytes: Buffer): Buffer {
    const unfolded = bytes.toString('utf8').replace(/\r?\n[ \t]/g, '');
    const lines: Buffer[] = [];
    for (const line of unfolded.split(/\r?\n/)) {
      let rest = Buffer.from(line, 'utf8');
      lines.push(rest.subarray(0, 75));
      for (rest = rest.subarray(75); rest.length > 0; rest = rest.subarray(74)) lines.push(Buffer.concat([Buffer.from(' '), rest.subarray(0, 74)]));
    }
    return Buffer.from(Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\r\n')])));
  }

  /** A byte 10xxxxxx right after a fold means the fold split a character. */
  function splitsCharacters(bytes: Buffer): number {
    let count = 0;
    for (let index = 0; index + 3 < bytes.length; index += 1) {
      if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a && bytes[index + 2] === 0x20 && (bytes[index + 3] & 0xc0) === 0x80) count += 1;
    }
    return count;
  }

  it.each(['kielux_2020.ics', 'linux_conf_au_2020.ics'])('%s reads the same', (name) => {
    const refolded = foldAtOctets(fixtureBytes(name));
    expect(splitsCharacters(refolded)).toBeGreaterThan(0);
    expect(parseProgrammeFile(name, refolded)).toEqual(parseFixture(name));
  });
});
