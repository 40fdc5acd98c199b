import { describe, expect, it } from 'vitest';
import { normaliseTypedDate, normaliseTypedTime } from '../../renderer/ui/wallClockText';

describe('times and dates as typed', () => {
  it.each([
    ['930', '09:30'],
    ['0930', '09:30'],
    ['9:30', '09:30'],
    ['9.30', '09:30'],
    ['13:20', '13:20'],
    ['1320', '13:20'],
    ['9', '09:00'],
    [' 14h05 ', '14:05'],
  ])('reads %j as %s, 24-hour', (typed, time) => expect(normaliseTypedTime(typed)).toBe(time));

  it.each(['25:00', '12:60', '1:20 PM', 'noon', '', '12345'])('leaves %j as typed, for the form to name', (typed) => expect(normaliseTypedTime(typed)).toBe(typed));

  it('writes dates the ISO way and leaves anything else alone', () => {
    expect(normaliseTypedDate('2026-6-1')).toBe('2026-06-01');
    expect(normaliseTypedDate('2026-06-01')).toBe('2026-06-01');
    expect(normaliseTypedDate('1/6/2026')).toBe('1/6/2026');
  });
});
