import { describe, expect, it } from 'vitest';
import { sessionKindFrom } from '../../electron/services/import/sessionKind';
import { countMatches, fixtureText, names, parseFixture, parseText, programmeDays, sessionTitled } from './programmeFiles';

/**
 * More programmes as conferences published them (provenance in tests/fixtures/README.md), each
 * from a producer not covered by the other fixtures. Expected numbers are counted from the files
 * with plain regular expressions and written down as literals too.
 */
describe('romhack_camp_2026.xml (schedule.xml by pretalx 2026.2, nights past midnight)', () => {
  const text = fixtureText('romhack_camp_2026.xml');
  const programme = parseFixture('romhack_camp_2026.xml');

  it('has one session per <event> on the three days of the camp, in Rome’s time', () => {
    expect(countMatches(text, /<event guid=/g)).toBe(10);
    expect(programme.sessions).toHaveLength(10);
    expect(programmeDays(programme)).toBe(3);
    expect(programme).toMatchObject({ sourceFormat: 'frab-xml', title: 'RomHack Camp 2026', timezone: 'Europe/Rome', timezoneFromFile: true, startDate: '2026-10-02', endDate: '2026-10-04', warnings: [] });
  });

  it('keeps the end of a session that runs past midnight, on the day it starts', () => {
    expect(sessionTitled(programme, 'After Dark - Friday Music Session (DJ TBA)')).toMatchObject({ date: '2026-10-02', start: '22:30', end: '00:30', endsNextDay: true, room: 'STAGE 1' });
    // Fifteen hours: from Friday 17:00 to Saturday 08:00.
    expect(sessionTitled(programme, 'Community CTF by fibonhack')).toMatchObject({ date: '2026-10-02', start: '17:00', end: '08:00', endsNextDay: true, room: 'WORKSHOP 2' });
    expect(sessionTitled(programme, 'Hacker Cinema Night - Sneakers (1992)')).toMatchObject({ start: '20:30', end: '22:30' });
    expect(sessionTitled(programme, 'Hacker Cinema Night - Sneakers (1992)').endsNextDay).toBeUndefined();
  });

  it('decodes named and numeric character references, emoji included, and lists every person', () => {
    expect(sessionTitled(programme, 'Presentazione libro "L\'inganno dell\'Automa" di Carola Frediani')).toMatchObject({ date: '2026-10-03', start: '11:30', end: '12:10' });
    const ctf = sessionTitled(programme, 'Community CTF by fibonhack');
    expect(ctf.description).toContain('“**From Dusk Till Dawn**”');
    expect(ctf.description).toContain('🚩 Meet the Finalists\n🥇 1st - FR13NDS TEAM - Kazakhstan 🇰🇿');
    expect(names(sessionTitled(programme, 'Community CTF by fibonhack - Award Ceremony'))).toEqual(['Cyber Saiyan', 'fibonhack']);
  });
});

describe('jres-2022-excerpt.ics (conf-ng iCalendar: CHARSET parameters, TZID without VTIMEZONE)', () => {
  const text = fixtureText('jres-2022-excerpt.ics');
  const programme = parseFixture('jres-2022-excerpt.ics');

  it('reads every VEVENT in Paris time, the calendar’s name as the title', () => {
    expect(countMatches(text, /^BEGIN:VEVENT$/gm)).toBe(5);
    expect(programme.sessions).toHaveLength(5);
    expect(programme).toMatchObject({ sourceFormat: 'ics', title: 'JRES 2021/22', timezone: 'Europe/Paris', startDate: '2022-05-17', endDate: '2022-05-17', warnings: [] });
    expect(sessionTitled(programme, '34 - Plateforme d\'enseignement en ligne Moodle en temps de COVID19')).toMatchObject({ start: '16:30', end: '17:10', room: 'Salle Endoume', speakers: [] });
  });

  it('unfolds a description whose escaped line breaks sit on continuation lines of their own', () => {
    const talk = sessionTitled(programme, '182 - Numérique : Enjeux géopolitiques, externalités environnementales et chaînes de dépendance');
    expect(talk).toMatchObject({ start: '14:00', end: '16:00', room: 'Amphithéâtre 1600' });
    expect(talk.description).toMatch(/^Les interdépendances du monde numérique commencent par les territoires, leurs richesses, leur géographie, leur histoire…\nEt, aujourd'hui, aucun acteur/);
    expect(talk.description).not.toContain('\\n');
  });

  it('knows a French programme’s breaks: Pause and Buffet are not talks', () => {
    expect(sessionTitled(programme, 'Pause')).toMatchObject({ kind: 'break', start: '16:00', end: '16:30' });
    expect(sessionTitled(programme, 'Buffet')).toMatchObject({ kind: 'break', start: '12:30', end: '14:00' });
    expect(sessionTitled(programme, 'Accueil congressistes').kind).toBe('plenary');
  });
});

describe('break titles in the languages conferences publish in', () => {
  it.each(['Pause', 'Pause café', 'Pause déjeuner', 'Déjeuner', 'Buffet', 'Kaffeepause', 'Mittagspause', 'Mittagessen', 'Pausa', 'Pausa caffè', 'Pausa pranzo', 'Pranzo', 'Almuerzo', 'Coffee break', 'Lunch'])('“%s” is a break', (title) => {
    expect(sessionKindFrom([], title)).toBe('break');
  });

  it.each(['Pause and reflect: mindful deploys', 'Lunch with Rust', 'Buffet overflow exploitation', 'Pausa: a new scheduler'])('“%s” stays a talk', (title) => {
    expect(sessionKindFrom([], title)).toBe('plenary');
  });
});

describe('exchange-2010-calendar.ics (a calendar exported by Microsoft Exchange: Windows zone names)', () => {
  const text = fixtureText('exchange-2010-calendar.ics');
  /** The file's header (with its VTIMEZONE) and one of its VEVENTs, as a calendar of one event. */
  const withEvent = (index: number) => {
    const [header, ...events] = text.split('BEGIN:VEVENT');
    return `${header}BEGIN:VEVENT${events[index]}`;
  };

  it('is refused as a whole, naming the file: months of office appointments are not one event', () => {
    expect(() => parseFixture('exchange-2010-calendar.ics')).toThrow('exchange-2010-calendar.ics: it runs from 2024-07-01 to 2024-10-04 (96 days); an event lasts at most 31 days.');
  });

  it('reads “GMT Standard Time” as the zone it names (Europe/London), not as a zone guessed from offsets', () => {
    const programme = parseText('exchange.ics', withEvent(2));
    expect(programme).toMatchObject({ title: 'Kalender', timezone: 'Europe/London', timezoneFromFile: true, warnings: [] });
    expect(programme.sessions).toMatchObject([{ title: 'outlook event with alarm', date: '2024-10-04', start: '18:30', end: '19:00' }]);
  });

  it('reads a Windows zone name that no VTIMEZONE defines, instead of refusing the file', () => {
    const berlin = withEvent(2)
      .replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '')
      .replaceAll('TZID=GMT Standard Time', 'TZID=W. Europe Standard Time');
    const programme = parseText('outlook.ics', berlin);
    expect(programme).toMatchObject({ timezone: 'Europe/Berlin', timezoneFromFile: true, warnings: [] });
    expect(programme.sessions).toMatchObject([{ date: '2024-10-04', start: '18:30', end: '19:00' }]);
  });
});
