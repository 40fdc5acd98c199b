import { z } from 'zod';
import { ASSET_FILE_NAME } from '../note/assetPath';
import { idSchema } from './event';
import { postDaySchema, type PostDay } from './post';

/**
 * Publishing a post as a draft to a WordPress or Ghost site. Destinations are kept per computer
 * in the settings folder (the secret apart from them, see electron/services/secrets);
 * what was published where lives in the library, beside the event.
 */
export const DESTINATION_KINDS = ['wordpress', 'ghost'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

export const DESTINATION_KIND_LABELS: Record<DestinationKind, string> = { wordpress: 'WordPress', ghost: 'Ghost' };

/** A destination's id: short, lower-case, safe in a file name. */
export const destinationIdSchema = z.string().regex(/^[a-z0-9]{6,20}$/, 'must be a destination id (6 to 20 lower-case letters and digits)');
export const jobIdSchema = z.string().regex(/^[0-9]{13}-[a-z0-9]{6}$/, 'must be an outbox job id');

const destinationName = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
const siteUrlText = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

/** What the settings file stores for a destination: never its password or key. */
export const storedDestinationSchema = z.strictObject({
  id: destinationIdSchema,
  kind: z.enum(DESTINATION_KINDS),
  name: destinationName,
  siteUrl: siteUrlText,
  /** WordPress only: the user the Application Password belongs to. */
  userName: z.string().max(200),
  createdAt: z.iso.datetime(),
});
export type StoredDestination = z.infer<typeof storedDestinationSchema>;

/** A destination as the app shows it: with whether a secret is stored, never the secret. */
export type Destination = StoredDestination & { hasSecret: boolean };

/**
 * A destination as typed into the form. `secret` is the Application Password (WordPress) or
 * the Admin API key `id:secret` (Ghost); left out when editing, the stored one is kept.
 */
export const destinationDraftSchema = z.strictObject({
  id: destinationIdSchema.optional(),
  kind: z.enum(DESTINATION_KINDS),
  name: destinationName,
  siteUrl: siteUrlText,
  userName: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  secret: z.string().max(500, 'must be at most 500 characters').optional(),
});
export type DestinationDraft = z.input<typeof destinationDraftSchema>;

/** What "Test connection" found: ok with the site's name, or the one thing that is wrong. */
export type ConnectionReport = { ok: true; message: string; siteName: string } | { ok: false; problem: PublishProblem; message: string };

/**
 * Why a request to a site did not work. `offline` and `server` are worth retrying by themselves
 * (the outbox does); the others need the reporter (or the site's administrator) to change something.
 */
export const PUBLISH_PROBLEMS = [
  'offline',
  'timeout',
  'server',
  'insecure-url',
  'invalid-url',
  'not-a-site',
  'not-json',
  'redirected',
  'login-redirect',
  'wrong-credentials',
  'authorization-stripped',
  'application-passwords-off',
  'not-allowed',
  'too-large',
  'remote-deleted',
  'remote-edited',
  'rejected',
  'missing-photo',
  'no-secret',
  'unknown-destination',
] as const;
export type PublishProblem = (typeof PUBLISH_PROBLEMS)[number];

/** Problems that clear up on their own: the outbox keeps the job and tries again. */
export const RETRYABLE_PROBLEMS: ReadonlySet<PublishProblem> = new Set(['offline', 'timeout', 'server']);

export const publishRequestSchema = z.strictObject({
  eventId: idSchema,
  day: postDaySchema,
  destinationId: destinationIdSchema,
  /** Send even though TK markers remain. */
  publishAnyway: z.boolean().default(false),
});
export type PublishRequest = z.input<typeof publishRequestSchema>;

/**
 * Which photo becomes the draft's featured image (WordPress `featured_media`, Ghost
 * `feature_image`): the post's first photo (the default), one chosen by its file (its content
 * hash, so it stays chosen when the notes around it change), or none.
 */
export const featuredPhotoChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('first') }),
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('photo'), file: z.string().regex(ASSET_FILE_NAME, 'must be a photo of the event (assets/<sha256>.<ext>)') }),
]);
export type FeaturedPhotoChoice = z.infer<typeof featuredPhotoChoiceSchema>;

/** What a post keeps for publishing, beside the post itself (events/<id>/publish/settings.json). */
export const postPublishSettingsSchema = z.strictObject({ featuredPhoto: featuredPhotoChoiceSchema });
export type PostPublishSettings = z.infer<typeof postPublishSettingsSchema>;

export const DEFAULT_POST_PUBLISH_SETTINGS: PostPublishSettings = { featuredPhoto: { kind: 'first' } };

/** A photo the post shows, as the editor picks the featured one among them. */
export type PostPhoto = { file: string; src: string; alt: string; caption: string };

/** The post's publishing settings with the photos it shows now, in reading order. */
export type PostPublishSettingsView = PostPublishSettings & { photos: PostPhoto[] };

export const JOB_STATES = ['queued', 'sending', 'waiting', 'needs-decision', 'failed', 'done'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What a reporter can decide for a job that stopped: the remote draft was edited in the CMS, or deleted there. */
export const JOB_DECISIONS = ['overwrite', 'create-new', 'discard', 'retry'] as const;
export type JobDecision = (typeof JOB_DECISIONS)[number];

/** What a finished job did on the site. */
export type PublishResult = {
  remoteId: string;
  /** Where the draft is edited (wp-admin, Ghost admin). */
  editUrl: string;
  /** Whether this run created the draft (false: it updated the one published before). */
  created: boolean;
  /** Tags that did not exist on the site and were created. */
  createdTags: string[];
  uploadedPhotos: number;
  /** Photos already on the site from an earlier publish, not sent again. */
  reusedPhotos: number;
  /** What the site could not take as the post has it, in words (the author, a featured photo no longer in the post). */
  notes: string[];
  finishedAt: string;
};

/** A job of the outbox as the app shows it. */
export type OutboxJob = {
  id: string;
  eventId: string;
  day: PostDay;
  title: string;
  destinationId: string;
  destinationName: string;
  state: JobState;
  queuedAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  attempts: number;
  /** What happened last, in words: the error, or what is being waited for. */
  message: string;
  problem: PublishProblem | null;
  result: PublishResult | null;
};

/**
 * What "Publish as draft" did. `blocked`: nothing was queued, the post needs a look first (TK
 * markers); every other outcome carries the job, which the outbox shows from then on.
 */
export type PublishOutcome = { status: 'blocked'; message: string; items: string[] } | { status: 'sent' | 'queued' | 'needs-decision' | 'failed'; job: OutboxJob };

/** Where a post was published to, per destination. */
export type PublishedCopy = { destinationId: string; destinationName: string; remoteId: string; editUrl: string; publishedAt: string };

export function describeJobState(job: Pick<OutboxJob, 'state' | 'queuedAt' | 'problem'>, formatTime: (iso: string) => string): string {
  const queued = `queued ${formatTime(job.queuedAt)}`;
  switch (job.state) {
    case 'queued':
      return `Queued ${formatTime(job.queuedAt)}`;
    case 'sending':
      return 'Sending…';
    case 'waiting':
      return job.problem === 'server' ? `The site answered with an error; trying again (${queued})` : `Waiting for a connection (${queued})`;
    case 'needs-decision':
      return 'Needs your decision';
    case 'failed':
      return 'Not sent';
    case 'done':
      return 'Sent as a draft';
  }
}
