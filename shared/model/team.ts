import { z } from 'zod';
import type { SerializedNoteState } from '../note/noteFile';
import { idSchema } from './event';

/**
 * Working as a team: what an event bundle or a sync brought in, the versions of a note that
 * came in beside the reporter's own, and the state of an event's sync. Shared by the services,
 * the CLI and the app's Team panel.
 */
export const BUNDLE_EXTENSION = '.hallnotes';

/** A note that came in, named by its session. */
export type NoteChange = { sessionId: string; sessionTitle: string; author: string };
export type FieldReplaced = { sessionTitle: string; field: string; yours: string; theirs: string };

/** What an exchange (bundle import or sync) changed, or would change, in this library. */
export type ExchangeReport = {
  sessionsAdded: string[];
  sessionsUpdated: { sessionTitle: string; fields: string[] }[];
  /** Deleted by a teammate; nobody here had a note in them. Moved to the trash. */
  sessionsRemoved: string[];
  /** Deleted by a teammate but kept, because somebody still has a note in them. */
  sessionsKept: string[];
  /** Sessions whose note only the other side had. */
  notesAdded: NoteChange[];
  /** Notes only the other side changed since: this library now shows their version (its own is in History). */
  notesUpdated: NoteChange[];
  /** Notes both sides changed: both are kept; theirs is a "from <author>" version beside this library's own. */
  notesBothChanged: NoteChange[];
  /** Notes that could not be read here, left as they are. */
  notesLeftOut: { sessionTitle: string; reason: string }[];
  /** Fields both sides changed, where the teammate's later change was kept. */
  fieldsReplaced: FieldReplaced[];
  eventFieldsUpdated: string[];
  postsUpdated: string[];
  photosAdded: number;
  changed: boolean;
};

/** A report of nothing yet, with lists of its own to add to. */
export function emptyExchangeReport(): ExchangeReport {
  return {
    sessionsAdded: [],
    sessionsUpdated: [],
    sessionsRemoved: [],
    sessionsKept: [],
    notesAdded: [],
    notesUpdated: [],
    notesBothChanged: [],
    notesLeftOut: [],
    fieldsReplaced: [],
    eventFieldsUpdated: [],
    postsUpdated: [],
    photosAdded: 0,
    changed: false,
  };
}

/** How an imported bundle found its event in this library. */
export type BundleTarget =
  | { kind: 'new-event' }
  | { kind: 'same-event'; eventId: string; eventTitle: string; matchedBy: 'event-id' | 'programme' };

export type BundlePreview = {
  fileName: string;
  bundleEvent: { id: string; title: string };
  author: string;
  exportedAt: string;
  appVersion: string;
  includesPrivate: boolean;
  target: BundleTarget;
  report: ExchangeReport;
};

export type BundleImportResult = BundlePreview & { eventId: string; dryRun: boolean };

export type BundleExportResult = {
  path: string;
  bytes: number;
  sessions: number;
  notes: number;
  photos: number;
  includesPrivate: boolean;
  /** Notes that could not be read and are not in the bundle. */
  leftOut: { sessionTitle: string; reason: string }[];
};

export type BundleExportOutcome = ({ status: 'written' } & BundleExportResult) | { status: 'cancelled' };

/** A teammate's version of a note, kept beside the reporter's own until one is chosen. */
export type IncomingVersion = {
  versionId: string;
  author: string;
  savedAt: string;
  receivedAt: string;
  via: 'bundle' | 'sync';
  words: number;
  editorState: SerializedNoteState;
};

export const versionIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'must be a version id');

export const resolveIncomingSchema = z.strictObject({
  eventId: idSchema,
  sessionId: idSchema,
  versionId: versionIdSchema,
  /** theirs: the note becomes their version (yours goes to History); mine: their version is set aside (kept in History). */
  choice: z.enum(['theirs', 'mine']),
});

/** The largest bundle the app takes from the renderer (over the browser host, the request limit is lower: see the Team panel). */
export const MAX_BUNDLE_UPLOAD_BYTES = 512 * 1024 * 1024;

export const bundleUploadSchema = z.strictObject({
  fileName: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  dataBase64: z
    .string()
    .max(Math.ceil(MAX_BUNDLE_UPLOAD_BYTES / 3) * 4, 'the bundle is larger than 512 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
  /** Merge into this event; without it the bundle finds its event (same id or same programme) or becomes a new one. */
  eventId: idSchema.optional(),
});

export const SYNC_STATES = ['never', 'synced', 'offline', 'failed'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export type SyncStatus = {
  eventId: string;
  /** Null until a remote is set for this event. */
  remoteUrl: string | null;
  hasToken: boolean;
  state: SyncState;
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  /** Why the last attempt did not finish, in words. */
  message: string | null;
  /** What the last successful sync brought in. */
  cameIn: ExchangeReport | null;
  /** Local commits not on the remote yet. */
  pendingCommits: number;
};

/** A remote URL: https, or http to this machine only (a token must never cross a network in clear text). */
export const remoteUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    const url = URL.parse(value);
    if (!url || url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, 'must be an https:// address of a Git repository (http:// only for this computer), without a user name or password in it');

export const syncConfigureSchema = z.strictObject({
  eventId: idSchema,
  remoteUrl: remoteUrlSchema,
  /** Most hosts accept any user name with a token as the password; GitLab wants "oauth2". */
  username: z.string().trim().max(200).optional(),
  /** Stored outside the library (safeStorage in the app, a file readable only by you elsewhere); empty: keep the stored one. */
  token: z.string().trim().max(4000).optional(),
});
