import { z } from 'zod';
import {
  eventChangesSchema,
  eventDraftSchema,
  idSchema,
  MAX_EVENT_DAYS,
  sessionChangesSchema,
  sessionDraftSchema,
  type EventFile,
  type EventSummary,
  type Session,
} from '../model/event';
import { EXISTING_EXPORT_CHOICES, EXPORT_FORMATS, photoDescriptionSchema, postChangesSchema, postDaySchema, type ExportResult, type Post, type PostResolution, type SavedPost } from '../model/post';
import { preferenceChangesSchema, type Preferences } from '../model/preferences';
import { snapshotIdSchema, type DamageReport, type RestoredNote, type SnapshotDetail, type SnapshotSummary } from '../model/history';
import { trashEntryIdSchema, type TrashEntry, type TrashRestored } from '../model/trash';
import { importRequestSchema, type ImportSummary } from '../model/importSummary';
import { searchQuerySchema, type EventNoteStats, type SearchResults } from '../model/search';
import {
  bundleUploadSchema,
  resolveIncomingSchema,
  syncConfigureSchema,
  type BundleExportOutcome,
  type BundleImportResult,
  type IncomingVersion,
  type SyncStatus,
} from '../model/team';
import type { CommandId } from '../commands/commandTable';
import { serializedNoteStateSchema, type NoteFile } from '../note/noteFile';
import { MAX_IMAGE_BYTES } from '../note/assetPath';
import {
  destinationDraftSchema,
  destinationIdSchema,
  JOB_DECISIONS,
  jobIdSchema,
  postPublishSettingsSchema,
  publishRequestSchema,
  type ConnectionReport,
  type PostPublishSettingsView,
  type Destination,
  type OutboxJob,
  type PublishedCopy,
  type PublishOutcome,
} from '../model/publish';

/**
 * The IPC contract: every channel, its argument validator and its result type. The preload,
 * the Electron main process and the browser host are all typed from this one table, so a
 * channel added here and missing on any side fails to compile.
 */
const eventRef = z.strictObject({ eventId: idSchema });
const sessionRef = z.strictObject({ eventId: idSchema, sessionId: idSchema });
/** A day's post, or with day null the whole event's. */
const postRef = z.strictObject({ eventId: idSchema, day: postDaySchema });

/** `channel<Result>()(argumentSchema)`: the schema fixes the argument type, the type parameter the result. */
function channel<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** `recoverEventId`: the folder lost its event file and `events:recover` can give it one back. */
export type EventProblem = { location: string; message: string; recoverEventId?: string };
export type RecoveredEvent = { event: EventFile; how: 'restored' | 'rebuilt'; message: string };
export type EventList = { events: EventSummary[]; problems: EventProblem[] };
export type LibraryDescription = { libraryPath: string };
export type EventWithSession = { event: EventFile; session: Session };
export type LoadedNote = { note: NoteFile | null };
/** A version of the note saved elsewhere (the CLI, another window) after this one was opened: kept as a snapshot, never dropped. */
export type KeptVersion = { savedAt: string; snapshotId: string | null; message: string };
export type SavedNote = { savedAt: string; bytesWritten: number; keptVersion?: KeptVersion };
/** src is what the note stores: "assets/<sha256>.<ext>". */
export type StoredAsset = { src: string; mediaType: string; bytes: number };
/** Base64 of the largest photo accepted; the service measures the decoded bytes exactly. */
const MAX_IMAGE_BASE64_LENGTH = Math.ceil(MAX_IMAGE_BYTES / 3) * 4;
/** Saves of one note whose answer never came that a save carries along (see NoteSaver): the first of an outage and the last ones. */
export const MAX_UNCONFIRMED_SAVES = 3;

export const channels = {
  'library:describe': channel<LibraryDescription>()(z.strictObject({})),
  'events:list': channel<EventList>()(z.strictObject({})),
  'events:create': channel<EventFile>()(eventDraftSchema),
  'events:get': channel<EventFile>()(eventRef),
  'events:update': channel<EventFile>()(z.strictObject({ eventId: idSchema, changes: eventChangesSchema })),
  'events:delete': channel<{ deleted: true }>()(eventRef),
  'events:recover': channel<RecoveredEvent>()(eventRef),
  'sessions:add': channel<EventWithSession>()(z.strictObject({ eventId: idSchema, session: sessionDraftSchema })),
  'sessions:update': channel<EventWithSession>()(
    z.strictObject({ eventId: idSchema, sessionId: idSchema, changes: sessionChangesSchema }),
  ),
  'sessions:delete': channel<EventFile>()(sessionRef),
  'sessions:reorder': channel<EventFile>()(
    z.strictObject({ eventId: idSchema, day: z.number().int().min(1).max(MAX_EVENT_DAYS), sessionIds: z.array(idSchema).max(5000) }),
  ),
  'notes:load': channel<LoadedNote>()(sessionRef),
  'notes:save': channel<SavedNote>()(
    // baseSavedAt: the savedAt of the version the editor opened or last saved (null: it opened no note).
    // unconfirmedStates: what saves whose answer was lost sent (a few at most), so finding one of them on disk is no conflict.
    z.strictObject({
      eventId: idSchema,
      sessionId: idSchema,
      editorState: serializedNoteStateSchema,
      baseSavedAt: z.iso.datetime().nullable().optional(),
      unconfirmedStates: z.array(serializedNoteStateSchema).max(MAX_UNCONFIRMED_SAVES).optional(),
    }),
  ),
  'assets:store': channel<StoredAsset>()(
    z.strictObject({
      eventId: idSchema,
      fileName: z.string().max(1000),
      mediaType: z.string().max(200),
      dataBase64: z.string().max(MAX_IMAGE_BASE64_LENGTH, `a photo can be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`),
    }),
  ),
  'preferences:get': channel<Preferences>()(z.strictObject({})),
  'preferences:set': channel<Preferences>()(preferenceChangesSchema),
  'posts:get': channel<Post>()(postRef),
  'posts:save': channel<SavedPost>()(z.strictObject({ eventId: idSchema, day: postDaySchema, changes: postChangesSchema })),
  'posts:resolve': channel<PostResolution>()(postRef),
  'posts:describe-photo': channel<{ described: number }>()(photoDescriptionSchema),
  'export:write': channel<ExportResult>()(
    z.strictObject({
      eventId: idSchema,
      day: postDaySchema,
      format: z.enum(EXPORT_FORMATS),
      fragment: z.boolean().default(false),
      frontMatter: z.boolean().default(false),
      ifExists: z.enum(EXISTING_EXPORT_CHOICES).default('ask'),
      /** The editor's "Export anyway": TK markers are left and they know. */
      allowTkMarkers: z.boolean().default(false),
    }),
  ),
  'app:flush-complete': channel<{ acknowledged: true }>()(z.strictObject({ requestId: z.string().max(100) })),
  'import:preview': channel<ImportSummary>()(importRequestSchema),
  'import:apply': channel<ImportSummary>()(importRequestSchema),
  'notes:stats': channel<EventNoteStats>()(eventRef),
  'search:query': channel<SearchResults>()(searchQuerySchema),
  'history:list': channel<SnapshotSummary[]>()(sessionRef),
  'history:get': channel<SnapshotDetail>()(z.strictObject({ eventId: idSchema, sessionId: idSchema, snapshotId: snapshotIdSchema })),
  'history:restore': channel<RestoredNote>()(z.strictObject({ eventId: idSchema, sessionId: idSchema, snapshotId: snapshotIdSchema })),
  'history:damage': channel<DamageReport>()(sessionRef),
  'history:dismiss-damage': channel<{ dismissed: true }>()(sessionRef),
  'trash:list': channel<{ entries: TrashEntry[] }>()(z.strictObject({})),
  'trash:restore': channel<TrashRestored>()(z.strictObject({ entryId: trashEntryIdSchema })),
  'trash:empty': channel<{ removed: number }>()(z.strictObject({})),
  // Publishing: destinations, "Publish as draft" and the outbox (network only in main/host, never the renderer).
  'publish:destinations': channel<Destination[]>()(z.strictObject({})),
  'publish:save-destination': channel<Destination>()(destinationDraftSchema),
  'publish:delete-destination': channel<{ deleted: true }>()(z.strictObject({ destinationId: destinationIdSchema })),
  'publish:test-destination': channel<ConnectionReport>()(destinationDraftSchema),
  'publish:post': channel<PublishOutcome>()(publishRequestSchema),
  'publish:outbox': channel<{ jobs: OutboxJob[] }>()(z.strictObject({})),
  'publish:decide': channel<{ job: OutboxJob | null }>()(z.strictObject({ jobId: jobIdSchema, decision: z.enum(JOB_DECISIONS) })),
  'publish:copies': channel<PublishedCopy[]>()(postRef),
  'publish:settings': channel<PostPublishSettingsView>()(postRef),
  'publish:save-settings': channel<PostPublishSettingsView>()(postRef.extend(postPublishSettingsSchema.shape)),
  // Working as a team: event bundles, teammates' versions of a note, sync through Git.
  'bundle:export': channel<BundleExportOutcome>()(z.strictObject({ eventId: idSchema, includePrivate: z.boolean().default(false) })),
  'bundle:preview': channel<BundleImportResult>()(bundleUploadSchema),
  'bundle:import': channel<BundleImportResult>()(bundleUploadSchema),
  'team:incoming': channel<IncomingVersion[]>()(sessionRef),
  'team:incoming-sessions': channel<{ sessionIds: string[] }>()(eventRef),
  'team:resolve': channel<{ resolved: true; noteReplaced: boolean }>()(resolveIncomingSchema),
  'sync:status': channel<SyncStatus>()(eventRef),
  'sync:configure': channel<SyncStatus>()(syncConfigureSchema),
  'sync:now': channel<SyncStatus>()(eventRef),
} as const;

export type ChannelTable = typeof channels;
export type ChannelName = keyof ChannelTable;
/** What a caller may pass (before defaults are applied by the validator). */
export type ChannelInput<Name extends ChannelName> = z.input<ChannelTable[Name]['input']>;
/** What a handler receives (after validation and defaults). */
export type ValidatedInput<Name extends ChannelName> = z.output<ChannelTable[Name]['input']>;
export type ChannelOutput<Name extends ChannelName> = ChannelTable[Name]['output'];

/** Pushed from the main side to the renderer. */
export type PushEvents = {
  'app:flush-requested': { requestId: string };
  /** A command of the command table was chosen in the application menu. */
  'menu:command': { commandId: CommandId };
  /** The publish outbox as it stands after a job changed (queued, sent, waiting, stopped, discarded). */
  'publish:outbox-changed': { jobs: OutboxJob[] };
};
export type PushEventName = keyof PushEvents;
