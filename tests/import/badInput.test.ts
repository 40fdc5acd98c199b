import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProgramme } from '../../electron/services/import/importProgramme';
import type { ServiceError } from '../../electron/services/storage/serviceError';
import { createEventWithSessions, createTempLibrary, eventDraft, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';
import { parseProgrammeFile } from '../../electron/services/import/parseProgrammeFile';
import { fixtureBytes, fixtureText, parseFailure } from './programmeFiles';

const ICS_HEAD = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n';

describe('files that are not valid programmes', () => {
  it.each([
    ['truncated XML', 'fosdem_2021.xml', fixtureText('fosdem_2021.xml').slice(0, 50_000), /^fosdem_2021\.xml: the XML ends before <schedule>, <day>, <room>, <event>.* are closed; the file looks truncated\.$/],
    ['XML that is not well-formed', 'schedule.xml', '<schedule><conference><title>A & B</title></conference></schedule>', /^schedule\.xml: the XML is not well-formed at line 1, column \d+: /],
    ['truncated iCalendar', 'lca.ics', fixtureText('linux_conf_au_2020.ics').slice(0, 20_000), /^lca\.ics: the calendar ends before END:VCALENDAR; the file looks truncated\.$/],
    ['truncated JSON', 'camp.json', fixtureText('frab-camp2019.json').slice(0, 5_000), /^camp\.json: it is not valid JSON \(.*\); the file looks truncated\.$/],
    ['a web page saved by mistake', 'programme.html', '<!DOCTYPE html><html><body>Programme</body></html>', /^programme\.html: this is a web page \(HTML\), not a programme file; expected an iCalendar file/],
    ['plain prose', 'notes.txt', 'Remember to buy milk.', /^notes\.txt: this is not a programme Hallnotes can read; expected an iCalendar file \(\.ics\), a frab\/Pentabarf schedule\.xml, a c3voc\/pretalx schedule\.json, Sessionize JSON, or a CSV file/],
    ['an .ics name on other content', 'calendar.ics', 'SUMMARY:no calendar here', /^calendar\.ics: the file is named like an iCalendar file but does not start with BEGIN:VCALENDAR\.$/],
    ['an XML file of another kind', 'feed.xml', '<?xml version="1.0"?><rss><channel/></rss>', /^feed\.xml: this is XML, but not a frab\/Pentabarf schedule\.xml \(its root element is <rss>, not <schedule>\)\.$/],
    ['an empty calendar', 'empty.ics', `${ICS_HEAD}END:VCALENDAR\r\n`, /^empty\.ics: the calendar contains no events \(VEVENT\)\.$/],
    ['a nonexistent date in an iCalendar event', 'feb.ics', `${ICS_HEAD}BEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260230T090000Z\r\nSUMMARY:Leap\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`, /^feb\.ics: event "Leap" has DTSTART 20260230T090000Z, which is not a date and time that exists\.$/],
    ['a nonexistent date in a CSV', 'agenda.csv', 'date,start,title\n2026-02-30,09:00,Leap', /^agenda\.csv: line 2: the date 2026-02-30 does not exist\.$/],
    ['a schedule.json with a nonexistent event date', 'x.json', fixtureText('pretalx-democon.json').replace('"date": "2020-12-14T09:00:00+01:00"', '"date": "2020-02-30T09:00:00+01:00"'), /^x\.json: event "Focused 5thgeneration hardware" \(8079583e-8321-506c-95af-fd2903a5f075\) has the date "2020-02-30T09:00:00\+01:00", which is not a real date and time with an offset\.$/],
    ['a programme longer than 31 days', 'long.csv', 'date,start,title\n2026-01-01,09:00,First\n2026-03-01,09:00,Last', /^long\.csv: it runs from 2026-01-01 to 2026-03-01 \(60 days\); an event lasts at most 31 days\.$/],
  ])('refuses %s with one clear message', (_label, fileName, text, message) => {
    expect(parseFailure(fileName, text).message).toMatch(message);
  });

  it('refuses XML whose own entities would expand without bound', () => {
    const entity = 'x'.repeat(9_000);
    const bomb = `<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY big "${entity}">]><schedule><conference><title>${'&big;'.repeat(50)}</title></conference><day index="1" date="2026-01-01"/></schedule>`;
    expect(parseFailure('bomb.xml', bomb).message).toMatch(/^bomb\.xml: the XML could not be read: .*limit exceeded/);
  });

  it('refuses binary files, naming what they look like', () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256));
    expect(parseFailure('programme.ics', garbage).message).toBe(
      'programme.ics: this is a binary file, not a programme (expected iCalendar, schedule.xml, schedule.json or CSV text).',
    );
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), garbage]);
    expect(parseFailure('schedule.png', png).message).toBe('schedule.png: this is a PNG image, not a programme file.');
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), garbage]);
    expect(parseFailure('agenda.xlsx', zip).message).toBe('agenda.xlsx: this is a ZIP archive (or an Office document such as .xlsx), not a programme file.');
  });

  it('refuses text that is not valid UTF-8 (other than a Windows-1252 CSV), and reads an XML file that declares Latin-1', () => {
    const latin1Calendar = Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20260510T090000Z\r\nSUMMARY:Gr\u00fc\u00dfe\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'latin1');
    expect(parseFailure('agenda.ics', latin1Calendar).message).toBe(
      'agenda.ics: the file is not valid UTF-8 text (it may be saved in another encoding); save it as UTF-8 and import it again.',
    );
    const undefinedByte = Buffer.concat([Buffer.from('date,start,title\n2026-05-10,09:00,Gr', 'latin1'), Buffer.from([0x81, 0x0a])]);
    expect(parseFailure('agenda.csv', undefinedByte).message).toMatch(/^agenda\.csv: the file is not valid UTF-8 text/);
    const latin1Xml = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><schedule><conference><title>K\u00f6ln</title></conference><day index="1" date="2026-05-10"><room name="Saal"><event id="1"><start>09:00</start><duration>00:30</duration><title>Gr\u00fc\u00dfe</title></event></room></day></schedule>',
      'latin1',
    );
    const programme = parseProgrammeFile('koeln.xml', latin1Xml);
    expect(programme.title).toBe('K\u00f6ln');
    expect(programme.sessions[0]).toMatchObject({ title: 'Gr\u00fc\u00dfe', date: '2026-05-10', start: '09:00', end: '09:30', room: 'Saal' });
  });

  it('reads UTF-16 text that starts with a byte order mark', () => {
    const csv = '\ufeffdate,start,title,speakers\n2026-05-10,09:00,\u00c9toile,Zo\u00eb (Host)\n';
    const programme = parseProgrammeFile('excel.csv', Buffer.from(csv, 'utf16le'));
    expect(programme.sessions[0]).toMatchObject({ title: '\u00c9toile', speakers: [{ name: 'Zo\u00eb', role: '', organisation: 'Host' }] });
  });

  it('refuses a file over 20 MB and an empty file', () => {
    expect(parseFailure('huge.ics', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41)).message).toBe('huge.ics: the file is 20.1 MB; a programme file may be at most 20 MB.');
    expect(parseFailure('empty.csv', Buffer.alloc(0)).message).toBe('empty.csv: the file is empty.');
  });

  it('refuses a file with no sessions', () => {
    expect(parseFailure('agenda.csv', 'date,start,title\n').message).toBe('agenda.csv: it contains no sessions.');
  });
});

describe('a failed import', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await createTempLibrary();
  });
  afterEach(async () => {
    await library.cleanup();
  });

  async function libraryFiles(): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    for (const entry of await readdir(library.root, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) {
        const path = join(entry.parentPath, entry.name);
        files[path] = await readFile(path, 'utf8');
      }
    }
    return files;
  }

  async function importFailure(call: Promise<unknown>): Promise<ServiceError> {
    return call.then(
      () => expect.fail('expected the import to fail'),
      (error: ServiceError) => error,
    );
  }

  it('leaves an existing event exactly as it was, even when the problem is on the last line', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Mine' })], eventDraft({ startDate: '2026-11-02', endDate: '2026-11-04' }));
    await library.services.notes.save(event.id, event.sessions[0].id, { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } });
    const before = await libraryFiles();
    const rows = Array.from({ length: 40 }, (_, index) => `2026-11-03,${String(8 + Math.floor(index / 4)).padStart(2, '0')}:${String((index % 4) * 15).padStart(2, '0')},Talk ${index}`);
    const csv = ['date,start,title', ...rows, '2026-11-31,18:00,Closing'].join('\n');
    const error = await importFailure(importProgramme({ services: library.services, fileName: 'agenda.csv', bytes: Buffer.from(csv), eventId: event.id, dryRun: false }));
    expect(error.message).toBe('agenda.csv: line 42: the date 2026-11-31 does not exist.');
    expect(await libraryFiles()).toEqual(before);
  });

  it('creates no event from a bad file', async () => {
    const truncated = fixtureBytes('debconf23.xml').subarray(0, 100_000);
    const error = await importFailure(importProgramme({ services: library.services, fileName: 'debconf23.xml', bytes: truncated, dryRun: false }));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^debconf23\.xml: the XML ends before /);
    expect(await library.services.events.list()).toEqual({ events: [], problems: [] });
    expect(await libraryFiles()).toEqual({});
  });

  it('refuses a merge that would make the event longer than 31 days, changing nothing', async () => {
    const event = await library.services.events.create(eventDraft({ startDate: '2023-08-01', endDate: '2023-08-02' }));
    const before = await libraryFiles();
    const error = await importFailure(importProgramme({ services: library.services, fileName: 'debconf23.xml', bytes: fixtureBytes('debconf23.xml'), eventId: event.id, dryRun: false }));
    expect(error.message).toMatch(/^debconf23\.xml: the programme runs from 2023-09-10 to 2023-09-17; added to "Web Summit" \(2023-08-01 to 2023-08-02\) the event would last 48 days/);
    expect(await libraryFiles()).toEqual(before);
  });
});
