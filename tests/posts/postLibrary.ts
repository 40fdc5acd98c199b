import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventFile } from '../../shared/model/event';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { NOTE_FILE_FORMAT } from '../../shared/note/noteFile';
import { createEventWithSessions, createTempLibrary, eventDraft, type TempLibrary } from '../helpers/tempLibrary';
import { attributedQuote, heading, image, link, list, note, paragraph, privateNote, text } from '../export/fixtures/noteBuilders';

export const PHOTO = `assets/${'ab'.repeat(32)}.jpg`;
export const PHOTO_BYTES = Buffer.from('not really a jpeg, but bytes all the same');
export const PRIVATE_TEXT = 'call the organiser back on +49 170 1234567';

/** The panel's note; `withTk` is the same note before the reporter checked the figure. */
export const PANEL_NOTE = note(heading('h1', text('Key numbers')), paragraph(text('Storage is 40% of budgets, by the panel’s own count.')));
export const PANEL_NOTE_WITH_TK = note(heading('h1', text('Key numbers')), paragraph(text('Storage is 40% of budgets (TK: check the source).')));

export type PostLibrary = TempLibrary & { event: EventFile; ids: Record<'keynote' | 'panel' | 'workshop' | 'lunch' | 'dayTwo', string> };

/**
 * A two-day event: on day 1 a covered keynote (quote, list, photo, private note with a TK), a
 * covered panel whose moderator has no role, a planned workshop and a break; on day 2 one covered talk.
 */
export async function createPostLibrary(): Promise<PostLibrary> {
  const library = await createTempLibrary();
  const { services } = library;
  const event = await createEventWithSessions(
    services,
    [
      { day: 1, start: '09:00', title: 'Opening keynote', status: 'covered', speakers: [{ name: 'Chris Example', role: 'Chief Architect', organisation: 'Cloudy' }] },
      { day: 1, start: '10:30', title: 'Who pays for the data?', kind: 'panel', status: 'covered', speakers: [{ name: 'Ana Lima', role: 'Editor', organisation: 'Daily' }, { name: 'Sam Moderator', role: '', organisation: '' }] },
      { day: 1, start: '12:00', title: 'Lunch', kind: 'break' },
      { day: 1, start: '14:00', title: 'Hands-on workshop', kind: 'workshop', speakers: [{ name: 'Kim Teacher', role: 'Trainer', organisation: '' }] },
      { day: 2, start: '09:00', title: 'Day two talk', status: 'covered', speakers: [{ name: 'Lee Speaker', role: 'CTO', organisation: 'Acme' }] },
    ],
    eventDraft({ title: 'Web Summit', startDate: '2026-11-02', endDate: '2026-11-03', author: 'Jane Doe' }),
  );
  const find = (title: string) => event.sessions.find((session) => session.title === title)!.id;
  const ids = { keynote: find('Opening keynote'), panel: find('Who pays for the data?'), workshop: find('Hands-on workshop'), lunch: find('Lunch'), dayTwo: find('Day two talk') };

  await services.notes.save(
    event.id,
    ids.keynote,
    note(
      paragraph(text('Chris opened with a question about the bill.')),
      attributedQuote({ name: 'Chris Example', role: 'Chief Architect' }, '09:12', text('We stayed because we could not leave.')),
      list('bullet', ['Measure first', 'Egress is the hidden cost']),
      image(PHOTO, 'Chris on stage', 'Chris Example during the keynote'),
      paragraph(text('Slides: '), link('https://example.com/slides', 'example.com/slides')),
      privateNote(paragraph(text(`TK ${PRIVATE_TEXT}`))),
    ),
  );
  await services.notes.save(event.id, ids.panel, PANEL_NOTE);
  await services.notes.save(event.id, ids.dayTwo, note(paragraph(text('Day two began slowly.'))));
  await mkdir(join(library.root, 'events', event.id, 'assets'), { recursive: true });
  await writeFile(join(library.root, 'events', event.id, 'assets', PHOTO.slice('assets/'.length)), PHOTO_BYTES);
  return { ...library, event, ids };
}

/** Writes a note file as it might arrive from elsewhere (a sync, a hand edit): not sanitised by a save. */
export async function writeRawNote(root: string, eventId: string, sessionId: string, editorState: SerializedNoteState): Promise<void> {
  const file = { format: NOTE_FILE_FORMAT, sessionId, savedAt: '2026-11-02T18:00:00.000Z', editorState };
  await writeFile(join(root, 'events', eventId, 'notes', `${sessionId}.json`), JSON.stringify(file));
}

export function notePath(root: string, eventId: string, sessionId: string): string {
  return join(root, 'events', eventId, 'notes', `${sessionId}.json`);
}
