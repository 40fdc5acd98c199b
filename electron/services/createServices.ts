import { AssetStore } from './assets/assetStore';
import { BundleService } from './bundle/bundleService';
import { ExchangeService } from './exchange/exchangeService';
import { openSecretStore } from './secrets/openSecretStore';
import { MemorySecretStore, type SecretStore } from './secrets/secretStore';
import { SyncService } from './sync/syncService';
import { PostExporter } from './export/postExporter';
import { DamagedNotes } from './history/damagedNotes';
import { parseInWorker, parseOnThisThread, type ProgrammeParser } from './import/programmeParser';
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
import { PublishService, type PublishSetup } from './publish/publishService';
import { SearchService } from './search/searchService';
import { WriteQueue } from './storage/atomicWrite';
import { LibraryLocks } from './storage/libraryLocks';
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
  /** Reads programme files for imports: in a worker thread where the app ships one. */
  programmes: ProgrammeParser;
  /** Destinations, "Publish as draft" and the outbox. */
  publish: PublishService;
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
export function createServices(options: {
  libraryPath: string;
  preferences: PreferenceBackend;
  /** The bundled programme-parser worker (`build/workers/programmeParserWorker.mjs`); without it imports parse on this thread. */
  importWorker?: URL;
  /** Where publishing keeps destinations (the settings folder); without it publishing is not available. */
  publishing?: PublishSetup;
  /**
   * The one secret store, for destinations' passwords and events' Git tokens (never in the
   * library): sealed by safeStorage in the app; by default a 0600 file in the settings folder
   * (the host's and the CLI's), or in memory where there is no settings folder.
   */
  secrets?: SecretStore;
}): Services {
  const paths = new LibraryPaths(options.libraryPath);
  const writes = new WriteQueue();
  // One lock per event across every process on the library; its in-process queue is `writes`, so drain() waits for it too.
  const locks = new LibraryLocks(paths, writes);
  // The stores tell the search index about every write; the index itself needs the event store.
  let search: SearchService | undefined;
  const listeners = new Set<LibraryChangeListener>();
  const onChanged = (change: LibraryChange) => {
    search?.onChanged(change);
    for (const listener of listeners) listener(change);
  };
  const events = new EventStore(paths, locks, onChanged);
  const preferences = new PreferenceService(options.preferences);
  const snapshots = new HistoryStore(paths, () => preferences.get().historyRetentionDays);
  const damaged = new DamagedNotes(paths);
  // The one owner of note files: everything below reads and moves notes through it.
  const notes = new NoteStore(paths, events, locks, onChanged, noteHistory(snapshots, damaged));
  search = new SearchService(paths, events, notes);
  const posts = new PostStore(paths, events, writes);
  const postResolver = new PostResolver(paths, posts, notes);
  const assets = new AssetStore(paths, events, writes);
  const history = new HistoryService(events, notes, snapshots, damaged);
  const exporter = new PostExporter(paths, postResolver);
  const exchange = new ExchangeService({ paths, events, notes, posts, assets, history, preferences, locks });
  const secrets = options.secrets ?? (options.publishing ? openSecretStore(options.publishing.configFolder) : new MemorySecretStore());
  return {
    paths,
    events,
    notes,
    assets,
    preferences,
    posts,
    postResolver,
    exporter,
    search,
    history,
    trash: new TrashService(paths, events, notes, snapshots, locks, onChanged),
    writes,
    programmes: options.importWorker ? parseInWorker(options.importWorker) : parseOnThisThread,
    publish: new PublishService({ paths, writes, postResolver, secrets }, options.publishing ?? null),
    exchange,
    bundles: new BundleService({ paths, events, exchange }),
    sync: new SyncService({ paths, events, exchange, secrets }),
    onLibraryChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
