import { z } from 'zod';
import { idSchema } from './event';

/** Settings kept by electron-store in the app and by plain `conf` under the host and CLI. */
export const THEMES = ['light', 'dark', 'system'] as const;
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;

export const preferencesSchema = z.strictObject({
  theme: z.enum(THEMES),
  textSize: z.enum(TEXT_SIZES),
  defaultAuthor: z.string().max(200),
  lastEventId: idSchema.nullable(),
  lastSessionId: idSchema.nullable(),
  /** Live-blog style: every new paragraph in a note starts with the current time. */
  timestampNewParagraphs: z.boolean(),
  /** Sidebars and chrome hidden, only the note showing. */
  focusMode: z.boolean(),
  /** How long automatic snapshots of notes are kept (version history). */
  historyRetentionDays: z.number().int().min(1).max(3650),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  textSize: 'normal',
  defaultAuthor: '',
  lastEventId: null,
  lastSessionId: null,
  timestampNewParagraphs: false,
  focusMode: false,
  historyRetentionDays: 30,
};

export const preferenceChangesSchema = preferencesSchema.partial();
