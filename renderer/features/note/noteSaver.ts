import { MAX_UNCONFIRMED_SAVES, type SavedNote } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import { noteKey, type NoteAddress } from '../../../shared/note/noteAddress';
import { serializedNoteStateSchema, type SerializedNoteState } from '../../../shared/note/noteFile';
import { repairNoteState } from '../../../shared/note/repairNoteState';
import { browserTimers, QuietPeriod, type Timers } from '../../timing/quietPeriod';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** `repaired`: what had to be simplified for the note to be stored at all (see repairNoteState). */
  | { kind: 'saved'; savedAt: string; repaired?: string[] }
  | { kind: 'error'; message: string };

export { noteKey, type NoteAddress };
/**
 * `baseSavedAt`: the version the text was typed over, when the saver knows it (see `opened`).
 * `unconfirmedStates`: what failed saves since the last one that landed sent; one of them may
 * have been written before its answer was lost.
 */
export type SaveNote = (request: NoteAddress & { editorState: SerializedNoteState; baseSavedAt?: string | null; unconfirmedStates?: SerializedNoteState[] }) => Promise<Result<SavedNote>>;
/** Said in words when a save found the note changed elsewhere and kept that version too. */
export type KeptVersionListener = (address: NoteAddress, message: string) => void;
/** Produces the state to save. Called only when a save actually happens, so typing never serialises. */
export type StateSource = () => SerializedNoteState;

export type NoteSaverOptions = { debounceMs?: number; maxWaitMs?: number; retryMs?: number; timers?: Timers };
export type StatusListener = (address: NoteAddress, status: SaveStatus) => void;

type Entry = NoteAddress & {
  /** The newest state known in memory that is not yet confirmed on disk; null when disk is current. */
  latest: StateSource | null;
  /** `latest` has not been handed to a save yet. */
  dirty: boolean;
  inFlight: Promise<void> | null;
  /** A save was asked for (timer or flush) while one was in flight: the next starts as soon as it ends. */
  saveAgain: boolean;
  /** Ends `debounceMs` after the last change. */
  debounce: QuietPeriod;
  /** Set by the first change after a save starts; caps how long continuous typing can go unsaved. */
  maxWait: unknown;
  retry: unknown;
  status: SaveStatus;
  /** A save of this note was refused as not a valid note: later ones are repaired before they are sent. */
  repairing: boolean;
  /** What the last save had to repair. */
  repairs: string[];
  /**
   * What saves that failed since the last one that landed sent: the host may have written one
   * and then stopped before answering, and that text on disk is this window's own, not a
   * change made elsewhere. The first of an outage and the newest ones, MAX_UNCONFIRMED_SAVES in all.
   */
  unconfirmed: SerializedNoteState[];
};

/**
 * Saves notes, one entry per session: debounced after the last change but never later than
 * `maxWaitMs` after the first unsaved one (so steady typing is saved too), at most one save in
 * flight per session, newest state wins, and a failed save stays pending and is retried
 * until it succeeds. It also remembers each session's unsaved state, so reopening a session
 * whose save has not landed yet shows the newest text rather than what is on disk.
 */
export class NoteSaver {
  private readonly entries = new Map<string, Entry>();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryMs: number;
  private readonly statusListeners = new Set<StatusListener>();
  /** Kept apart from the entries: a listener outlives `forget` (a restore) and hears the entry made next. */
  private readonly addressListeners = new Map<string, Set<(status: SaveStatus) => void>>();
  private readonly timers: Timers;
  /** The version on disk each note's text is typed over: what was opened, then what each save wrote. */
  private readonly baseVersions = new Map<string, string | null>();
  private readonly keptVersionListeners = new Set<KeptVersionListener>();

  constructor(
    private readonly save: SaveNote,
    options: NoteSaverOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 500;
    // Steady typing is saved at least this often (plus up to 150 ms waiting for an idle moment), so a crash loses well under a second of it.
    this.maxWaitMs = options.maxWaitMs ?? 300;
    this.retryMs = options.retryMs ?? 2000;
    this.timers = options.timers ?? browserTimers;
  }

  /** The editor shows this note as read from disk (savedAt null: there was none); its saves say so, so a newer version on disk is kept, not overwritten. */
  opened(address: NoteAddress, savedAt: string | null): void {
    this.baseVersions.set(noteKey(address), savedAt);
  }

  /** Told when a save kept another version of the note that was saved elsewhere meanwhile. */
  subscribeKeptVersions(listener: KeptVersionListener): () => void {
    this.keptVersionListeners.add(listener);
    return () => this.keptVersionListeners.delete(listener);
  }

  /** Records a change; the state is read from `source` only when the save runs. */
  change(address: NoteAddress, source: StateSource): void {
    const entry = this.entry(address);
    entry.latest = memoise(source);
    entry.dirty = true;
    // Only a change of kind is announced: keystrokes must not re-render the indicator.
    if (entry.status.kind !== 'error' && entry.status.kind !== 'pending') this.setStatus(entry, { kind: 'pending' });
    entry.debounce.touch();
    entry.maxWait ??= this.timers.set(() => this.drainWhenIdle(entry), this.maxWaitMs);
  }

  /** Saves this session's pending change now; resolves once that save attempt has finished. */
  flush(address: NoteAddress): Promise<void> {
    const entry = this.entries.get(noteKey(address));
    return entry ? this.drain(entry) : Promise.resolve();
  }

  /** Saves every session's pending change now, e.g. before the window closes. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => this.drain(entry)));
  }

  /** The newest unsaved (or not yet confirmed) state of a session, if any. */
  unsavedState(address: NoteAddress): SerializedNoteState | null {
    return this.entries.get(noteKey(address))?.latest?.() ?? null;
  }

  /** This session has changes not yet confirmed on disk (cheaper than unsavedState: nothing is serialised). */
  hasUnsaved(address: NoteAddress): boolean {
    return (this.entries.get(noteKey(address))?.latest ?? null) !== null;
  }

  hasUnsavedChanges(): boolean {
    return [...this.entries.values()].some((entry) => entry.latest !== null);
  }

  status(address: NoteAddress): SaveStatus {
    return this.entries.get(noteKey(address))?.status ?? { kind: 'idle' };
  }

  subscribe(address: NoteAddress, listener: (status: SaveStatus) => void): () => void {
    const key = noteKey(address);
    let listeners = this.addressListeners.get(key);
    if (!listeners) this.addressListeners.set(key, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.addressListeners.delete(key);
    };
  }

  /** Every session's status changes, e.g. for an app-wide "notes are not being saved" banner. */
  subscribeAll(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Drops a session (it was deleted, or its note replaced by a restore): no more saves or
   * retries for it. Announced even when nothing was pending, so whoever holds a read of the
   * note (the read-ahead) lets it go.
   */
  forget(address: NoteAddress): void {
    const entry = this.entries.get(noteKey(address));
    if (entry) {
      entry.debounce.cancel();
      this.timers.clear(entry.maxWait);
      this.timers.clear(entry.retry);
      entry.latest = null;
      entry.dirty = false;
      this.entries.delete(noteKey(address));
    }
    this.announce(address, { kind: 'idle' });
  }

  /** A timed save waits for an idle moment, so it does not land between a keystroke and its frame. */
  private drainWhenIdle(entry: Entry): void {
    this.timers.whenIdle(() => void this.drain(entry));
  }

  private drain(entry: Entry): Promise<void> {
    entry.debounce.cancel();
    this.timers.clear(entry.maxWait);
    entry.maxWait = undefined;
    this.timers.clear(entry.retry);
    if (entry.inFlight) entry.saveAgain = true;
    else if (entry.dirty && entry.latest) entry.inFlight = this.saveUntilCurrent(entry);
    return entry.inFlight ?? Promise.resolve();
  }

  /**
   * Saves, and saves again at once only while a save was asked for during the one in flight, or
   * a save fails (then a retry is scheduled). Changes typed during a save otherwise wait for
   * their own debounce and cap: saving back to back would serialise the note every few keys.
   */
  private async saveUntilCurrent(entry: Entry): Promise<void> {
    try {
      do {
        entry.saveAgain = false;
        const source = entry.latest!;
        entry.dirty = false;
        if (entry.status.kind !== 'error') this.setStatus(entry, { kind: 'saving' });
        const { result, sent } = await this.attempt(entry, source);
        if (this.entries.get(noteKey(entry)) !== entry) return;
        if (!result.ok) {
          if (sent) rememberUnconfirmed(entry, sent);
          entry.dirty = true;
          this.setStatus(entry, { kind: 'error', message: result.error.message });
          entry.retry = this.timers.set(() => void this.drain(entry), this.retryMs);
          return;
        }
        this.savedOver(entry, result.value);
        entry.unconfirmed = [];
        if (!entry.dirty) {
          entry.latest = null;
          this.setStatus(entry, entry.repairs.length > 0 ? { kind: 'saved', savedAt: result.value.savedAt, repaired: entry.repairs } : { kind: 'saved', savedAt: result.value.savedAt });
        } else if (!entry.saveAgain) this.setStatus(entry, { kind: 'pending' });
      } while (entry.saveAgain && entry.dirty && entry.latest);
    } finally {
      // Cleared synchronously when the loop ends, so a change arriving right after starts a new save.
      entry.inFlight = null;
    }
  }

  private savedOver(entry: Entry, saved: SavedNote): void {
    const key = noteKey(entry);
    if (!this.baseVersions.has(key)) return;
    this.baseVersions.set(key, saved.savedAt);
    if (saved.keptVersion) for (const listener of this.keptVersionListeners) listener(entry, saved.keptVersion.message);
  }

  /**
   * One save. A note the services refuse as not valid would be refused for good, and what is
   * typed next would live only in the window: it is saved repaired instead (every word kept that
   * can be), and so is every later save of it until the editor holds a valid note again.
   */
  private async attempt(entry: Entry, source: StateSource): Promise<Attempt> {
    const key = noteKey(entry);
    const base = this.baseVersions.has(key) ? { baseSavedAt: this.baseVersions.get(key) ?? null } : {};
    let state: SerializedNoteState;
    try {
      state = source();
    } catch (error) {
      return { result: internalError(error), sent: null };
    }
    const first = await this.send(entry, state, base);
    if (first.result.ok || first.result.error.code !== 'invalid-argument' || entry.repairing || serializedNoteStateSchema.safeParse(state).success) return first;
    entry.repairing = true;
    return this.send(entry, state, base);
  }

  /** One request; `sent` is what it carried, whether or not an answer came. */
  private async send(entry: Entry, state: SerializedNoteState, base: { baseSavedAt?: string | null }): Promise<Attempt> {
    let sent = state;
    if (entry.repairing) {
      const { state: repaired, repairs } = repairNoteState(state);
      entry.repairs = repairs;
      if (repairs.length === 0) entry.repairing = false;
      sent = repaired;
    }
    const unconfirmed = entry.unconfirmed.length > 0 ? { unconfirmedStates: entry.unconfirmed } : {};
    try {
      return { result: await this.save({ eventId: entry.eventId, sessionId: entry.sessionId, editorState: sent, ...base, ...unconfirmed }), sent };
    } catch (error) {
      return { result: internalError(error), sent };
    }
  }

  private entry(address: NoteAddress): Entry {
    const key = noteKey(address);
    let entry = this.entries.get(key);
    if (!entry) {
      const created: Entry = {
        eventId: address.eventId,
        sessionId: address.sessionId,
        latest: null,
        dirty: false,
        inFlight: null,
        saveAgain: false,
        debounce: new QuietPeriod(this.debounceMs, () => this.drainWhenIdle(created), this.timers),
        maxWait: undefined,
        retry: undefined,
        status: { kind: 'idle' },
        repairing: false,
        repairs: [],
        unconfirmed: [],
      };
      this.entries.set(key, created);
      entry = created;
    }
    return entry;
  }

  private setStatus(entry: Entry, status: SaveStatus): void {
    entry.status = status;
    this.announce(entry, status);
  }

  private announce(address: NoteAddress, status: SaveStatus): void {
    for (const listener of this.addressListeners.get(noteKey(address)) ?? []) listener(status);
    for (const listener of this.statusListeners) listener(address, status);
  }
}

type Attempt = { result: Result<SavedNote>; sent: SerializedNoteState | null };

function internalError(error: unknown): Result<never> {
  return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}

function rememberUnconfirmed(entry: Entry, sent: SerializedNoteState): void {
  if (entry.unconfirmed.includes(sent)) return;
  const [first, ...rest] = [...entry.unconfirmed, sent];
  entry.unconfirmed = [first, ...rest.slice(-(MAX_UNCONFIRMED_SAVES - 1))];
}

function memoise(source: StateSource): StateSource {
  let value: SerializedNoteState | undefined;
  return () => (value ??= source());
}
