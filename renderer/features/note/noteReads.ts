import type { LoadedNote } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import { noteKey, type NoteAddress } from './noteSaver';

export type ReadNote = (address: NoteAddress) => Promise<Result<LoadedNote>>;

/** A read started this long ago is not handed out any more: the note may have changed since. */
const FRESH_FOR_MS = 2_000;

type Started = { read: Promise<Result<LoadedNote>>; at: number; settled?: Result<LoadedNote> };

/**
 * Reads of notes from the library, started as soon as a session is chosen (from the pointer
 * going down on it, about a tenth of a second before the click) and handed once to
 * the editor that shows it. The app waits (briefly) for the read before it switches, so the
 * switch is one render that already has the note, not a render of "Opening…", a paint, and
 * another render once the note arrives.
 */
export class NoteReads {
  private readonly started = new Map<string, Started>();

  constructor(
    private readonly readNote: ReadNote,
    /** Such a note is shown from memory, and a read started now could hand out older text later. */
    private readonly hasUnsaved: (address: NoteAddress) => boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Starts reading the note unless a fresh read of it is already under way or it has unsaved
   * changes. Resolves once that read has finished (at once when there is none).
   */
  prefetch(address: NoteAddress): Promise<void> {
    if (this.hasUnsaved(address)) return Promise.resolve();
    const key = noteKey(address);
    let started = this.fresh(key);
    if (!started) {
      const entry: Started = { read: this.readNote(address), at: this.now() };
      void entry.read.then((result) => (entry.settled = result));
      this.started.set(key, entry);
      started = entry;
    }
    return started.read.then(() => undefined);
  }

  /** The finished result of a fresh read, if there is one; it stays until `forget` or `take`. */
  settled(address: NoteAddress): Result<LoadedNote> | null {
    return this.fresh(noteKey(address))?.settled ?? null;
  }

  /** Drops a read once its result is shown, or when it will not be (the note was shown from memory). */
  forget(address: NoteAddress): void {
    this.started.delete(noteKey(address));
  }

  /** The fresh read prefetch started, taken once, or a new read. */
  take(address: NoteAddress): Promise<Result<LoadedNote>> {
    const key = noteKey(address);
    const started = this.fresh(key);
    this.started.delete(key);
    return started?.read ?? this.readNote(address);
  }

  private fresh(key: string): Started | undefined {
    const started = this.started.get(key);
    return started && this.now() - started.at <= FRESH_FOR_MS ? started : undefined;
  }
}
