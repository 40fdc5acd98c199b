import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedNote } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import { serializedNoteStateSchema, type SerializedNoteNode, type SerializedNoteState } from '../../shared/note/noteFile';
import { noteStateText } from '../../shared/note/noteText';
import { NoteSaver, type NoteAddress, type SaveStatus } from '../../renderer/features/note/noteSaver';

const A: NoteAddress = { eventId: 'summit', sessionId: 'keynote' };
const B: NoteAddress = { eventId: 'summit', sessionId: 'panel' };

function state(text: string): SerializedNoteState {
  return { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] }] } };
}

function textOf(saved: SerializedNoteState): string {
  return (saved.root.children[0].children?.[0].text as string | undefined) ?? '';
}

type Call = { address: NoteAddress; text: string; finish: (result?: Result<SavedNote>) => void };

/** A save function whose calls stay pending until the test finishes them. */
function controllableSave() {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const save = vi.fn(({ eventId, sessionId, editorState }: NoteAddress & { editorState: SerializedNoteState }) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    return new Promise<Result<SavedNote>>((resolve) => {
      calls.push({
        address: { eventId, sessionId },
        text: textOf(editorState),
        finish: (result = { ok: true, value: { savedAt: '2026-08-25T09:30:00.000Z', bytesWritten: 100 } }) => {
          inFlight -= 1;
          resolve(result);
        },
      });
    });
  });
  return { save, calls, maxInFlight: () => maxInFlight };
}

const failure: Result<SavedNote> = { ok: false, error: { code: 'not-found', message: 'There is no event with id "summit" in this library.' } };

describe('NoteSaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, the newest state, 500 ms after the last change, serialising only what it saves', async () => {
    const { save, calls } = controllableSave();
    // The cap on continuous typing (tests/durability/saveTiming.test.ts) is lifted to watch the debounce alone.
    const saver = new NoteSaver(save, { maxWaitMs: 60_000 });
    const sources = ['H', 'He', 'Hel'].map((text) => vi.fn(() => state(text)));
    for (const source of sources) {
      saver.change(A, source);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.map((call) => call.text)).toEqual(['Hel']);
    expect(sources[0]).not.toHaveBeenCalled();
    expect(sources[1]).not.toHaveBeenCalled();
  });

  it('keeps one save in flight per session and then saves the newest state', async () => {
    const { save, calls, maxInFlight } = controllableSave();
    const saver = new NoteSaver(save);
    saver.change(A, () => state('first'));
    const flushed = saver.flush(A);
    saver.change(A, () => state('second'));
    void saver.flush(A);
    saver.change(A, () => state('third'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.map((call) => call.text)).toEqual(['first']);
    calls[0].finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.text)).toEqual(['first', 'third']);
    calls[1].finish();
    await flushed;
    expect(maxInFlight()).toBe(1);
    expect(saver.status(A)).toEqual({ kind: 'saved', savedAt: '2026-08-25T09:30:00.000Z' });
  });

  it('shows the unsaved text of a session until its save has landed', async () => {
    const { save, calls } = controllableSave();
    const saver = new NoteSaver(save);
    saver.change(A, () => state('typed before switching'));
    const flushed = saver.flush(A);
    expect(textOf(saver.unsavedState(A)!)).toBe('typed before switching');
    expect(saver.hasUnsavedChanges()).toBe(true);
    calls[0].finish();
    await flushed;
    expect(saver.unsavedState(A)).toBeNull();
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('never mixes up sessions: each state is saved to its own note', async () => {
    const { save, calls } = controllableSave();
    const saver = new NoteSaver(save);
    saver.change(A, () => state('alpha'));
    void saver.flush(A);
    saver.change(B, () => state('bravo'));
    void saver.flush(B);
    saver.change(A, () => state('alpha two'));
    await vi.advanceTimersByTimeAsync(0);
    for (const call of calls) call.finish();
    await vi.advanceTimersByTimeAsync(600);
    for (const call of calls) call.finish();
    await saver.flushAll();
    expect(calls.map((call) => [call.address.sessionId, call.text])).toEqual([
      ['keynote', 'alpha'],
      ['panel', 'bravo'],
      ['keynote', 'alpha two'],
    ]);
  });

  it('reports a failed save, keeps the error up while retrying every 2 s, and clears it on success', async () => {
    const { save, calls } = controllableSave();
    const saver = new NoteSaver(save);
    const statuses: SaveStatus[] = [];
    saver.subscribe(A, (status) => statuses.push(status));
    saver.change(A, () => state('during the outage'));
    void saver.flush(A);
    calls[0].finish(failure);
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status(A)).toEqual({ kind: 'error', message: failure.ok ? '' : failure.error.message });
    expect(saver.unsavedState(A)).not.toBeNull();

    saver.change(A, () => state('during the outage, more'));
    expect(saver.status(A).kind).toBe('error');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
    expect(calls[1].text).toBe('during the outage, more');
    expect(saver.status(A).kind).toBe('error');
    calls[1].finish(failure);
    await vi.advanceTimersByTimeAsync(2000);
    calls[2].finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status(A).kind).toBe('saved');
    expect(statuses.map((status) => status.kind)).toEqual(['pending', 'saving', 'error', 'error', 'saved']);
  });

  it('turns a thrown save into an error status instead of losing the change', async () => {
    const saver = new NoteSaver(() => Promise.reject(new Error('connection reset')));
    saver.change(A, () => state('text'));
    await saver.flush(A);
    expect(saver.status(A)).toEqual({ kind: 'error', message: 'connection reset' });
    expect(textOf(saver.unsavedState(A)!)).toBe('text');
  });

  it('stops saving and retrying a session it was told to forget', async () => {
    const { save, calls } = controllableSave();
    const saver = new NoteSaver(save);
    saver.change(A, () => state('about to be deleted'));
    void saver.flush(A);
    calls[0].finish(failure);
    await vi.advanceTimersByTimeAsync(0);
    saver.forget(A);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('keeps telling a subscriber (the save indicator) about a session after it was forgotten and edited again, as after a restore', async () => {
    const { save, calls } = controllableSave();
    const saver = new NoteSaver(save);
    const heard: SaveStatus['kind'][] = [];
    saver.subscribe(A, (status) => heard.push(status.kind));
    saver.change(A, () => state('before the restore'));
    void saver.flush(A);
    calls[0].finish();
    await vi.advanceTimersByTimeAsync(0);
    saver.forget(A);
    saver.change(A, () => state('typed after the restore'));
    void saver.flush(A);
    calls[1].finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(heard).toEqual(['pending', 'saving', 'saved', 'idle', 'pending', 'saving', 'saved']);
  });

  it('tells every listener when a session with nothing pending is forgotten (a restore replaced its note), so reads of it are dropped', () => {
    const { save } = controllableSave();
    const saver = new NoteSaver(save);
    const heard: Array<[string, SaveStatus['kind']]> = [];
    saver.subscribeAll((address, status) => heard.push([address.sessionId, status.kind]));
    saver.forget(A);
    expect(heard).toEqual([['keynote', 'idle']]);
  });

  it('saves a repaired copy of a note the services refuse as invalid, says what was repaired, and repairs the saves after it before sending', async () => {
    const sent: SerializedNoteState[] = [];
    // The services' own check: a note deeper than the validator allows is refused, every time.
    const saver = new NoteSaver(async ({ editorState }) => {
      sent.push(editorState);
      return serializedNoteStateSchema.safeParse(editorState).success
        ? { ok: true, value: { savedAt: '2026-08-25T09:30:00.000Z', bytesWritten: 100 } }
        : { ok: false, error: { code: 'invalid-argument', message: 'argument to notes:save: editorState: nested more than 40 levels deep' } };
    });
    let item: SerializedNoteNode = { type: 'listitem', version: 1, children: [{ type: 'text', version: 1, text: 'deepest', format: 0 }] };
    for (let level = 0; level < 25; level++) item = { type: 'listitem', version: 1, children: [{ type: 'list', version: 1, listType: 'bullet', children: [item] }] };
    const deep = (extra: string): SerializedNoteState => ({
      root: { type: 'root', version: 1, children: [{ type: 'list', version: 1, listType: 'bullet', children: [item] }, state(extra).root.children[0]] },
    });

    saver.change(A, () => deep('typed after'));
    await saver.flush(A);
    expect(sent).toHaveLength(2);
    expect(serializedNoteStateSchema.safeParse(sent[1]).success).toBe(true);
    expect(noteStateText(sent[1])).toBe('deepest\ntyped after');
    expect(saver.status(A)).toEqual({ kind: 'saved', savedAt: '2026-08-25T09:30:00.000Z', repaired: ['a list nested more than 9 levels deep was kept as lines of text'] });
    expect(saver.hasUnsaved(A)).toBe(false);

    saver.change(A, () => deep('and more'));
    await saver.flush(A);
    expect(sent).toHaveLength(3);
    expect(noteStateText(sent[2])).toBe('deepest\nand more');
  });

  it('sends along what saves whose answer never came sent (the first of the outage and the newest, three at most), until a save lands', async () => {
    const requests: { text: string; unconfirmed: string[] }[] = [];
    let failuresLeft = 5;
    const saver = new NoteSaver(
      async ({ editorState, unconfirmedStates }) => {
        requests.push({ text: textOf(editorState), unconfirmed: (unconfirmedStates ?? []).map(textOf) });
        return failuresLeft-- > 0 ? failure : { ok: true, value: { savedAt: '2026-08-25T09:30:00.000Z', bytesWritten: 100 } };
      },
      { retryMs: 60_000 },
    );
    for (const text of ['one', 'two', 'three', 'four', 'five', 'six', 'seven']) {
      saver.change(A, () => state(text));
      await saver.flush(A);
    }
    expect(requests).toEqual([
      { text: 'one', unconfirmed: [] },
      { text: 'two', unconfirmed: ['one'] },
      { text: 'three', unconfirmed: ['one', 'two'] },
      { text: 'four', unconfirmed: ['one', 'two', 'three'] },
      { text: 'five', unconfirmed: ['one', 'three', 'four'] },
      { text: 'six', unconfirmed: ['one', 'four', 'five'] },
      { text: 'seven', unconfirmed: [] },
    ]);
  });
});
