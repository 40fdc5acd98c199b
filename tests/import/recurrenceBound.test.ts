import ICAL from 'ical.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFailure } from './programmeFiles';

/** Issue 18: 2,000 `RRULE:FREQ=MINUTELY` events took 36 s and 780 MB because every one was expanded before the cap was checked. */
describe('recurring events are expanded against the session cap as they go', () => {
  afterEach(() => vi.restoreAllMocks());

  function minutelyCalendar(events: number): string {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//attack//EN'];
    for (let index = 0; index < events; index += 1) {
      lines.push('BEGIN:VEVENT', `UID:m-${index}`, 'DTSTART:20260310T090000Z', 'DURATION:PT1M', 'RRULE:FREQ=MINUTELY', `SUMMARY:Minute ${index}`, 'END:VEVENT');
    }
    lines.push('END:VCALENDAR', '');
    return lines.join('\r\n');
  }

  it('refuses 2,000 FREQ=MINUTELY events after computing no more occurrences than an event can hold', () => {
    const next = vi.spyOn(ICAL.RecurExpansion.prototype, 'next');
    const error = parseFailure('minutely.ics', minutelyCalendar(2000));
    expect(error.message).toBe('minutely.ics: it has more than 5000 sessions once its repeating events are counted; an event holds at most 5000.');
    // Before: 2,000 × 500 = 1,000,000 occurrences were built first.
    expect(next.mock.calls.length).toBeLessThanOrEqual(5001 + 2000);
  });

  it('still refuses a calendar of plain events over the cap before expanding anything', () => {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN'];
    for (let index = 0; index < 5001; index += 1) lines.push('BEGIN:VEVENT', `UID:p-${index}`, 'DTSTART:20260310T090000Z', `SUMMARY:Talk ${index}`, 'END:VEVENT');
    lines.push('BEGIN:VEVENT', 'UID:r', 'DTSTART:20260310T090000Z', 'RRULE:FREQ=MINUTELY', 'SUMMARY:Repeat', 'END:VEVENT', 'END:VCALENDAR', '');
    const next = vi.spyOn(ICAL.RecurExpansion.prototype, 'next');
    expect(parseFailure('big.ics', lines.join('\r\n')).message).toMatch(/^big\.ics: it has more than 5000 sessions/);
    expect(next).not.toHaveBeenCalled();
  });
});
