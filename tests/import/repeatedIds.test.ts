import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventFile } from '../../shared/model/event';
import { importProgramme } from '../../electron/services/import/importProgramme';
import { noteState } from '../helpers/noteStates';
import { createTempLibrary, type TempLibrary } from '../helpers/tempLibrary';

/**
 * A hand-rolled exporter that gives several talks one UID (issue 14): re-importing the file with
 * two of them in swapped slots moved the reporter's note onto the other talk.
 */
function handRolled(order: [string, string]): Buffer {
  const slot = (start: string, title: string) => ['BEGIN:VEVENT', 'UID:talk@conference.example', `DTSTART;TZID=Europe/Berlin:20260310T${start}00`, 'DURATION:PT45M', `SUMMARY:${title}`, 'END:VEVENT'];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hand rolled//EN', 'X-WR-TIMEZONE:Europe/Berlin', ...slot('1000', order[0]), ...slot('1100', order[1]), ...slot('1200', 'Closing'), 'END:VCALENDAR', ''];
  return Buffer.from(lines.join('\r\n'));
}

describe('talks that share one id', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await createTempLibrary();
  });
  afterEach(() => library.cleanup());

  const titled = (event: EventFile, title: string) => event.sessions.find((session) => session.title === title)!;

  it('never move a note to a session with another title when their slots swap', async () => {
    const { eventId } = await importProgramme({ services: library.services, fileName: 'talks.ics', bytes: handRolled(['Rust in space', 'Postgres tuning']), dryRun: false });
    let event = await library.services.events.get(eventId!);
    const rust = titled(event, 'Rust in space');
    await library.services.notes.save(eventId!, rust.id, noteState('Rust notes from 10:00.'));

    const summary = await importProgramme({ services: library.services, fileName: 'talks.ics', bytes: handRolled(['Postgres tuning', 'Rust in space']), eventId: eventId!, dryRun: false });
    expect(summary).toMatchObject({ added: 0, flagged: 0, removed: 0 });
    event = await library.services.events.get(eventId!);
    const rustNow = titled(event, 'Rust in space');
    // The note stayed with its talk, which moved to 11:00.
    expect(rustNow).toMatchObject({ id: rust.id, start: '11:00' });
    expect((await library.services.notes.load(eventId!, rust.id)).note?.editorState).toEqual(noteState('Rust notes from 10:00.'));
    expect(titled(event, 'Postgres tuning').start).toBe('10:00');
    expect(event.sessions.map((session) => session.title)).toEqual(['Postgres tuning', 'Rust in space', 'Closing']);
  });

  it('flag the noted session rather than retitle it when its slot now holds another talk', async () => {
    const { eventId } = await importProgramme({ services: library.services, fileName: 'talks.ics', bytes: handRolled(['Rust in space', 'Postgres tuning']), dryRun: false });
    let event = await library.services.events.get(eventId!);
    const rust = titled(event, 'Rust in space');
    await library.services.notes.save(eventId!, rust.id, noteState('Rust notes.'));

    const summary = await importProgramme({ services: library.services, fileName: 'talks.ics', bytes: handRolled(['Quantum knitting', 'Postgres tuning']), eventId: eventId!, dryRun: false });
    expect(summary).toMatchObject({ added: 1, flagged: 1, updated: 0 });
    event = await library.services.events.get(eventId!);
    expect(titled(event, 'Rust in space')).toMatchObject({ id: rust.id, programmeFlag: 'removed-from-programme' });
    expect(titled(event, 'Quantum knitting').id).not.toBe(rust.id);
    expect(summary.warnings.map((warning) => warning.message)).toContain(
      'Several talks in the file share one id, so they were matched by title; a session whose id now belongs to another title was flagged, not renamed.',
    );
  });
});
