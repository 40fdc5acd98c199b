import { z } from 'zod';
import type { PostInput, PostSection } from '../export/postInput';
import { POST_STYLES } from '../export/postInput';
import type { TkMarker } from '../export/tkMarkers';
import { serializedNoteStateSchema, type SerializedNoteState } from '../note/noteFile';
import { dateOfDay } from './calendar';
import { idSchema, MAX_EVENT_DAYS, type EventFile, type Session } from './event';
import { slugify } from './slug';

/**
 * The day's post (or the whole event's): what a reporter chose, stored in its own file
 * (events/<eventId>/posts/day-N.json, or whole-event.json), apart from event.json and the notes.
 * Empty title and byline mean "the default", so a renamed event renames an untouched post.
 */
export const POST_FILE_FORMAT = 1;
export const MAX_TAGS = 30;

/** A day number, or null for the post that covers the whole event. */
export const postDaySchema = z.number().int().min(1).max(MAX_EVENT_DAYS).nullable();
export type PostDay = z.infer<typeof postDaySchema>;

const tagSchema = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');

const postFields = {
  title: z.string().max(300, 'must be at most 300 characters'),
  byline: z.string().max(300, 'must be at most 300 characters'),
  tags: z.array(tagSchema).max(MAX_TAGS, `at most ${MAX_TAGS} tags`),
  /** The included sessions in post order; null until the reporter changes the default choice. */
  sessionIds: z.array(idSchema).max(5000).nullable(),
  style: z.enum(POST_STYLES),
  intro: serializedNoteStateSchema.nullable(),
  closing: serializedNoteStateSchema.nullable(),
};

export const postFileSchema = z.strictObject({
  format: z.literal(POST_FILE_FORMAT),
  day: postDaySchema,
  savedAt: z.iso.datetime(),
  ...postFields,
});
export type PostFile = z.infer<typeof postFileSchema>;

/** What a save may change; fields left out keep their stored value. */
export const postChangesSchema = z.strictObject({
  title: postFields.title.optional(),
  byline: postFields.byline.optional(),
  tags: postFields.tags.optional(),
  sessionIds: postFields.sessionIds.optional(),
  style: postFields.style.optional(),
  intro: postFields.intro.optional(),
  closing: postFields.closing.optional(),
});
export type PostChanges = z.input<typeof postChangesSchema>;

export type PostSettings = Pick<PostFile, 'title' | 'byline' | 'tags' | 'sessionIds' | 'style'>;

/** A stored post as the app shows it: the reporter's choices, and the defaults that fill the blanks. */
export type Post = {
  eventId: string;
  day: PostDay;
  settings: PostSettings;
  intro: SerializedNoteState | null;
  closing: SerializedNoteState | null;
  defaults: { title: string; byline: string; sessionIds: string[] };
  /** When the post file was last written; null when nothing has been saved yet. */
  savedAt: string | null;
};

export type SavedPost = { post: Post; savedAt: string; bytesWritten: number };

export function emptyPostSettings(): PostSettings {
  return { title: '', byline: '', tags: [], sessionIds: null, style: 'headings' };
}

export function postFileName(day: PostDay): string {
  return day === null ? 'whole-event.json' : `day-${day}.json`;
}

export function describePostDay(day: PostDay): string {
  return day === null ? 'the whole event' : `Day ${day}`;
}

/** "<Event title> – Day N Reflections", or "<Event title> – Reflections" for the whole event. */
export function defaultPostTitle(event: Pick<EventFile, 'title'>, day: PostDay): string {
  return day === null ? `${event.title} – Reflections` : `${event.title} – Day ${day} Reflections`;
}

export function defaultByline(author: string): string {
  return author.trim() ? `Posted by ${author.trim()}` : '';
}

/** The day's date; the whole event's post is dated on its last day, when it is written. */
export function postDate(event: Pick<EventFile, 'startDate' | 'endDate'>, day: PostDay): string {
  return day === null ? event.endDate : dateOfDay(event.startDate, day);
}

/** The sessions a post may include, in programme order (day, then agenda order). */
export function sessionsForPost(event: Pick<EventFile, 'sessions'>, day: PostDay): Session[] {
  if (day !== null) return event.sessions.filter((session) => session.day === day);
  return event.sessions.map((session, index) => ({ session, index })).sort((a, b) => a.session.day - b.session.day || a.index - b.index).map(({ session }) => session);
}

/** By default a post includes the covered sessions, in programme order. */
export function defaultSessionIds(event: Pick<EventFile, 'sessions'>, day: PostDay): string[] {
  return sessionsForPost(event, day).filter((session) => session.status === 'covered').map((session) => session.id);
}

export function postDefaults(event: EventFile, day: PostDay): Post['defaults'] {
  return { title: defaultPostTitle(event, day), byline: defaultByline(event.author), sessionIds: defaultSessionIds(event, day) };
}

/** The sessions the post includes, in post order; ids of sessions since deleted or moved to another day are skipped. */
export function includedSessions(event: EventFile, day: PostDay, settings: Pick<PostSettings, 'sessionIds'>): Session[] {
  const available = new Map(sessionsForPost(event, day).map((session) => [session.id, session]));
  const ids = settings.sessionIds ?? defaultSessionIds(event, day);
  return [...new Set(ids)].flatMap((id) => available.get(id) ?? []);
}

/**
 * The one place a post's settings become the serializers' input, used by the export in the
 * main process and by the live preview, so both render the same post. `notes` holds the
 * loaded note of each included session (missing or damaged ones are absent).
 */
export function buildPostInput(
  event: EventFile,
  day: PostDay,
  settings: PostSettings,
  texts: { intro: SerializedNoteState | null; closing: SerializedNoteState | null },
  notes: ReadonlyMap<string, SerializedNoteState | null>,
): PostInput {
  const sections: PostSection[] = includedSessions(event, day, settings).map((session) => ({ session, note: notes.get(session.id) ?? null }));
  return {
    title: settings.title.trim() || defaultPostTitle(event, day),
    intro: texts.intro,
    closing: texts.closing,
    byline: settings.byline.trim() || defaultByline(event.author),
    author: event.author.trim(),
    tags: settings.tags,
    date: postDate(event, day),
    style: settings.style,
    sections,
  };
}

export const EXPORT_FORMATS = ['html', 'markdown', 'wordpress', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { html: '.html', markdown: '.md', wordpress: '.wordpress.html', text: '.txt' };

/** A file name from the post title: "web-summit-day-1-reflections.md". */
export function suggestedExportFileName(title: string, format: ExportFormat): string {
  const slug = slugify(title, 80);
  return `${slug || 'post'}${EXPORT_EXTENSIONS[format]}`;
}

/** Something the reporter should look at before publishing. */
export type AttentionItem = {
  kind: 'tk-marker' | 'empty-note' | 'speaker-without-role' | 'unsafe-link' | 'missing-image' | 'photo-without-description' | 'covered-not-included';
  /** The session it concerns, or null for the intro and closing. */
  sessionId: string | null;
  message: string;
  /**
   * The photo it concerns (photo-without-description), as the note stores it:
   * "assets/<sha256>.<ext>"; `part` when it is in the post's intro or closing, not a session's note.
   */
  photo?: { src: string; part?: PostTextPart };
};

/** The post's own texts, stored in the post file beside its settings. */
export const POST_TEXT_PARTS = ['intro', 'closing'] as const;
export type PostTextPart = (typeof POST_TEXT_PARTS)[number];

/**
 * A photo's description (its alt text) typed in the post view (or given to `hallnotes post
 * describe-photo`), for every use of that photo in one text: a session's note (`sessionId`),
 * or the intro or closing of the post for `day` (`part`).
 */
export const photoDescriptionSchema = z
  .strictObject({
    eventId: idSchema,
    sessionId: idSchema.optional(),
    day: postDaySchema.optional(),
    part: z.enum(POST_TEXT_PARTS).optional(),
    src: z.string().max(1000),
    alt: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  })
  .refine(({ sessionId, day, part }) => (sessionId === undefined ? day !== undefined && part !== undefined : day === undefined && part === undefined), {
    message: 'name either a session, or the post’s day and part (intro or closing), where the photo is',
  });
export type PhotoDescription = z.infer<typeof photoDescriptionSchema>;

/** What `posts:resolve` returns: the serializers' input, what could not be read, and what needs a look. */
export type PostResolution = {
  input: PostInput;
  /** Notes that could not be read; each names its session and is left out of the post. */
  problems: string[];
  attention: AttentionItem[];
};

/** An export (or publish) refused because TK markers are left and the editor did not say to go ahead anyway. */
export type BlockedByTkMarkers = { status: 'blocked'; tkMarkers: TkMarker[] };

/**
 * Where there is no save dialog to ask (the browser host), what to do when the export's file is
 * already there: ask first (answered with status "exists", nothing written), replace it, or keep
 * both (the new file gets the next free number).
 */
export const EXISTING_EXPORT_CHOICES = ['ask', 'replace', 'keep-both'] as const;
export type ExistingExportChoice = (typeof EXISTING_EXPORT_CHOICES)[number];

/**
 * What `export:write` did: the file written (and how many photos were copied beside it),
 * nothing when the save dialog was cancelled, nothing because the file is already there (the
 * caller asks), or nothing because TK markers are left.
 */
export type ExportResult =
  | { status: 'written'; path: string; bytes: number; images: number; problems: string[] }
  | { status: 'cancelled' }
  | { status: 'exists'; path: string }
  | BlockedByTkMarkers;
