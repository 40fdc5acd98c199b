import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importProgramme } from '../../electron/services/import/importProgramme';
import type { Services } from '../../electron/services/createServices';
import type { EventFile, Session } from '../../shared/model/event';
import type { BundleImportResult } from '../../shared/model/team';
import { PRIVATE_NOTE_NODE_TYPE } from '../../shared/export/customNodeTypes';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { noteStateText } from '../../shared/note/noteText';
import { createTempLibrary, type TempLibrary } from './tempLibrary';
import { noteState, paragraph, textNode } from './noteStates';

/** A real published programme (Kieler Linuxtage 2020, see tests/fixtures/README.md): two reporters import it independently. */
const PROGRAMME = fileURLToPath(new URL('../fixtures/schedules/kielux_2020.ics', import.meta.url));

export type Reporter = TempLibrary & { name: string; event: EventFile };

/** A reporter's own library, their name as the settings' default author, with the programme imported. */
export async function reporterWithProgramme(name: string): Promise<Reporter> {
  const library = await createTempLibrary();
  library.services.preferences.set({ defaultAuthor: name });
  const summary = await importProgramme({ services: library.services, fileName: 'kielux_2020.ics', bytes: await readFile(PROGRAMME), dryRun: false });
  return { ...library, name, event: await library.services.events.get(summary.eventId!) };
}

/** The nth session of the programme in programme order (the same talk in both libraries, whatever its id there). */
export async function nthSession(services: Services, eventId: string, index: number): Promise<Session> {
  const event = await services.events.get(eventId);
  const session = event.sessions[index];
  if (!session) throw new Error(`the event has no session number ${index}`);
  return session;
}

export async function sessionBySource(services: Services, eventId: string, sourceId: string | undefined): Promise<Session> {
  const session = (await services.events.get(eventId)).sessions.find((candidate) => candidate.sourceId === sourceId);
  if (!session) throw new Error(`no session with source id ${sourceId}`);
  return session;
}

export async function writeNote(services: Services, eventId: string, sessionId: string, ...paragraphs: string[]): Promise<void> {
  await services.notes.save(eventId, sessionId, noteState(...paragraphs));
}

/** A note with a "for me only" block after its first paragraph. */
export function noteWithPrivate(shared: string, privateText: string, more = ''): SerializedNoteState {
  const state = noteState(shared, ...(more ? [more] : []));
  state.root.children.splice(1, 0, { ...paragraph(textNode(privateText)), type: PRIVATE_NOTE_NODE_TYPE });
  return state;
}

export async function noteText(services: Services, eventId: string, sessionId: string): Promise<string | null> {
  const { note } = await services.notes.load(eventId, sessionId);
  return note ? noteStateText(note.editorState) : null;
}

let round = 0;

/** Exports `from`'s event as a bundle and imports it into `to`'s library, as a colleague handing over a USB stick. */
export async function handOver(from: Reporter, to: Reporter, options: { includePrivate?: boolean; eventId?: string } = {}): Promise<BundleImportResult> {
  const name = `handover-${++round}.hallnotes`;
  const outPath = join(from.root, name);
  await from.services.bundles.export(from.event.id, { outPath, includePrivate: options.includePrivate ?? false });
  return to.services.bundles.import({ path: outPath }, name, { eventId: options.eventId, dryRun: false });
}
