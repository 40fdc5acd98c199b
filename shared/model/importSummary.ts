import { z } from 'zod';
import { idSchema, timeZoneSchema } from './event';

/** The largest programme file the importer reads (FOSDEM's is 1.6 MB). */
export const MAX_PROGRAMME_BYTES = 20 * 1024 * 1024;
/** Base64 makes every 3 bytes 4 characters. */
const MAX_PROGRAMME_BASE64_LENGTH = Math.ceil(MAX_PROGRAMME_BYTES / 3) * 4;

/** A programme file sent from the renderer, which reads it with the File API. */
export const importRequestSchema = z.strictObject({
  fileName: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  dataBase64: z
    .string()
    .max(MAX_PROGRAMME_BASE64_LENGTH, `the file is larger than ${MAX_PROGRAMME_BYTES / 1024 / 1024} MB, the most a programme file may be`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
  /** Merge into this event; without it a new event is created. */
  eventId: idSchema.optional(),
  /** For a new event: the zone to show its times in, instead of the programme's own. */
  timeZone: timeZoneSchema.optional(),
});

/** At most this many sessions are named per warning; `sessionCount` says how many there are in all. */
export const MAX_WARNING_SESSIONS = 20;

/**
 * Something in the file that was not as it should be, or a guess the import had to make, and
 * what the import did about it; shown in the preview before anything is written.
 */
export type ImportWarning = {
  message: string;
  /** The sessions it concerns, as `"Title" (YYYY-MM-DD HH:MM)`; empty when it concerns the whole file. */
  sessions: string[];
  sessionCount: number;
};

export type ImportSummary = {
  /** Null for a dry run that would create a new event. */
  eventId: string | null;
  created: boolean;
  dryRun: boolean;
  title: string;
  timezone: string;
  startDate: string;
  endDate: string;
  days: number;
  added: number;
  updated: number;
  unchanged: number;
  flagged: number;
  removed: number;
  /** In the order they were found; empty when the file held no surprises. */
  warnings: ImportWarning[];
  /**
   * An event other than the target that already holds this programme (most of its sessions
   * carry the programme's ids), so the user can update it instead of importing a second copy.
   */
  alreadyInLibrary: { eventId: string; title: string; matchingSessions: number } | null;
};
