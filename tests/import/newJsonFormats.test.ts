import { describe, expect, it } from 'vitest';
import { fixtureText, names, parseFailure, parseFixture, parseText, sessionTitled } from './programmeFiles';

const REFUSAL = 'this is not a programme format Hallnotes reads (it reads iCalendar, frab/Pentabarf schedule.xml, c3voc/pretalx schedule.json, Sessionize JSON and CSV).';

type AllData = {
  sessions: { id: string; title: string; startsAt: string; endsAt: string; speakers: string[]; roomId: number; isServiceSession: boolean }[];
  speakers: { id: string; fullName: string }[];
  rooms: { id: number; name: string }[];
};

describe('Sessionize "All data" JSON (sessionize-global-azure-austria-2024.json)', () => {
  it('reads sessions, speakers and rooms by id, with local times in the zone asked for', () => {
    const programme = parseFixture('sessionize-global-azure-austria-2024.json', { timeZone: 'Europe/Vienna' });
    expect(programme).toMatchObject({ sourceFormat: 'sessionize', timezone: 'Europe/Vienna', startDate: '2024-04-20', endDate: '2024-04-20' });
    expect(programme.sessions).toHaveLength(14);
    expect(new Set(programme.sessions.map((session) => session.room))).toEqual(new Set(['Aula', 'Breakout Room 1', 'Breakout Room 2']));
    const keynote = sessionTitled(programme, 'Keynote: Pioneering the Future of Java with Intelligent Apps');
    expect(keynote).toMatchObject({ sourceId: 'sessionize-658419', date: '2024-04-20', start: '09:00', end: '09:45', room: 'Aula', kind: 'keynote' });
    expect(keynote.speakers).toEqual([
      { name: 'Ed Burns', role: 'Principal Architect on the Java Tooling and Experiences team', organisation: 'Microsoft' },
      { name: 'Sandra Ahlgrimm', role: 'Cloud Advocate working for Java Developers', organisation: 'Microsoft' },
    ]);
    expect(programme.sessions.filter((session) => session.start === '10:00')).toHaveLength(3);
    expect(programme.warnings).toEqual([]);
  });

  it('says that the file names no zone when none is asked for', () => {
    const programme = parseFixture('sessionize-global-azure-austria-2024.json');
    expect(programme).toMatchObject({ timezone: 'UTC', timezoneFromFile: false });
    expect(programme.warnings.map((warning) => warning.message)).toEqual([
      'Sessionize gives local times without a time zone; they are taken as the venue’s clock times. Choose the venue’s zone so that "on now" is right.',
    ]);
    expect(sessionTitled(programme, 'Hello KI - Die Welt der Embeddings und Neuronale Netzwerke').start).toBe('10:00');
  });

  it('reads the same programme from Sessionize\'s schedule grid and sessions list exports', () => {
    const all = JSON.parse(fixtureText('sessionize-global-azure-austria-2024.json')) as AllData;
    const withNames = all.sessions.map((session) => ({
      ...session,
      speakers: session.speakers.map((speakerId) => ({ id: speakerId, name: all.speakers.find((speaker) => speaker.id === speakerId)!.fullName })),
      room: all.rooms.find((room) => room.id === session.roomId)!.name,
      categories: [],
    }));
    const grid = [{ date: '2024-04-20T00:00:00', isDefault: true, rooms: all.rooms.map((room) => ({ id: room.id, name: room.name, sessions: withNames.filter((session) => session.roomId === room.id) })), timeSlots: [] }];
    const list = [{ groupId: null, groupName: 'All', sessions: withNames }];
    for (const [name, file] of [['grid.json', grid], ['list.json', list]] as const) {
      const programme = parseText(name, JSON.stringify(file), { timeZone: 'Europe/Vienna' });
      expect(programme.sessions).toHaveLength(14);
      expect(names(sessionTitled(programme, 'Keynote: Pioneering the Future of Java with Intelligent Apps'))).toEqual(['Ed Burns', 'Sandra Ahlgrimm']);
      expect(sessionTitled(programme, 'Infrastructure as Code and AI - does it fit?')).toMatchObject({ start: '14:30', end: '15:15', room: 'Breakout Room 1' });
    }
  });
});

describe('pretalx schedule widget JSON', () => {
  /** DemoCon (pretalx-democon.json) as pretalx's Schedule.build_data writes it for the widget. */
  function widgetOfDemocon(): unknown {
    type Event = { id: number; guid: string; title: string; date: string; duration: string; room: string; track: string; abstract: string; persons: { public_name?: string; name?: string }[] };
    const schedule = JSON.parse(fixtureText('pretalx-democon.json')).schedule;
    const events: Event[] = schedule.conference.days.flatMap((day: { rooms: Record<string, Event[]> }) => Object.values(day.rooms).flat());
    const roomNames = [...new Set(events.map((event) => event.room))];
    const trackNames = [...new Set(events.map((event) => event.track))];
    const speakerNames = [...new Set(events.flatMap((event) => event.persons.map((person) => person.public_name ?? person.name ?? "")))];
    const end = (event: Event) => {
      const [hours, minutes] = event.duration.split(':').map(Number);
      return new Date(Date.parse(event.date) + (hours * 60 + minutes) * 60_000).toISOString().replace('.000Z', '+00:00');
    };
    return {
      talks: events.map((event) => ({
        code: event.guid.slice(0, 6).toUpperCase(),
        id: event.id,
        title: event.title,
        abstract: event.abstract,
        speakers: event.persons.map((person) => `S${speakerNames.indexOf(person.public_name ?? person.name ?? "")}`),
        track: trackNames.indexOf(event.track) + 1,
        start: event.date,
        end: end(event),
        room: roomNames.indexOf(event.room) + 1,
        duration: 30,
        updated: '2020-12-01T10:00:00+00:00',
        state: null,
      })),
      version: '0.9',
      timezone: 'Europe/Berlin',
      event_start: '2020-12-14',
      event_end: '2020-12-16',
      tracks: trackNames.map((name, index) => ({ id: index + 1, name: { en: name }, description: {}, color: '#000000' })),
      rooms: roomNames.map((name, index) => ({ id: index + 1, name: { en: name }, description: {} })),
      speakers: speakerNames.map((name, index) => ({ code: `S${index}`, name, avatar: '' })),
    };
  }

  it('reads talks, rooms, tracks and speakers by id, in the event zone', () => {
    const programme = parseText('widget.json', JSON.stringify(widgetOfDemocon()));
    expect(programme).toMatchObject({ sourceFormat: 'pretalx-widget', timezone: 'Europe/Berlin', timezoneFromFile: true, startDate: '2020-12-14', endDate: '2020-12-16' });
    expect(programme.sessions).toHaveLength(36);
    expect(sessionTitled(programme, 'Focused 5thgeneration hardware')).toMatchObject({ date: '2020-12-14', start: '09:00', end: '09:30', room: 'Gray Room', track: 'Phased', speakers: [{ name: 'Brian Robinson' }] });
  });

  it('keeps a break, which has no code, as a break', () => {
    const widget = widgetOfDemocon() as { talks: unknown[] };
    widget.talks.push({ id: 999, title: { en: 'Lunch' }, start: '2020-12-14T11:00:00+00:00', end: '2020-12-14T12:30:00+01:00', room: 1 });
    const programme = parseText('widget.json', JSON.stringify(widget));
    expect(sessionTitled(programme, 'Lunch')).toMatchObject({ kind: 'break', start: '12:00', end: '12:30', room: 'Gray Room', sourceId: 'pretalx-break-999' });
  });
});

describe('JSON and <schedule> files of no known format', () => {
  it.each([
    ['package.json', '{"name": "hallnotes", "version": "1.0.0"}'],
    ['slides.json', '{"not": "a schedule"}'],
    ['list.json', '[1, 2, 3]'],
    ['weird.json', '{"schedule": "tomorrow"}'],
    ['other.xml', '<?xml version="1.0"?><schedule><trains><train departs="09:00"/></trains></schedule>'],
  ])('%s is refused in one sentence saying what Hallnotes reads', (fileName, text) => {
    expect(parseFailure(fileName, text).message).toBe(`${fileName}: ${REFUSAL}`);
  });
});
