import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { NoteHistories, REMEMBERED_HISTORIES } from '../../renderer/features/note/noteHistories';
import { NoteSaver, type NoteAddress } from '../../renderer/features/note/noteSaver';
import type { ReadyNote } from '../../renderer/features/note/useNoteContent';
import { noteState } from '../helpers/noteStates';

const KEYNOTE: NoteAddress = { eventId: 'summit', sessionId: 'keynote' };

/** A read of the note, as each visit to its session makes one; its key is the same on every visit (the revision changes only when a snapshot is restored). */
function shown(address: NoteAddress, from: { unsaved?: boolean; savedAt?: string | null; revision?: number } = {}): ReadyNote {
  return { state: 'ready', key: `${address.eventId}/${address.sessionId}/${from.revision ?? 0}`, address, editorState: null, savedAt: from.savedAt ?? null, unsaved: from.unsaved ?? false };
}

/** A saver whose saves land at once, stamped with the given time. */
function saverSavingAt(savedAt: string) {
  return new NoteSaver(async () => ({ ok: true, value: { savedAt, bytesWritten: 10 } }), { timers: { set: () => 0, clear: () => undefined, now: () => 0, whenIdle: (callback) => callback() } });
}

/** What the editor does with a history: starts it at the note shown, then records an edit. */
function edit(history: ReturnType<NoteHistories['take']>) {
  const editor = createHeadlessEditor({ onError: (error) => { throw error; } });
  history.state.current = { editor, editorState: editor.parseEditorState(JSON.stringify(noteState('typed'))) };
  history.state.undoStack.push({ editor, editorState: editor.parseEditorState(JSON.stringify(noteState(''))) });
}

describe('NoteHistories', () => {
  it('goes on with a note’s history when it is shown again from this window’s unsaved text or its own last save', async () => {
    const saver = saverSavingAt('2026-11-02T10:00:00.000Z');
    const histories = new NoteHistories(saver);
    const first = histories.take(shown(KEYNOTE));
    expect(first.resumes).toBe(false);
    edit(first);

    const fromMemory = histories.take(shown(KEYNOTE, { unsaved: true }));
    expect(fromMemory).toEqual({ state: first.state, resumes: true });

    saver.change(KEYNOTE, () => noteState('typed'));
    await saver.flush(KEYNOTE);
    const ownSave = shown(KEYNOTE, { savedAt: '2026-11-02T10:00:00.000Z' });
    const fromOwnSave = histories.take(ownSave);
    expect(fromOwnSave.state).toBe(first.state);
    expect(fromOwnSave.resumes).toBe(true);
    // Asked again for the same read (a render may ask twice), the same answer.
    expect(histories.take(ownSave)).toEqual(fromOwnSave);
    // A later visit, the note unchanged on disk: the history still goes on.
    expect(histories.take(shown(KEYNOTE, { savedAt: '2026-11-02T10:00:00.000Z' }))).toEqual(fromOwnSave);
  });

  it('starts afresh when the note on disk was written by someone else since (the CLI, a restore)', async () => {
    const saver = saverSavingAt('2026-11-02T10:00:00.000Z');
    const histories = new NoteHistories(saver);
    edit(histories.take(shown(KEYNOTE)));
    saver.change(KEYNOTE, () => noteState('typed'));
    await saver.flush(KEYNOTE);
    expect(histories.take(shown(KEYNOTE, { savedAt: '2026-11-02T10:00:00.000Z' })).resumes).toBe(true);
    // The next visit reads what the CLI wrote meanwhile: same session, same key, another save.
    const afterCli = histories.take(shown(KEYNOTE, { savedAt: '2026-11-02T10:05:00.000Z' }));
    expect(afterCli.resumes).toBe(false);
    expect(afterCli.state.undoStack).toEqual([]);
  });

  it(`keeps the histories of the ${REMEMBERED_HISTORIES} notes shown most recently`, () => {
    const histories = new NoteHistories(saverSavingAt('2026-11-02T10:00:00.000Z'));
    const address = (index: number): NoteAddress => ({ eventId: 'summit', sessionId: `talk-${index}` });
    for (let index = 0; index <= REMEMBERED_HISTORIES; index++) edit(histories.take(shown(address(index))));
    // The first was shown longest ago and is gone; the second is still kept.
    expect(histories.take(shown(address(0), { unsaved: true })).resumes).toBe(false);
    expect(histories.take(shown(address(2), { unsaved: true })).resumes).toBe(true);
  });
});
