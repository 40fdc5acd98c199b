import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ASSET_FILE_NAME } from '../../../shared/note/assetPath';
import type { EventStore } from '../library/eventStore';
import type { LibraryPaths } from '../library/libraryPaths';
import type { NoteStore } from '../notes/noteStore';
import type { PostStore } from '../posts/postStore';
import { fileSystemError } from '../storage/serviceError';
import type { IncomingVersionStore } from './incomingVersions';
import type { Ledger } from './ledger';
import { postDayOf, type LocalSnapshot } from './localSnapshot';

export type SnapshotReaders = { paths: LibraryPaths; events: EventStore; notes: NoteStore; posts: PostStore; incoming: IncomingVersionStore };

/** Reads an event for an exchange through the stores (so a damaged file is quarantined and reported as everywhere else). */
export async function readLocalSnapshot(readers: SnapshotReaders, eventId: string, ledger: Ledger | null): Promise<LocalSnapshot> {
  const event = await readers.events.get(eventId);
  const withFiles = await readers.notes.sessionsWithFiles(eventId);
  const exchanged = new Set(Object.values(ledger?.sessions ?? {}).filter((entry) => entry.mine).map((entry) => entry.localId));
  const notes: LocalSnapshot['notes'] = new Map();
  const unreadable: LocalSnapshot['unreadable'] = new Map();
  for (const session of event.sessions) {
    if (!withFiles.has(session.id)) {
      if (exchanged.has(session.id)) unreadable.set(session.id, 'its file is missing from the notes folder');
      continue;
    }
    try {
      const { note } = await readers.notes.load(eventId, session.id);
      if (note) notes.set(session.id, note);
    } catch (error) {
      unreadable.set(session.id, error instanceof Error ? error.message : String(error));
    }
  }

  const posts: LocalSnapshot['posts'] = new Map();
  const eventFolder = readers.paths.eventFolder(eventId);
  for (const name of await fileNames(join(eventFolder, 'posts'), `the posts of "${event.title}"`)) {
    const key = name.endsWith('.json') ? name.slice(0, -5) : '';
    const day = postDayOf(key);
    if (day === undefined) continue;
    const { file } = await readers.posts.read(eventId, day);
    if (file) posts.set(key, file);
  }
  const assets = (await fileNames(join(eventFolder, 'assets'), `the photos of "${event.title}"`)).filter((name) => ASSET_FILE_NAME.test(name));
  return { event, notes, unreadable, posts, assets, incoming: await readers.incoming.readAll(eventId) };
}

async function fileNames(folder: string, what: string): Promise<string[]> {
  try {
    return (await readdir(folder)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw fileSystemError(`read ${what}`, error);
  }
}
