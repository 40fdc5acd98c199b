import { describe, expect, it, vi } from 'vitest';
import type { LoadedNote } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import { NoteReads } from '../../renderer/features/note/noteReads';
import type { NoteAddress } from '../../renderer/features/note/noteSaver';

const KEYNOTE: NoteAddress = { eventId: 'summit', sessionId: 'keynote' };

/** Each read answers with a note saved at the time it was started, so a test can tell reads apart. */
function disk() {
  let clock = 0;
  const readNote = vi.fn(
    async (): Promise<Result<LoadedNote>> => ({
      ok: true,
      value: { note: { format: 1, sessionId: 'keynote', savedAt: `read at ${clock}`, editorState: { root: { type: 'root', version: 1, children: [] } } } },
    }),
  );
  return { readNote, now: () => clock, setClock: (time: number) => (clock = time) };
}

async function savedAt(read: Promise<Result<LoadedNote>>): Promise<string | undefined> {
  const result = await read;
  return result.ok ? result.value.note?.savedAt : undefined;
}

describe('NoteReads', () => {
  it('hands the read started on the click to the editor once, then reads afresh', async () => {
    const { readNote, now, setClock } = disk();
    const reads = new NoteReads(readNote, () => false, now);
    reads.prefetch(KEYNOTE);
    setClock(30);
    expect(await savedAt(reads.take(KEYNOTE))).toBe('read at 0');
    expect(await savedAt(reads.take(KEYNOTE))).toBe('read at 30');
    expect(readNote).toHaveBeenCalledTimes(2);
  });

  it('never hands out a read older than two seconds: the note may have changed since', async () => {
    const { readNote, now, setClock } = disk();
    const reads = new NoteReads(readNote, () => false, now);
    reads.prefetch(KEYNOTE);
    setClock(5_000);
    expect(await savedAt(reads.take(KEYNOTE))).toBe('read at 5000');
  });

  it('does not read ahead a note with unsaved changes, and drops a read the editor will not use', async () => {
    const { readNote, now } = disk();
    let unsaved = true;
    const reads = new NoteReads(readNote, () => unsaved, now);
    reads.prefetch(KEYNOTE);
    expect(readNote).not.toHaveBeenCalled();
    unsaved = false;
    reads.prefetch(KEYNOTE);
    reads.forget(KEYNOTE);
    await reads.take(KEYNOTE);
    expect(readNote).toHaveBeenCalledTimes(2);
  });

  it('shows a finished read without taking it, until it is forgotten (so a render may look as often as it likes)', async () => {
    const { readNote, now, setClock } = disk();
    const reads = new NoteReads(readNote, () => false, now);
    expect(reads.settled(KEYNOTE)).toBeNull();
    await reads.prefetch(KEYNOTE);
    setClock(40);
    const looks = [reads.settled(KEYNOTE), reads.settled(KEYNOTE), reads.settled(KEYNOTE)];
    expect(looks.map((look) => (look?.ok ? look.value.note?.savedAt : null))).toEqual(['read at 0', 'read at 0', 'read at 0']);
    // Looking did not use it up: the editor still takes that very read, not a new one.
    await reads.prefetch(KEYNOTE);
    expect(reads.settled(KEYNOTE)).toBe(looks[0]);
    reads.forget(KEYNOTE);
    expect(reads.settled(KEYNOTE)).toBeNull();
    expect(readNote).toHaveBeenCalledTimes(1);
  });
});
