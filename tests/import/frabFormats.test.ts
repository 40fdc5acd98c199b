import { describe, expect, it } from 'vitest';
import { fixtureText, parseFailure, parseText, sessionTitled } from './programmeFiles';

function scheduleXml(conference: string, days: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <version>1</version>
  <conference><title>Repeat Conf</title>${conference}</conference>
  ${days}
</schedule>`;
}

function xmlEvent(attributes: string, start: string, title: string, extra = ''): string {
  return `<event ${attributes}><start>${start}</start><duration>01:00</duration><room>Lab</room><title>${title}</title><type>workshop</type><track>Making</track><abstract/>${extra}<persons><person id="1">Ada</person></persons></event>`;
}

describe('schedule.xml', () => {
  it('keeps both slots of a talk that repeats one guid, each with its own source id', () => {
    const guid = '0f9a8b7c-1111-2222-3333-444455556666';
    const programme = parseText(
      'schedule.xml',
      scheduleXml(
        '<time_zone_name>Europe/Berlin</time_zone_name>',
        `<day index="1" date="2026-08-21" start="2026-08-21T09:00:00+02:00" end="2026-08-22T03:00:00+02:00"><room name="Lab">${xmlEvent(`id="1" guid="${guid}"`, '10:00', 'Soldering 101')}</room></day>
         <day index="2" date="2026-08-22" start="2026-08-22T09:00:00+02:00" end="2026-08-23T03:00:00+02:00"><room name="Lab">${xmlEvent(`id="2" guid="${guid}"`, '14:00', 'Soldering 101')}</room></day>`,
      ),
    );
    expect(programme.sessions.map((session) => [session.sourceId, session.date, session.start, session.end, session.kind])).toEqual([
      [`${guid}@2026-08-21T10:00`, '2026-08-21', '10:00', '11:00', 'workshop'],
      [`${guid}@2026-08-22T14:00`, '2026-08-22', '14:00', '15:00', 'workshop'],
    ]);
  });

  it('puts an event after midnight on the next calendar date, in the programme day that lists it, when it has no <date>', () => {
    const programme = parseText(
      'schedule.xml',
      scheduleXml(
        '<day_change>04:00:00</day_change>',
        `<day index="1" date="2026-08-21"><room name="Club">${xmlEvent('id="7"', '23:30', 'Late set')}${xmlEvent('id="8"', '01:30', 'Later set')}</room></day>`,
      ),
    );
    expect(sessionTitled(programme, 'Late set')).toMatchObject({ date: '2026-08-21', start: '23:30', end: '00:30', endsNextDay: true });
    expect(sessionTitled(programme, 'Later set')).toMatchObject({ date: '2026-08-22', programmeDate: '2026-08-21', start: '01:30', end: '02:30' });
    // The night belongs to the day: no second day holding only the 01:30 set.
    expect(programme).toMatchObject({ timezone: 'UTC', timezoneFromFile: false, startDate: '2026-08-21', endDate: '2026-08-21' });
    expect(programme.sessions.map((session) => session.title)).toEqual(['Late set', 'Later set']);
  });

  it('converts the conference zone into the zone asked for', () => {
    const programme = parseText('debconf23.xml', fixtureText('debconf23.xml'), { timeZone: 'Europe/Berlin' });
    // 10:30 in Kolkata (UTC+5:30) is 07:00 in Berlin (UTC+2) on 10 September 2023.
    expect(sessionTitled(programme, 'Opening Ceremony')).toMatchObject({ date: '2023-09-10', start: '07:00', end: '07:20' });
    expect(programme).toMatchObject({ timezone: 'Europe/Berlin', timezoneFromFile: true });
  });

  it('refuses a day that does not exist', () => {
    const error = parseFailure('schedule.xml', scheduleXml('', `<day index="1" date="2026-02-30"><room name="A">${xmlEvent('id="1"', '10:00', 'Talk')}</room></day>`));
    expect(error.message).toBe('schedule.xml: <day> 1 has no valid date ("2026-02-30"); dates are written YYYY-MM-DD and must exist.');
  });

  it('refuses an event without a start time', () => {
    const error = parseFailure('schedule.xml', scheduleXml('', `<day index="1" date="2026-02-10"><room name="A">${xmlEvent('id="9"', 'soon', 'Talk')}</room></day>`));
    expect(error.message).toBe('schedule.xml: event "Talk" (9) has no valid start time ("soon"); expected HH:MM.');
  });
});

describe('schedule.json', () => {
  it('keeps both slots of a repeated guid (a workshop held twice)', () => {
    const file = JSON.parse(fixtureText('frab-camp2019.json'));
    const days = file.schedule.conference.days;
    const workshop = days[0].rooms.Curie[0];
    days[2].rooms.Curie.push({ ...workshop, date: '2019-08-23T20:00:00+02:00', start: '20:00' });
    const programme = parseText('repeat.json', JSON.stringify(file));
    expect(programme.sessions).toHaveLength(80);
    const slots = programme.sessions.filter((session) => session.title === workshop.title);
    expect(slots.map((session) => [session.sourceId, session.date, session.start])).toEqual([
      [`${workshop.guid}@2019-08-21T11:00`, '2019-08-21', '11:00'],
      [`${workshop.guid}@2019-08-23T20:00`, '2019-08-23', '20:00'],
    ]);
  });

  it('marks cancelled v2 events, maps BREAK and reads translated descriptions', () => {
    const file = JSON.parse(fixtureText('hub-schedule2.json'));
    const [opening] = file.schedule.events;
    file.schedule.events.push(
      { ...opening, guid: '11111111-2222-3333-4444-555555555555', title: 'Withdrawn talk', state: 'CANCELED', start: '2024-12-27T12:00:00+01:00', end: '2024-12-27T12:30:00+01:00' },
      { type: 'BREAK', title: 'Pause', start: '2024-12-27T13:00:00+01:00', end: '2024-12-27T14:00:00+01:00', room: opening.room },
      { ...opening, guid: '66666666-2222-3333-4444-555555555555', title: 'Zweisprachig', description: { de: 'Hallo', en: '<b>Hello</b>' }, start: '2024-12-27T15:00:00+01:00', end: '2024-12-27T16:00:00+01:00' },
    );
    const programme = parseText('hub.json', JSON.stringify(file));
    expect(sessionTitled(programme, 'Withdrawn talk').cancelled).toBe(true);
    expect(sessionTitled(programme, 'Pause')).toMatchObject({ kind: 'break', room: 'Saal 1', start: '13:00', end: '14:00', cancelled: false });
    expect(sessionTitled(programme, 'Zweisprachig').description).toContain('Hello');
    expect(sessionTitled(programme, 'Zweisprachig').description).not.toContain('<b>');
  });

  it('names the fields that are wrong, with their paths', () => {
    const file = JSON.parse(fixtureText('pretalx-democon.json'));
    delete file.schedule.conference.days[1].rooms['Gray Room'][0].title;
    file.schedule.conference.days[2].rooms['Tan Room'][1].persons = 'nobody';
    const error = parseFailure('democon.json', JSON.stringify(file));
    expect(error.message).toBe(
      'democon.json: it is not a valid schedule.json: schedule.conference.days[1].rooms["Gray Room"][0].title: expected string, received undefined; schedule.conference.days[2].rooms["Tan Room"][1].persons: expected array, received string.',
    );
  });

  it('refuses JSON that is not a schedule in one sentence, without schema paths', () => {
    expect(parseFailure('package.json', '{"name": "hallnotes", "version": "1.0.0"}').message).toBe(
      'package.json: this is not a programme format Hallnotes reads (it reads iCalendar, frab/Pentabarf schedule.xml, c3voc/pretalx schedule.json, Sessionize JSON and CSV).',
    );
  });
});
