import { AssetStore } from './assets/assetStore';
import { BundleService } from './bundle/bundleService';
import { ExchangeService } from './exchange/exchangeService';
import { MemorySecretStore, type SecretStore } from './sync/secretStore';
import { SyncService } from './sync/syncService';
import { PostExporter } from './export/postExporter';
import { DamagedNotes } from './history/damagedNotes';
import { HistoryService } from './history/historyService';
import { HistoryStore } from './history/historyStore';
import { noteHistory } from './history/noteHistory';
import { EventStore } from './library/eventStore';
import type { LibraryChange, LibraryChangeListener } from './library/libraryChange';
import { LibraryPaths } from './library/libraryPaths';
import { NoteStore } from './notes/noteStore';
import { PostStore } from './posts/postStore';
import { PostResolver } from './posts/resolvePost';
import { PreferenceService, type PreferenceBackend } from './preferences/preferenceService';
import { SearchService } from './search/searchService';
import { WriteQueue } from './storage/atomicWrite';
import { TrashService } from './trash/trashService';

export type Services = {
  paths: LibraryPaths;
  events: EventStore;
  notes: NoteStore;
  /** Photos in notes, content-addressed per event. */
  assets: AssetStore;
  preferences: PreferenceService;
  posts: PostStore;
  postResolver: PostResolver;
  exporter: PostExporter;
  /** Full-text search and note word counts; built on first use, kept current by the stores. */
  search: SearchService;
  /** Snapshots of notes (version history) and the way back from a damaged note. */
  history: HistoryService;
  /** Deleted events and sessions: list, restore, empty. */
  trash: TrashService;
  /** Every pending write; awaited before quit. */
  writes: WriteQueue;
  /** Working as a team: merging what came in per session, and teammates' versions of a note. */
  exchange: ExchangeService;
  /** Event bundles (.hallnotes): export, and import into a new or the same event. */
  bundles: BundleService;
  /** Sync of an event through a shared Git remote. */
  sync: SyncService;
  /** Tells a listener (the background sync) about every write that landed; returns how to stop. */
  onLibraryChange(listener: LibraryChangeListener): () => void;
};

/** Wires the services for one library; the same for Electron main, the host and the CLI. */
export function createServices(options: { libraryPath: string; preferences: PreferenceBackend; secrets?: SecretStore }): Services {
  const paths = new LibraryPaths(options.libraryPath);
  const writes = new WriteQueue();
  // The stores tell the search index about every write; the index itself needs the event store.
  let search: SearchService | undefined;
  const listeners = new Set<LibraryChangeListener>();
  const onChanged = (change: LibraryChange) => {
    search?.onChanged(change);
    for (const listener of listeners) listener(change);
  };
  const events = new EventStore(paths, writes, onChanged);
  search = new SearchService(paths, events);
  const posts = new PostStore(paths, events, writes);
  const postResolver = new PostResolver(paths, posts, writes);
  const preferences = new PreferenceService(options.preferences);
  const snapshots = new HistoryStore(paths, writes, () => preferences.get().historyRetentionDays);
  const damaged = new DamagedNotes(paths);
  const notes = new NoteStore(paths, events, writes, onChanged, noteHistory(snapshots, damaged));
  const assets = new AssetStore(paths, events, writes);
  const history = new HistoryService(events, notes, snapshots, damaged);
  const exchange = new ExchangeService({ paths, events, notes, posts, assets, history, preferences });
  return {
    paths,
    events,
    notes,
    assets,
    preferences,
    posts,
    postResolver,
    exporter: new PostExporter(paths, postResolver),
    search,
    history,
    trash: new TrashService(paths, events, snapshots, onChanged),
    writes,
    exchange,
    bundles: new BundleService({ paths, events, exchange }),
    // Tokens never live in the library: the app passes safeStorage, the host and CLI a 0600 file.
    sync: new SyncService({ paths, events, exchange, secrets: options.secrets ?? new MemorySecretStore() }),
    onLibraryChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
