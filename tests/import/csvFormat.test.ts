import { describe, expect, it } from 'vitest';
import { parseProgrammeFile } from '../../electron/services/import/parseProgrammeFile';
import { fixtureText, parseFailure, parseText, sessionTitled } from './programmeFiles';

describe('CSV programmes', () => {
  it('reads a comma-separated file with quoted fields, any header case and speakers with roles', () => {
    const programme = parseText(
      'agenda.csv',
      [
        '\ufeffDate,Start,END,Title,Speakers,Room,Kind',
        '2026-11-02,9:00,09:45,"Opening keynote: why, and how","Jane Doe (CEO, Acme, Inc.); Max Mustermann (Example GmbH)",Main stage,keynote',
        '2026-11-02,10:00,,"A ""quoted"" title","Ada Lovelace",Room 2,',
        '2026-11-03,12:30,13:30,Lunch,,Foyer,break',
        '2026-11-03,14:00,15:30,"Hands-on: Rust',
        'for reporters",Procter and Gamble (Moderator),Lab,Workshop',
      ].join('\r\n'),
    );
    expect(programme).toMatchObject({ sourceFormat: 'csv', timezone: 'UTC', timezoneFromFile: false, startDate: '2026-11-02', endDate: '2026-11-03' });
    expect(programme.sessions).toHaveLength(4);
    expect(sessionTitled(programme, 'Opening keynote: why, and how')).toMatchObject({
      date: '2026-11-02',
      start: '09:00',
      end: '09:45',
      room: 'Main stage',
      kind: 'keynote',
      speakers: [
        { name: 'Jane Doe', role: 'CEO', organisation: 'Acme, Inc.' },
        { name: 'Max Mustermann', role: '', organisation: 'Example GmbH' },
      ],
    });
    expect(sessionTitled(programme, 'A "quoted" title')).toMatchObject({ start: '10:00', end: null, kind: 'plenary', speakers: [{ name: 'Ada Lovelace' }] });
    expect(sessionTitled(programme, 'Lunch')).toMatchObject({ date: '2026-11-03', kind: 'break', speakers: [] });
    // A line break inside quotes stays one field; "and" never splits a speaker.
    expect(sessionTitled(programme, 'Hands-on: Rust for reporters')).toMatchObject({
      kind: 'workshop',
      speakers: [{ name: 'Procter and Gamble', role: '', organisation: 'Moderator' }],
    });
  });

  it('detects semicolons as the separator and takes the times in the zone asked for', () => {
    const programme = parseText(
      'agenda.csv',
      ['title;date;start;end;room;speakers', 'Keynote, part 1;2026-05-10;09:00;10:00;Saal 1;"Erika Musterfrau (Ministerin, BMBF); Hans Beispiel"', 'Panel;10.05.2026;10:30;11:30;Saal 2;'].join('\n'),
      { timeZone: 'Europe/Berlin' },
    );
    expect(programme.timezone).toBe('Europe/Berlin');
    expect(sessionTitled(programme, 'Keynote, part 1')).toMatchObject({
      start: '09:00',
      room: 'Saal 1',
      speakers: [
        { name: 'Erika Musterfrau', role: 'Ministerin', organisation: 'BMBF' },
        { name: 'Hans Beispiel', role: '', organisation: '' },
      ],
    });
    expect(sessionTitled(programme, 'Panel')).toMatchObject({ date: '2026-05-10', kind: 'panel' });
  });

  it('matches sessions of a re-import by a synthesised id when the file has no id column', () => {
    const programme = parseText('agenda.csv', 'date,start,title\n2026-05-10,09:00,Opening');
    expect(programme.sessions[0].sourceId).toBe('2026-05-10T09:00 Opening');
    const withIds = parseText('agenda.csv', 'id,date,start,title\ntalk-42,2026-05-10,09:00,Opening');
    expect(withIds.sessions[0].sourceId).toBe('talk-42');
  });

  it.each([
    ['a date that does not exist', 'date,start,title\n2026-02-10,09:00,Fine\n2026-02-30,10:00,Nope', 'agenda.csv: line 3: the date 2026-02-30 does not exist.'],
    ['a date in another notation', 'date,start,title\n02/10/2026,09:00,Ambiguous', 'agenda.csv: line 2: the date "02/10/2026" is not written YYYY-MM-DD.'],
    ['a start that is not a time', 'date,start,title\n2026-02-10,9am,Morning', 'agenda.csv: line 2: the start time "9am" is not a time written HH:MM (24-hour).'],
    ['an end at 24:00', 'date,start,end,title\n2026-02-10,23:00,24:00,Late', 'agenda.csv: line 2: the end time "24:00" is not a time written HH:MM (24-hour).'],
    ['an empty title', 'date,start,title\n2026-02-10,09:00,', 'agenda.csv: line 2: the title is empty.'],
    ['an unclosed quote', 'date,start,title\n2026-02-10,09:00,"Never closed', /^agenda\.csv: the CSV could not be read: Quote Not Closed/],
  ])('refuses %s, naming the line', (_label, text, message) => {
    const error = parseFailure('agenda.csv', text);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('says which required columns are missing', () => {
    expect(parseFailure('agenda.csv', 'when,what\n2026-02-10,Talk').message).toBe(
      'agenda.csv: the header row must name the columns date, start and title (also understood: end, speakers, room, kind, track, description, id); date, start, title are missing (the header row reads: when, what).',
    );
  });
});

/**
 * Excel on Windows saves "CSV" in Windows-1252. The rows here are real (Global Azure Austria 2024's
 * Sessionize export in the fixtures), written as German Excel writes them: `;` between cells,
 * CRLF, Windows-1252 bytes.
 */
describe('a CSV saved by Excel on Windows', () => {
  const sessionize = JSON.parse(fixtureText('sessionize-global-azure-austria-2024.json')) as {
    sessions: { title: string; startsAt: string; endsAt: string; roomId: number }[];
    rooms: { id: number; name: string }[];
  };
  const rows = sessionize.sessions.map((session) => {
    const room = sessionize.rooms.find((candidate) => candidate.id === session.roomId)!.name;
    return [session.startsAt.slice(0, 10), session.startsAt.slice(11, 16), session.endsAt.slice(11, 16), `"${session.title.replaceAll('"', '""')}"`, room].join(';');
  });
  const bytes = Buffer.from(['date;start;end;title;room', ...rows].join('\r\n') + '\r\n', 'latin1');

  it('is not UTF-8, and holds the umlauts as single Windows-1252 bytes', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.includes(Buffer.from([0xfc]))).toBe(true);
  });

  it('is imported as Windows-1252, with a note in the preview', () => {
    const programme = parseProgrammeFile('Agenda 2024.csv', bytes);
    expect(programme.sessions).toHaveLength(14);
    expect(sessionTitled(programme, 'Vom Wort zum Vektor - Embeddings als Grundlage für moderne KI-Lösungen')).toMatchObject({ date: '2024-04-20', start: '11:00', end: '11:45', room: 'Aula' });
    expect(programme.warnings.map((warning) => warning.message)).toEqual([
      'The file is not UTF-8 but Windows-1252, as Excel on Windows saves CSV files; it was read as Windows-1252. Check that names with accents look right.',
    ]);
  });
});
