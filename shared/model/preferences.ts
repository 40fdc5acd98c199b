import { z } from 'zod';
import { idSchema } from './event';

/** Settings kept by electron-store in the app and by plain `conf` under the host and CLI. */
export const THEMES = ['light', 'dark', 'system'] as const;
export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
/** Window widths the sidebars are remembered for: 1200 px and wider, from 800 px, narrower. */
export const WINDOW_WIDTHS = ['wide', 'medium', 'narrow'] as const;
export type WindowWidth = (typeof WINDOW_WIDTHS)[number];

const sidebarsShownSchema = z.strictObject({ library: z.boolean(), agenda: z.boolean() });
export type SidebarsShown = z.infer<typeof sidebarsShownSchema>;

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
  /** Which sidebars (the event list, the agenda) are shown, for each window width. */
  sidebars: z.strictObject({ wide: sidebarsShownSchema, medium: sidebarsShownSchema, narrow: sidebarsShownSchema }),
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
  // Below 1200 px the event list makes way for the note; below 800 px the agenda too.
  sidebars: { wide: { library: true, agenda: true }, medium: { library: false, agenda: true }, narrow: { library: false, agenda: false } },
};

export const preferenceChangesSchema = preferencesSchema.partial();
