import type { Services } from '../../electron/services/createServices';
import { newSessionId } from '../../electron/services/library/ids';
import type { EventFile, Session } from '../../shared/model/event';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { generateNote } from './benchLibrary';
import { generateSpeakerName, generateTitle, type Random } from './textGenerator';

/** Note lengths around `total / count` that add up to exactly `total`. */
export function noteLengths(random: Random, count: number, total: number): number[] {
  const average = total / count;
  const lengths = Array.from({ length: count }, () => Math.round(average * (0.5 + random())));
  let difference = total - lengths.reduce((sum, length) => sum + length, 0);
  for (let index = 0; difference !== 0; index = (index + 1) % count) {
    const step = Math.sign(difference) * Math.min(Math.abs(difference), Math.max(1, Math.floor(Math.abs(difference) / count)));
    if (lengths[index] + step < 50) continue;
    lengths[index] += step;
    difference -= step;
  }
  return lengths;
}

export type FilledEvent = { event: EventFile; notes: Map<string, SerializedNoteState>; words: number };

/** An event of `days` days with `sessions` sessions spread over them and `words` words of notes in all, saved through the services. */
export async function createFilledEvent(services: Services, random: Random, shape: { title: string; days: number; sessions: number; words: number }): Promise<FilledEvent> {
  const created = await services.events.create({ title: shape.title, startDate: '2026-03-10', endDate: `2026-03-${String(9 + shape.days).padStart(2, '0')}`, timezone: 'Europe/Brussels' });
  const perDay = Math.ceil(shape.sessions / shape.days);
  // Enough parallel rooms that a day's sessions all start between 08:00 and 19:15.
  const rooms = Math.max(4, Math.ceil(perDay / 16));
  const sessions: Session[] = Array.from({ length: shape.sessions }, (_, index) => {
    const slot = index % perDay;
    const start = 8 * 60 + Math.floor(slot / rooms) * 45;
    return {
      id: newSessionId(),
      day: Math.floor(index / perDay) + 1,
      start: clockTime(start),
      end: clockTime(start + 40),
      title: generateTitle(random),
      kind: 'plenary',
      room: `Room ${1 + (slot % rooms)}`,
      status: 'covered',
      speakers: [{ name: generateSpeakerName(random), role: 'Speaker', organisation: '' }],
    };
  });
  const event = await services.events.replaceSessions(created.id, sessions);
  const notes = new Map<string, SerializedNoteState>();
  const lengths = noteLengths(random, sessions.length, shape.words);
  for (const [index, session] of sessions.entries()) {
    const note = generateNote(random, lengths[index]);
    notes.set(session.id, note.state);
    await services.notes.save(event.id, session.id, note.state);
  }
  return { event, notes, words: shape.words };
}

function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
