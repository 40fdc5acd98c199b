import { describe, expect, it } from 'vitest';
import { fixtureText, names, parseFailure, parseText, sessionTitled } from './programmeFiles';

/** iCalendar features the published fixtures do not all show, each in a small calendar. */
function calendar(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hallnotes tests//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

function event(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];
}

describe('iCalendar text', () => {
  it('unfolds long lines and unescapes commas, semicolons, backslashes and newlines', () => {
    const programme = parseText(
      'conf.ics',
      calendar(
        'X-WR-CALNAME:Folding Conf',
        ...event(
          'UID:fold-1',
          'DTSTART:20260310T090000Z',
          'DTEND:20260310T100000Z',
          'SUMMARY:Tabs\\, spaces\\; and a backslash \\\\ in a title that is long enough to be f',
          ' olded onto a second line',
          'DESCRIPTION:First line\\nSecond line',
          'LOCATION:Hall A\\, level 2',
        ),
      ),
    );
    expect(programme.title).toBe('Folding Conf');
    expect(programme.sessions[0]).toMatchObject({
      title: 'Tabs, spaces; and a backslash \\ in a title that is long enough to be folded onto a second line',
      description: 'First line\nSecond line',
      room: 'Hall A, level 2',
    });
  });

  it('turns HTML in DESCRIPTION into plain text and drops scripts, styles and their content', () => {
    const programme = parseText(
      'conf.ics',
      calendar(
        ...event(
          'UID:html-1',
          'DTSTART:20260310T090000Z',
          'SUMMARY:Hostile',
          'DESCRIPTION:<p>Hello <b>world</b></p><script>alert("owned")</script><style>p{color:red}</style><img src=x onerror=alert(1)><<b>script>boom()<</b>/script><p>Bye &amp; thanks</p>',
        ),
      ),
    );
    const { description } = programme.sessions[0];
    expect(description).toBe('Hello world\n\nBye & thanks');
    expect(description).not.toMatch(/<|alert|boom|onerror|color/);
  });
});

describe('iCalendar times', () => {
  it('honours an IANA TZID that has no VTIMEZONE, converting into the calendar zone', () => {
    const programme = parseText(
      'conf.ics',
      calendar('X-WR-TIMEZONE:Europe/London', ...event('UID:ny-1', 'DTSTART;TZID=America/New_York:20260310T100000', 'DTEND;TZID=America/New_York:20260310T110000', 'SUMMARY:From New York')),
    );
    // 10 March 2026: New York is on summer time (UTC-4) already, London not yet (UTC+0).
    expect(programme.timezone).toBe('Europe/London');
    expect(programme.sessions[0]).toMatchObject({ date: '2026-03-10', start: '14:00', end: '15:00' });
  });

  it('uses a VTIMEZONE for a TZID that is not an IANA name, and its X-LIC-LOCATION as the calendar zone', () => {
    const programme = parseText(
      'conf.ics',
      calendar(
        'BEGIN:VTIMEZONE',
        'TZID:Venue Time',
        'X-LIC-LOCATION:Europe/Istanbul',
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        'TZOFFSETFROM:+0300',
        'TZOFFSETTO:+0300',
        'END:STANDARD',
        'END:VTIMEZONE',
        ...event('UID:v-1', 'DTSTART;TZID=Venue Time:20260310T090000', 'DURATION:PT1H30M', 'SUMMARY:Local'),
      ),
    );
    expect(programme.timezone).toBe('Europe/Istanbul');
    expect(programme.sessions[0]).toMatchObject({ date: '2026-03-10', start: '09:00', end: '10:30' });
    const inUtc = parseText('conf.ics', calendar('BEGIN:VTIMEZONE', 'TZID:Venue Time', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0300', 'TZOFFSETTO:+0300', 'END:STANDARD', 'END:VTIMEZONE', ...event('UID:v-1', 'DTSTART;TZID=Venue Time:20260310T090000', 'SUMMARY:Local')));
    // Without X-LIC-LOCATION the zone is worked out from the +03:00 the definition writes; the local 09:00 stays 09:00.
    expect(inUtc).toMatchObject({ timezone: 'Europe/Istanbul', timezoneFromFile: false });
    expect(inUtc.sessions[0]).toMatchObject({ start: '09:00', end: null });
    expect(inUtc.warnings.map((warning) => warning.message)).toEqual([
      'The file names no time zone, but its times carry the UTC offset +03:00, so they are shown in Europe/Istanbul time. If the venue is in another zone with the same offset, choose it.',
    ]);
  });

  it('keeps floating times and all-day dates as written in whatever zone they are shown', () => {
    const programme = parseText(
      'conf.ics',
      calendar(
        ...event('UID:f-1', 'DTSTART:20260310T140000', 'DTEND:20260310T143000', 'SUMMARY:Floating'),
        ...event('UID:d-1', 'DTSTART;VALUE=DATE:20260311', 'DTEND;VALUE=DATE:20260312', 'SUMMARY:Hackathon day'),
      ),
      { timeZone: 'Asia/Tokyo' },
    );
    expect(sessionTitled(programme, 'Floating')).toMatchObject({ date: '2026-03-10', start: '14:00', end: '14:30' });
    expect(sessionTitled(programme, 'Hackathon day')).toMatchObject({ date: '2026-03-11', start: '00:00', end: null });
    expect([programme.startDate, programme.endDate]).toEqual(['2026-03-10', '2026-03-11']);
  });

  it('keeps the end of a session that ends after midnight, on the next day', () => {
    const programme = parseText('conf.ics', calendar(...event('UID:late', 'DTSTART:20260310T230000Z', 'DTEND:20260311T010000Z', 'SUMMARY:Night')));
    expect(programme.sessions[0]).toMatchObject({ date: '2026-03-10', start: '23:00', end: '01:00', endsNextDay: true });
  });

  it('expands a recurring session, leaving out excluded dates and using rescheduled instances', () => {
    const programme = parseText(
      'conf.ics',
      calendar(
        'X-WR-TIMEZONE:Europe/Berlin',
        ...event('UID:standup', 'DTSTART;TZID=Europe/Berlin:20260310T083000', 'DTEND;TZID=Europe/Berlin:20260310T090000', 'RRULE:FREQ=DAILY;COUNT=4', 'EXDATE;TZID=Europe/Berlin:20260311T083000', 'SUMMARY:Morning briefing'),
        ...event('UID:standup', 'RECURRENCE-ID;TZID=Europe/Berlin:20260312T083000', 'DTSTART;TZID=Europe/Berlin:20260312T100000', 'DTEND;TZID=Europe/Berlin:20260312T103000', 'SUMMARY:Morning briefing (late)'),
      ),
    );
    expect(programme.sessions.map((session) => [session.sourceId, session.date, session.start, session.end])).toEqual([
      ['standup@2026-03-10T08:30', '2026-03-10', '08:30', '09:00'],
      ['standup@2026-03-12T08:30', '2026-03-12', '10:00', '10:30'],
      ['standup@2026-03-13T08:30', '2026-03-13', '08:30', '09:00'],
    ]);
  });

  it('refuses a TZID that is neither an IANA name nor defined in the file', () => {
    const error = parseFailure('conf.ics', calendar(...event('UID:x', 'DTSTART;TZID=Moon Base:20260310T090000', 'SUMMARY:Where?')));
    expect(error.message).toBe('conf.ics: event "Where?" uses the time zone "Moon Base", which is neither an IANA name nor defined in the file (no VTIMEZONE).');
  });
});

describe('iCalendar people and status', () => {
  it('takes speakers from ATTENDEE;CN=, skipping rooms and non-participants, else from ORGANIZER', () => {
    const programme = parseText(
      'conf.ics',
      calendar(
        ...event(
          'UID:p-1',
          'DTSTART:20260310T090000Z',
          'SUMMARY:Panel on things',
          'ATTENDEE;CN="Doe, Jane";ROLE=CHAIR:mailto:jane@example.org',
          'ATTENDEE;CN=Max Mustermann:mailto:max@example.org',
          'ATTENDEE;CN=Hall B;CUTYPE=ROOM:mailto:hall-b@example.org',
          'ATTENDEE;CN=Audience;ROLE=NON-PARTICIPANT:mailto:all@example.org',
          'ATTENDEE:mailto:nameless@example.org',
          'ORGANIZER;CN=Programme Committee:mailto:pc@example.org',
        ),
        ...event('UID:p-2', 'DTSTART:20260310T100000Z', 'SUMMARY:Solo', 'ORGANIZER;CN=Ada Lovelace:mailto:ada@example.org'),
      ),
    );
    expect(names(sessionTitled(programme, 'Panel on things'))).toEqual(['Doe, Jane', 'Max Mustermann']);
    expect(sessionTitled(programme, 'Panel on things').kind).toBe('panel');
    expect(names(sessionTitled(programme, 'Solo'))).toEqual(['Ada Lovelace']);
  });

  it('does not take the conference for a speaker when it organises every event', () => {
    const organiser = 'ORGANIZER;CN=DevConf:mailto:info@devconf.example';
    const programme = parseText(
      'conf.ics',
      calendar(...event('UID:o-1', 'DTSTART:20260310T090000Z', 'SUMMARY:One', organiser), ...event('UID:o-2', 'DTSTART:20260310T100000Z', 'SUMMARY:Two', organiser)),
    );
    expect(programme.sessions.map((session) => session.speakers)).toEqual([[], []]);
  });

  it('marks STATUS:CANCELLED and reads CATEGORIES as kind and track', () => {
    const programme = parseText(
      'conf.ics',
      calendar(
        ...event('UID:c-1', 'DTSTART:20260310T090000Z', 'SUMMARY:Gone', 'STATUS:CANCELLED'),
        ...event('UID:c-2', 'DTSTART:20260310T100000Z', 'SUMMARY:Build a robot', 'CATEGORIES:Workshop,Hardware'),
      ),
    );
    expect(sessionTitled(programme, 'Gone').cancelled).toBe(true);
    expect(sessionTitled(programme, 'Build a robot')).toMatchObject({ cancelled: false, kind: 'workshop', track: 'Workshop' });
  });
});

describe('iCalendar speakers as real producers write them', () => {
  /**
   * Google Calendar, as in the real export in the fixtures, with guests on the events the way
   * Google lists them: `CN=` is the address when the guest has no name, and the calendar's owner
   * is a guest of every event.
   */
  function googleCalendar(): string {
    const real = fixtureText('google-calendar-export.ics');
    const owner = 'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=niccokunzmann@googlemail.com;X-NUM-GUESTS=0:mailto:niccokunzmann@googlemail.com';
    const guest = (name: string, address: string) => `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=${name};X-NUM-GUESTS=0:mailto:${address}`;
    const talk = (uid: string, start: string, title: string, ...guests: string[]) =>
      ['BEGIN:VEVENT', `DTSTART:${start}`, 'DURATION:PT45M', `UID:${uid}@google.com`, `SUMMARY:${title}`, owner, ...guests, 'END:VEVENT'].join('\r\n');
    const withOwner = real.replace('SUMMARY:event with alarms\r\n', `SUMMARY:event with alarms\r\n${owner}\r\n`);
    return withOwner.replace(
      'END:VCALENDAR',
      [
        talk('t1', '20241005T090000Z', 'Keynote', guest('Ada Lovelace', 'ada@example.org')),
        talk('t2', '20241005T100000Z', 'Panel', guest('grace@example.org', 'grace@example.org'), guest('Alan Turing', 'alan@example.org')),
        talk('t3', '20241005T110000Z', 'Lunch'),
        'END:VCALENDAR',
      ].join('\r\n'),
    );
  }

  it('Google Calendar: the owner, a guest of every event, and bare addresses are not speakers', () => {
    const programme = parseText('Nicco Kunzmann.ics', googleCalendar());
    expect(programme.title).toBe('Nicco Kunzmann');
    expect(programme.sessions.map((session) => [session.title, names(session)])).toEqual([
      ['event with alarms', []],
      ['Keynote', ['Ada Lovelace']],
      ['Panel', ['Alan Turing']],
      ['Lunch', []],
    ]);
  });

  it('ics.py and similar: "Speaker: …" on a later line of DESCRIPTION', () => {
    const programme = parseText(
      'conf.ics',
      calendar(
        ...event('UID:d-1', 'DTSTART:20260310T090000Z', 'SUMMARY:Rust in production', 'DESCRIPTION:Room: Hall B\\nTrack: Systems\\nSpeaker: Jane Doe\\, Max Mustermann\\n\\nA talk about running Rust.'),
        ...event('UID:d-2', 'DTSTART:20260310T100000Z', 'SUMMARY:Lightning talks', 'DESCRIPTION:Five minutes each.\\nSpeakers: Ana; Bo'),
      ),
    );
    expect(names(sessionTitled(programme, 'Rust in production'))).toEqual(['Jane Doe', 'Max Mustermann']);
    expect(names(sessionTitled(programme, 'Lightning talks'))).toEqual(['Ana', 'Bo']);
  });

  it('pretalx: "Title - Speaker Names" in SUMMARY becomes a clean title and the speakers', () => {
    const programme = parseText(
      'schedule.ics',
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//pretalx//pretalx.example.com//democon',
        ...event('UID:pretalx-democon-ABC123@pretalx.example.com', 'DTSTART;TZID=Europe/Berlin:20260722T120000', 'DTEND;TZID=Europe/Berlin:20260722T124500', 'SUMMARY:Proxmox - from servers to hyperconvergence - Jane Doe, Max Mustermann', 'LOCATION:Saal 1'),
        ...event('UID:pretalx-democon-XYZ789@pretalx.example.com', 'DTSTART;TZID=Europe/Berlin:20260722T130000', 'SUMMARY:Lunch - '),
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(sessionTitled(programme, 'Proxmox - from servers to hyperconvergence')).toMatchObject({ room: 'Saal 1', start: '12:00', end: '12:45' });
    expect(names(sessionTitled(programme, 'Proxmox - from servers to hyperconvergence'))).toEqual(['Jane Doe', 'Max Mustermann']);
    expect(sessionTitled(programme, 'Lunch').speakers).toEqual([]);
  });

  it('keeps " - " in titles of files that are not pretalx exports', () => {
    const programme = parseText('conf.ics', calendar(...event('UID:x', 'DTSTART:20260310T090000Z', 'SUMMARY:Kubernetes - the hard way')));
    expect(programme.sessions[0]).toMatchObject({ title: 'Kubernetes - the hard way', speakers: [] });
  });
});
