import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { markdownToNoteState } from '../../electron/services/notes/markdownNotes';
import type { LoadedNote, SavedNote } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import type { EventFile } from '../../shared/model/event';
import { noteStateText } from '../../shared/note/noteText';
import { NoteSaver, type NoteAddress } from '../../renderer/features/note/noteSaver';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';

let library: TempLibrary;
let event: EventFile;
let address: NoteAddress;
let handlers: ReturnType<typeof createChannelHandlers>;

beforeEach(async () => {
  library = await createTempLibrary();
  event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Opening keynote' })]);
  address = { eventId: event.id, sessionId: event.sessions[0].id };
  handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
});
afterEach(async () => {
  await library.cleanup();
});

const onDisk = async () => noteStateText(JSON.parse(await readFile(join(library.root, 'events', event.id, 'notes', `${address.sessionId}.json`), 'utf8')).editorState);
const cliNoteSet = (markdown: string) => library.services.notes.save(event.id, address.sessionId, markdownToNoteState(markdown));

describe('a note changed from the command line while it is open in the app', () => {
  it('is not dropped: the app saves its text, the CLI version becomes a snapshot, and the app is told in words', async () => {
    const saver = new NoteSaver((request) => dispatchChannel(handlers, 'notes:save', request) as Promise<Result<SavedNote>>, { debounceMs: 5, maxWaitMs: 5 });
    const kept: string[] = [];
    saver.subscribeKeptVersions((saved, message) => kept.push(`${saved.sessionId}: ${message}`));

    await library.services.notes.save(event.id, address.sessionId, noteState('What the reporter typed first.'));
    const loaded = (await dispatchChannel(handlers, 'notes:load', address)) as Result<LoadedNote>;
    if (!loaded.ok) throw new Error(loaded.error.message);
    saver.opened(address, loaded.value.note!.savedAt);

    await cliNoteSet('An editor replaced the note from the command line.');
    saver.change(address, () => noteState('What the reporter typed first. And more typed in the app.'));
    await saver.flush(address);

    expect(await onDisk()).toBe('What the reporter typed first. And more typed in the app.');
    const snapshots = await library.services.history.list(event.id, address.sessionId);
    const elsewhere = snapshots.find((snapshot) => snapshot.reason === 'changed-elsewhere');
    expect(elsewhere).toBeDefined();
    expect(noteStateText((await library.services.history.get(event.id, address.sessionId, elsewhere!.id)).editorState)).toBe('An editor replaced the note from the command line.');
    expect(kept).toEqual([expect.stringMatching(new RegExp(`^${address.sessionId}: The note for "Opening keynote" was also changed elsewhere .* Both are kept`))]);

    // The next save starts from what the app just saved: nothing more to keep, nothing said.
    saver.change(address, () => noteState('Typed on.'));
    await saver.flush(address);
    expect(kept).toHaveLength(1);
    expect((await library.services.history.list(event.id, address.sessionId)).filter((snapshot) => snapshot.reason === 'changed-elsewhere')).toHaveLength(1);
  });

  it('a note created from the CLI after the app opened the session empty is kept too', async () => {
    await cliNoteSet('Written from the CLI.');
    const saved = await library.services.notes.save(event.id, address.sessionId, noteState('Typed in the app.'), { baseSavedAt: null });
    expect(saved.keptVersion).toMatchObject({ snapshotId: expect.any(String), message: expect.stringContaining('changed elsewhere') });
    expect(await onDisk()).toBe('Typed in the app.');
  });

  it('a save from the version on disk keeps nothing extra', async () => {
    const first = await library.services.notes.save(event.id, address.sessionId, noteState('one'), { baseSavedAt: null });
    const second = await library.services.notes.save(event.id, address.sessionId, noteState('two'), { baseSavedAt: first.savedAt });
    expect(first.keptVersion).toBeUndefined();
    expect(second.keptVersion).toBeUndefined();
  });
});

describe('a save whose answer was lost (the host stopped right after writing it)', () => {
  const lostAnswer: Result<SavedNote> = { ok: false, error: { code: 'io-error', message: 'The Hallnotes host is not answering. Is `npm run host` still running?' } };

  /** The app's saver over the real services; the first `lost` answers never reach it, though their saves were written. */
  async function openWithAnswersLost(lost: number) {
    let losing = lost;
    const saver = new NoteSaver(
      async (request) => {
        const result = (await dispatchChannel(handlers, 'notes:save', request)) as Result<SavedNote>;
        return losing-- > 0 ? lostAnswer : result;
      },
      { debounceMs: 5, maxWaitMs: 5, retryMs: 60_000 },
    );
    const kept: string[] = [];
    saver.subscribeKeptVersions((_saved, message) => kept.push(message));
    await library.services.notes.save(event.id, address.sessionId, noteState('First words.'));
    const loaded = (await dispatchChannel(handlers, 'notes:load', address)) as Result<LoadedNote>;
    if (!loaded.ok) throw new Error(loaded.error.message);
    saver.opened(address, loaded.value.note!.savedAt);
    return { saver, kept };
  }
  const changedElsewhereSnapshots = async () => (await library.services.history.list(event.id, address.sessionId)).filter((snapshot) => snapshot.reason === 'changed-elsewhere');

  it('is not taken for a change made elsewhere when the note is saved again', async () => {
    const { saver, kept } = await openWithAnswersLost(2);
    saver.change(address, () => noteState('First words. Saved, but its answer was lost.'));
    await saver.flush(address);
    expect(saver.status(address).kind).toBe('error');
    saver.change(address, () => noteState('First words. Saved, but its answer was lost. Again.'));
    await saver.flush(address);
    saver.change(address, () => noteState('First words. Saved, but its answer was lost. Again. Then the host answers.'));
    await saver.flush(address);

    expect(saver.status(address).kind).toBe('saved');
    expect(await onDisk()).toBe('First words. Saved, but its answer was lost. Again. Then the host answers.');
    expect(kept).toEqual([]);
    expect(await changedElsewhereSnapshots()).toEqual([]);
  });

  it('still keeps a version the CLI wrote after it', async () => {
    const { saver, kept } = await openWithAnswersLost(1);
    saver.change(address, () => noteState('First words. Saved, but its answer was lost.'));
    await saver.flush(address);
    await cliNoteSet('The desk rewrote it meanwhile.');
    saver.change(address, () => noteState('First words. Saved, but its answer was lost. Then more.'));
    await saver.flush(address);

    expect(await onDisk()).toBe('First words. Saved, but its answer was lost. Then more.');
    expect(kept).toHaveLength(1);
    const [elsewhere] = await changedElsewhereSnapshots();
    expect(noteStateText((await library.services.history.get(event.id, address.sessionId, elsewhere.id)).editorState)).toBe('The desk rewrote it meanwhile.');
  });
});
