import { z } from 'zod';
import { serializedNoteStateSchema } from '../note/noteFile';
import { idSchema } from './event';

/**
 * Version history of notes: snapshots stored under events/<id>/history/<sessionId>/, and the
 * record of a note that was found damaged and moved to quarantine.
 */
export const SNAPSHOT_FILE_FORMAT = 1;
export const SNAPSHOT_REASONS = ['editing', 'before-restore', 'before-import', 'before-bulk-change', 'changed-elsewhere', 'incoming', 'before-merge'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** `20261102t101500123z-k3f9`: the moment it was taken (so names sort by time) and a random tail. */
export const snapshotIdSchema = z.string().regex(/^\d{8}t\d{9}z-[a-z0-9]{4}$/, 'must be a snapshot id as listed by the history');

export const snapshotFileSchema = z.strictObject({
  format: z.literal(SNAPSHOT_FILE_FORMAT),
  sessionId: idSchema,
  takenAt: z.iso.datetime(),
  reason: z.enum(SNAPSHOT_REASONS),
  words: z.number().int().min(0),
  editorState: serializedNoteStateSchema,
  /** Who wrote the version, for a teammate's version that came in ("incoming"). */
  author: z.string().max(200).optional(),
});
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

export type SnapshotSummary = { id: string; takenAt: string; reason: SnapshotReason; words: number; author?: string };
export type SnapshotDetail = SnapshotSummary & { editorState: SnapshotFile['editorState'] };

export const DAMAGE_RECORD_FORMAT = 1;
export const damageRecordSchema = z.strictObject({
  format: z.literal(DAMAGE_RECORD_FORMAT),
  eventId: idSchema,
  sessionId: idSchema,
  sessionTitle: z.string().max(500),
  damagedAt: z.iso.datetime(),
  /** Where the damaged file was moved, byte for byte. */
  movedTo: z.string().max(4096),
  /** What was wrong with it, in words. */
  reason: z.string().max(2000),
});
export type DamageRecord = z.infer<typeof damageRecordSchema>;

/** The note after a restore; the version it replaced is kept as a snapshot. */
export type RestoredNote = { savedAt: string; bytesWritten: number; restoredFrom: SnapshotSummary };

/** What the note pane needs to offer a way back for a damaged note. */
export type DamageReport = { damage: DamageRecord | null; latestSnapshot: SnapshotSummary | null };

export const SNAPSHOT_REASON_LABELS: Record<SnapshotReason, string> = {
  editing: 'while editing',
  'before-restore': 'before a restore',
  'before-import': 'before a programme import',
  'before-bulk-change': 'before a bulk change',
  'changed-elsewhere': 'saved elsewhere while open here',
  incoming: 'a teammate’s version',
  'before-merge': 'before a teammate’s version replaced it',
};

/** "from Jane Doe" for a teammate's version, else why the snapshot was taken. */
export function describeSnapshotReason(snapshot: Pick<SnapshotSummary, 'reason' | 'author'>): string {
  return snapshot.reason === 'incoming' && snapshot.author ? `from ${snapshot.author}` : SNAPSHOT_REASON_LABELS[snapshot.reason];
}
