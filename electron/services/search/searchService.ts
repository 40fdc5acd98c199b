import { readdir, stat } from 'node:fs/promises';
import MiniSearch, { type SearchResult } from 'minisearch';
import { idSchema, type EventFile, type Session } from '../../../shared/model/event';
import type { EventNoteStats, SearchEventGroup, SearchHit, SearchResults, SearchSnippet } from '../../../shared/model/search';
import type { EventStore } from '../library/eventStore';
import type { LibraryChange } from '../library/libraryChange';
import type { LibraryPaths } from '../library/libraryPaths';
import type { NoteStore } from '../notes/noteStore';
import { NoteTextCache, type NoteText } from './noteTextCache';
import { fieldSnippet, noteSnippets } from './snippets';
import { normaliseTerm, tokenize } from './searchTerms';

type SessionDocument = { id: string; title: string; speakers: string; room: string; note: string };
type IndexedSession = { eventId: string; session: Session; note: NoteText | null };

/** Changes made by other programs (the CLI, a sync tool) are picked up at most this long after. */
const RESYNC_AFTER_MS = 2000;
/**
 * The last query word is usually still being typed, so from three letters on it also matches
 * the start of a word ("keyn" finds "keynote"); the others, and shorter words, match whole.
 */
const MIN_PREFIX_LENGTH = 3;

const documentId = (eventId: string, sessionId: string) => `${eventId}/${sessionId}`;

/**
 * Full-text search over every session's title, speakers, room and note, in every event. The
 * MiniSearch index is built on the first query, then kept current by the stores' change
 * notices (saves, agenda edits, deletions) and, for files changed by other programs, by a
 * cheap re-check of modification times before a query when the last one is a while ago.
 */
export class SearchService {
  private readonly texts: NoteTextCache;
  private readonly sessions = new Map<string, IndexedSession>();
  private readonly events = new Map<string, { mtimeMs: number; event: EventFile }>();
  private readonly index = new MiniSearch<SessionDocument>({
    fields: ['title', 'speakers', 'room', 'note'],
    tokenize,
    processTerm: normaliseTerm,
  });
  private built = false;
  private lastSync = 0;
  /** Index updates run one at a time, in the order they were asked for. */
  private updates: Promise<void> = Promise.resolve();
  private pendingChanges = 0;

  constructor(
    private readonly paths: LibraryPaths,
    private readonly eventStore: EventStore,
    notes: NoteStore,
  ) {
    this.texts = new NoteTextCache(notes);
  }

  async query(text: string, limit = 50): Promise<SearchResults> {
    const query = text.trim();
    if (!query) return { query: text, total: 0, groups: [] };
    // Changes this process made are waited for; the re-check for other programs' changes is not.
    const ownChanges = this.pendingChanges > 0 ? this.updates : null;
    if (!this.built) await this.enqueue(() => this.sync());
    else if (Date.now() - this.lastSync > RESYNC_AFTER_MS) void this.enqueue(() => this.sync());
    await ownChanges;

    const results = this.index.search(query, {
      combineWith: 'AND',
      prefix: (term, index, terms) => index === terms.length - 1 && term.length >= MIN_PREFIX_LENGTH,
      boost: { title: 3, speakers: 2, room: 1.5 },
    });
    const hits = results.slice(0, limit).flatMap((result) => this.hitOf(result));
    return { query: text, total: results.length, groups: this.grouped(hits) };
  }

  /** Words and TK markers per session of one event, from the note files (cached by modification time). */
  async stats(eventId: string): Promise<EventNoteStats> {
    const event = await this.eventStore.get(eventId);
    const entries = await Promise.all(
      event.sessions.map(async (session) => {
        const note = await this.texts.read(eventId, session);
        return [session.id, { words: note?.words ?? 0, tk: note?.tk ?? 0 }] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  /** Told by the stores after each write. Never throws: a failed index update must not fail a save. */
  readonly onChanged = (change: LibraryChange): void => {
    if (change.kind === 'note-saved' || change.kind === 'note-removed') this.texts.forget(change.eventId, change.sessionId);
    // Before the first query there is no index to keep current; building it reads everything fresh.
    if (!this.built) return;
    this.pendingChanges += 1;
    void this.enqueue(() => this.apply(change)).finally(() => (this.pendingChanges -= 1));
  };

  private enqueue(update: () => Promise<void>): Promise<void> {
    const run = this.updates.then(update).catch((error: unknown) => console.error('[hallnotes] search index update failed:', error));
    this.updates = run;
    return run;
  }

  private async apply(change: LibraryChange): Promise<void> {
    switch (change.kind) {
      case 'event-saved':
        await this.setEvent(change.event, await modifiedTime(this.paths.eventFile(change.event.id)));
        return;
      case 'event-removed':
        this.removeEvent(change.eventId);
        return;
      case 'note-saved': {
        const indexed = this.sessions.get(documentId(change.eventId, change.sessionId));
        const note = await this.texts.remember(change.eventId, change.sessionId, change.editorState);
        if (indexed) this.put({ ...indexed, note });
        return;
      }
      case 'note-removed': {
        const indexed = this.sessions.get(documentId(change.eventId, change.sessionId));
        if (indexed) this.put({ ...indexed, note: null });
        return;
      }
    }
  }

  /** Brings the index in line with the library on disk, reading only what changed since the last time. */
  private async sync(): Promise<void> {
    const startedAt = Date.now();
    const seen = new Set<string>();
    for (const eventId of await eventFolders(this.paths.eventsFolder)) {
      const mtimeMs = await modifiedTime(this.paths.eventFile(eventId));
      if (mtimeMs === null) continue;
      seen.add(eventId);
      const known = this.events.get(eventId);
      if (known && known.mtimeMs === mtimeMs) await this.refreshNotes(known.event);
      else {
        const event = await this.eventStore.get(eventId).catch(() => null);
        if (event?.id === eventId) await this.setEvent(event, mtimeMs);
        else seen.delete(eventId);
      }
    }
    for (const eventId of [...this.events.keys()]) if (!seen.has(eventId)) this.removeEvent(eventId);
    this.built = true;
    this.lastSync = startedAt;
  }

  private async setEvent(event: EventFile, mtimeMs: number | null): Promise<void> {
    const current = new Set(event.sessions.map((session) => session.id));
    for (const [key, indexed] of this.sessions) {
      if (indexed.eventId === event.id && !current.has(indexed.session.id)) this.discard(key);
    }
    this.events.set(event.id, { mtimeMs: mtimeMs ?? -1, event });
    await this.refreshNotes(event);
  }

  private async refreshNotes(event: EventFile): Promise<void> {
    await Promise.all(
      event.sessions.map(async (session) => {
        const note = await this.texts.read(event.id, session);
        const key = documentId(event.id, session.id);
        const indexed = this.sessions.get(key);
        // Re-tokenising a long note is the expensive part, so a status change only swaps the session.
        if (indexed && indexed.note === note && sameIndexedFields(indexed.session, session)) this.sessions.set(key, { ...indexed, session });
        else this.put({ eventId: event.id, session, note });
      }),
    );
  }

  private removeEvent(eventId: string): void {
    for (const [key, indexed] of this.sessions) if (indexed.eventId === eventId) this.discard(key);
    this.events.delete(eventId);
  }

  private put(indexed: IndexedSession): void {
    const id = documentId(indexed.eventId, indexed.session.id);
    if (this.index.has(id)) this.index.discard(id);
    this.sessions.set(id, indexed);
    const { session, note } = indexed;
    this.index.add({ id, title: session.title, speakers: speakerText(session), room: session.room, note: note?.text ?? '' });
  }

  private discard(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
    this.sessions.delete(id);
  }

  private hitOf(result: SearchResult): SearchHit[] {
    const indexed = this.sessions.get(result.id as string);
    if (!indexed) return [];
    const { eventId, session, note } = indexed;
    const termsIn = (field: string) => new Set(result.terms.filter((term) => result.match[term]?.includes(field)));
    const snippets: SearchSnippet[] = [];
    for (const [field, text] of [['title', session.title], ['speakers', speakerText(session)], ['room', session.room]] as const) {
      const snippet = fieldSnippet(field, text, termsIn(field));
      if (snippet) snippets.push(snippet);
    }
    if (note) snippets.push(...noteSnippets(note.text, termsIn('note')));
    const { id: sessionId, title, day, start, end, room } = session;
    return [{ eventId, sessionId, title, day, start, end, room, speakers: session.speakers.map((speaker) => speaker.name), score: result.score, snippets }];
  }

  /** Events in the order of their best hit; hits keep their rank within each event. */
  private grouped(hits: SearchHit[]): SearchEventGroup[] {
    const groups = new Map<string, SearchEventGroup>();
    for (const hit of hits) {
      let group = groups.get(hit.eventId);
      if (!group) {
        group = { eventId: hit.eventId, eventTitle: this.events.get(hit.eventId)?.event.title ?? hit.eventId, hits: [] };
        groups.set(hit.eventId, group);
      }
      group.hits.push(hit);
    }
    return [...groups.values()];
  }
}

function sameIndexedFields(a: Session, b: Session): boolean {
  return a.title === b.title && a.room === b.room && speakerText(a) === speakerText(b);
}

function speakerText(session: Session): string {
  return session.speakers.map((speaker) => [speaker.name, speaker.role, speaker.organisation].filter(Boolean).join(', ')).join('; ');
}

async function eventFolders(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => idSchema.safeParse(name).success).sort();
  } catch {
    return [];
  }
}

async function modifiedTime(filePath: string): Promise<number | null> {
  try {
    return (await stat(filePath)).mtimeMs;
  } catch {
    return null;
  }
}
