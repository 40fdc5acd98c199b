import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/model/event';
import { groupBySlot } from '../../renderer/features/agenda/agendaItems';
import { filterWords, matchesWords, searchableText } from '../../renderer/features/agenda/sessionFilter';

const session = (id: string, start: string, extra: Partial<Session> = {}): Session => ({
  id,
  day: 1,
  start,
  end: null,
  title: id,
  kind: 'plenary',
  room: '',
  status: 'planned',
  speakers: [],
  ...extra,
});

describe('the agenda list', () => {
  it('puts parallel sessions under one line with their slot time, and leaves a session alone in its slot with its own time', () => {
    const items = groupBySlot([session('keynote', '09:00'), session('a', '10:00'), session('b', '10:00'), session('c', '10:00'), session('lunch', '12:00')]);
    expect(items.map((item) => (item.kind === 'slot' ? `slot ${item.start} ×${item.count}` : `${item.session.id}${item.grouped ? ' (grouped)' : ''}`))).toEqual([
      'keynote',
      'slot 10:00 ×3',
      'a (grouped)',
      'b (grouped)',
      'c (grouped)',
      'lunch',
    ]);
  });

  it('keeps the order the reporter gave: a slot is a run of sessions starting together', () => {
    const items = groupBySlot([session('a', '10:00'), session('moved-up', '11:00'), session('b', '10:00')]);
    expect(items.every((item) => item.kind === 'session' && !item.grouped)).toBe(true);
  });

  it('filters on title, speakers, organisations and room, every word, ignoring case and accents', () => {
    const talk = session('t', '10:00', { title: 'Scheduling in the kernel', room: 'Saal Zuse', speakers: [{ name: 'Jürgen Groß', role: 'Kernel developer', organisation: 'SUSE' }] });
    const text = searchableText(talk);
    expect(matchesWords(text, filterWords('  jurgen   KERNEL '))).toBe(true);
    expect(matchesWords(text, filterWords('zuse suse'))).toBe(true);
    expect(matchesWords(text, filterWords('kernel rust'))).toBe(false);
    expect(filterWords('   ')).toEqual([]);
  });
});
