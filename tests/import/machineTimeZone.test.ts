import { afterAll, describe, expect, it, vi } from 'vitest';
import { names, parseFixture, parseText, sessionTitled } from './programmeFiles';

/**
 * A reporter's laptop often still runs on home time. This file runs the importers on a machine
 * whose clock is set to UTC+14 and expects exactly the times the other tests expect. Vitest runs
 * `vi.hoisted` before the imports are evaluated, and Node applies a change to process.env.TZ at once.
 */
const originalZone = vi.hoisted(() => {
  const zone = process.env.TZ;
  process.env.TZ = 'Pacific/Kiritimati';
  return zone;
});
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('on a machine set to Pacific/Kiritimati', () => {
  it('really runs in UTC+14', () => {
    expect(new Date(Date.UTC(2023, 8, 10, 12)).getHours()).toBe(2);
    expect(new Date(2023, 8, 10).getTimezoneOffset()).toBe(-14 * 60);
  });

  it('reads schedule.xml times in the conference zone', () => {
    const debconf = parseFixture('debconf23.xml');
    expect([debconf.startDate, debconf.endDate, debconf.sessions.length]).toEqual(['2023-09-10', '2023-09-17', 117]);
    expect(sessionTitled(debconf, 'Opening Ceremony')).toMatchObject({ date: '2023-09-10', start: '10:30', end: '10:50' });
    const fosdem = parseFixture('fosdem_2021.xml');
    expect([fosdem.startDate, fosdem.endDate, fosdem.sessions.length]).toEqual(['2021-02-06', '2021-02-07', 773]);
    expect(sessionTitled(fosdem, 'Closing FOSDEM 2021')).toMatchObject({ date: '2021-02-07', start: '18:00', end: '18:10' });
  });

  it('reads iCalendar TZID, UTC and floating times without the machine zone', () => {
    const lca = parseFixture('linux_conf_au_2020.ics');
    expect(sessionTitled(lca, 'Conference Opening')).toMatchObject({ date: '2020-01-13', start: '09:00', end: '10:10' });
    expect(sessionTitled(parseFixture('linux_conf_au_2020.ics', { timeZone: 'Australia/Melbourne' }), 'Conference Opening')).toMatchObject({ start: '10:00', end: '11:10' });
    const kielux = parseFixture('kielux_2020.ics', { timeZone: 'Europe/Berlin' });
    expect(sessionTitled(kielux, 'Xen - ist das nicht tot?')).toMatchObject({ date: '2020-09-18', start: '14:00', end: '15:00' });
    const floating = parseText('f.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260310T230000\r\nDTEND:20260310T233000\r\nSUMMARY:Late\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    expect(floating.sessions[0]).toMatchObject({ date: '2026-03-10', start: '23:00', end: '23:30' });
  });

  it('reads schedule.json and CSV times without the machine zone', () => {
    const camp = parseFixture('frab-camp2019.json');
    expect(sessionTitled(camp, 'Achtung, Datenpannen!')).toMatchObject({ date: '2019-08-22', start: '23:00', end: '00:30', endsNextDay: true });
    const hub = parseFixture('hub-schedule2.json');
    expect(sessionTitled(hub, 'A Competitive Time-Trial AI for Need for Speed:')).toMatchObject({ date: '2024-12-28', start: '00:15', end: '00:55' });
    const csv = parseText('a.csv', 'date,start,end,title,speakers\n2026-03-29,01:30,02:30,Night owls,Ana (Host)', { timeZone: 'Europe/Berlin' });
    expect(csv.sessions[0]).toMatchObject({ date: '2026-03-29', start: '01:30', end: '02:30' });
    expect(names(csv.sessions[0])).toEqual(['Ana']);
  });
});
