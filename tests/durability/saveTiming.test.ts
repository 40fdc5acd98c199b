import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SavedNote } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { noteStateText } from '../../shared/note/noteText';
import { NoteSaver, type NoteAddress } from '../../renderer/features/note/noteSaver';
import { noteState } from '../helpers/noteStates';

const A: NoteAddress = { eventId: 'summit', sessionId: 'keynote' };
const B: NoteAddress = { eventId: 'summit', sessionId: 'panel' };
const SAVE_LATENCY_MS = 80;

/** A disk that takes SAVE_LATENCY_MS per save and records what it holds and when. */
function slowDisk() {
  const landed: { at: number; sessionId: string; text: string }[] = [];
  const save = vi.fn(
    ({ sessionId, editorState }: NoteAddress & { editorState: SerializedNoteState }) =>
      new Promise<Result<SavedNote>>((resolve) =>
        setTimeout(() => {
          landed.push({ at: Date.now(), sessionId, text: noteStateText(editorState) });
          resolve({ ok: true, value: { savedAt: new Date().toISOString(), bytesWritten: 1 } });
        }, SAVE_LATENCY_MS),
      ),
  );
  const textAt = (time: number, sessionId = A.sessionId) => landed.filter((entry) => entry.at <= time && entry.sessionId === sessionId).at(-1)?.text ?? '';
  return { save, landed, textAt };
}

describe('when typed text reaches the disk', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('during steady typing (a key every 30 ms for 4 s) the disk is never more than a second behind', async () => {
    const disk = slowDisk();
    const saver = new NoteSaver(disk.save);
    const typed: { at: number; text: string }[] = [];
    let text = '';
    for (let key = 0; key < 134; key++) {
      text += 'abcdefghij klmnopqrst'[key % 21];
      const snapshot = text;
      saver.change(A, () => noteState(snapshot));
      typed.push({ at: Date.now(), text: snapshot });
      await vi.advanceTimersByTimeAsync(30);
    }
    for (let time = 1000; time <= Date.now(); time += 10) {
      const typedASecondAgo = typed.filter((entry) => entry.at <= time - 1000).at(-1)?.text ?? '';
      expect(disk.textAt(time).length, `at ${time} ms`).toBeGreaterThanOrEqual(typedASecondAgo.length);
      expect(text.startsWith(disk.textAt(time))).toBe(true);
    }
  });

  it('steady typing is not saved back to back: each save waits for the 300 ms cap, counted from the first key typed after the last one started', async () => {
    const disk = slowDisk();
    const saver = new NoteSaver(disk.save);
    for (let key = 0; key < 134; key++) {
      saver.change(A, () => noteState('x'.repeat(key + 1)));
      await vi.advanceTimersByTimeAsync(30);
    }
    // 4 s of typing: about one save per 300 ms cap, not one every 80 ms write (50 saves).
    expect(disk.save.mock.calls.length).toBeLessThanOrEqual(Math.ceil(4020 / 300) + 1);
    const starts = disk.landed.map((entry) => entry.at - SAVE_LATENCY_MS);
    for (let index = 1; index < starts.length; index++) expect(starts[index] - starts[index - 1]).toBeGreaterThanOrEqual(300);
  });

  it('after the last keystroke the note is on disk within one second', async () => {
    const disk = slowDisk();
    const saver = new NoteSaver(disk.save);
    saver.change(A, () => noteState('last words'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(disk.textAt(1000)).toBe('last words');
    expect(disk.landed[0].at).toBeLessThanOrEqual(500 + SAVE_LATENCY_MS);
  });

  it('on a switch of session, blur, export or quit (flush, flushAll) pending notes are saved at once, not after the debounce', async () => {
    const disk = slowDisk();
    const saver = new NoteSaver(disk.save);
    saver.change(A, () => noteState('keynote text'));
    const switched = saver.flush(A);
    await vi.advanceTimersByTimeAsync(SAVE_LATENCY_MS);
    await switched;
    expect(disk.landed).toEqual([{ at: SAVE_LATENCY_MS, sessionId: A.sessionId, text: 'keynote text' }]);

    saver.change(A, () => noteState('keynote text, more'));
    saver.change(B, () => noteState('panel text'));
    const start = Date.now();
    const flushed = saver.flushAll();
    await vi.advanceTimersByTimeAsync(SAVE_LATENCY_MS);
    await flushed;
    expect(disk.landed.slice(1).map((entry) => [entry.at - start, entry.text])).toEqual([
      [SAVE_LATENCY_MS, 'keynote text, more'],
      [SAVE_LATENCY_MS, 'panel text'],
    ]);
  });
});
