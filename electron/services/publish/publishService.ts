import { join } from 'node:path';
import {
  destinationDraftSchema,
  postPublishSettingsSchema,
  type PostPhoto,
  type PostPublishSettings,
  type PostPublishSettingsView,
  type ConnectionReport,
  type Destination,
  type DestinationDraft,
  type JobDecision,
  type OutboxJob,
  type PublishedCopy,
  type PublishOutcome,
  type PublishRequest,
  type StoredDestination,
  publishRequestSchema,
} from '../../../shared/model/publish';
import { describePostDay, type PostDay } from '../../../shared/model/post';
import { ASSET_REFUSALS, locateAssetFile } from '../assets/assetFile';
import { randomId } from '../library/ids';
import type { LibraryPaths } from '../library/libraryPaths';
import type { PostResolver } from '../posts/resolvePost';
import type { WriteQueue } from '../storage/atomicWrite';
import { ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';
import { readFileAtMost } from '../validation/readAtMost';
import { MAX_IMAGE_BYTES } from '../../../shared/note/assetPath';
import { secretKeys } from '../secrets/secretKeys';
import { RunOnlySecrets, type SecretStore } from '../secrets/secretStore';
import { DestinationStore } from './destinations/destinationStore';
import { GhostClient, isAdminApiKey, NOT_AN_ADMIN_API_KEY } from './ghost/ghostClient';
import { PublishError } from './http/publishError';
import { describePhoto } from './photoMessages';
import { SiteHttp, type FetchLike } from './http/siteHttp';
import { displaySiteUrl, parseSiteUrl } from './http/siteUrl';
import { Outbox, systemClock, type Clock } from './outbox/outbox';
import { OutboxChanges, type OutboxListener } from './outbox/outboxChanges';
import { OutboxStore, type OutboxJobFile } from './outbox/outboxStore';
import { sendJob } from './outbox/sendJob';
import type { PublishClient } from './publishClient';
import { fromPostInput, photosOfPost, type PublishablePhoto } from './publishablePost';
import { PublishRecords } from './records/publishRecords';
import { PublishSettings } from './settings/publishSettings';
import { looksLikeApplicationPassword, NOT_AN_APPLICATION_PASSWORD, WordPressClient } from './wordpress/wordpressClient';

export type PublishSetup = {
  /** The settings folder: destinations live there (their secrets in the secret store). */
  configFolder: string;
  fetch?: FetchLike;
  clock?: Clock;
  retryDelaysMs?: readonly number[];
  /** Per-request time limit, for tests. */
  timeoutMs?: number;
};

type Dependencies = { paths: LibraryPaths; writes: WriteQueue; postResolver: PostResolver; secrets: SecretStore };

/**
 * Publishing, as every front (app, host, CLI) uses it: destinations and their secrets, "Publish
 * as draft" through the outbox, and what was published where. Nothing here runs unless the
 * reporter publishes or the outbox retries a job they queued; only the configured sites are contacted.
 */
export class PublishService {
  private readonly destinations: DestinationStore | null;
  private readonly secrets: RunOnlySecrets;
  private readonly records: PublishRecords;
  private readonly settings: PublishSettings;
  private readonly outbox: Outbox;
  private readonly outboxChanges: OutboxChanges;
  private readonly http: SiteHttp;
  private readonly clock: Clock;

  constructor(
    private readonly deps: Dependencies,
    setup: PublishSetup | null,
  ) {
    this.destinations = setup ? new DestinationStore(setup.configFolder) : null;
    this.secrets = new RunOnlySecrets(deps.secrets);
    this.http = new SiteHttp(setup?.fetch, setup?.timeoutMs);
    this.clock = setup?.clock ?? systemClock;
    this.records = new PublishRecords(deps.paths, deps.writes);
    this.settings = new PublishSettings(deps.paths, deps.writes);
    this.outboxChanges = new OutboxChanges(() => this.outboxJobs(), (error) => console.error(`[hallnotes] outbox: ${error instanceof Error ? error.message : String(error)}`));
    const store = new OutboxStore(deps.paths.root, deps.writes, join(deps.paths.quarantineFolder, 'outbox'), undefined, () => this.outboxChanges.changed());
    this.outbox = new Outbox(store, (job, saveProgress) => this.sendJob(job, saveProgress), this.clock, setup?.retryDelaysMs);
  }

  async listDestinations(): Promise<Destination[]> {
    return Promise.all((await this.destinationStore().list()).map(async (destination) => ({ ...destination, hasSecret: (await this.storedSecret(destination)) !== null })));
  }

  /** Adds or changes a destination. The address is checked (HTTPS unless on this computer) before anything is stored. */
  async saveDestination(draft: DestinationDraft): Promise<Destination> {
    const valid = parseOrThrow(destinationDraftSchema, draft, 'destination');
    const store = this.destinationStore();
    const previous = valid.id ? await store.get(valid.id) : null;
    const stored: StoredDestination = {
      id: previous?.id ?? randomId(10),
      kind: valid.kind,
      name: valid.name,
      siteUrl: displaySiteUrl(parseSiteUrl(valid.siteUrl)),
      userName: valid.kind === 'wordpress' ? valid.userName : '',
      createdAt: previous?.createdAt ?? new Date(this.clock.now()).toISOString(),
    };
    if (stored.kind === 'wordpress' && stored.userName === '') throw new ServiceError('invalid-argument', 'Type the WordPress user name the Application Password belongs to.');
    const secret = valid.secret?.trim();
    if (previous && !secret) checkSameSite(previous, stored.siteUrl);
    if (secret) checkSecretShape(stored, secret);
    await store.save(stored);
    if (secret) await this.secrets.set(secretKeys.destinationPassword(stored.id), secret, parseSiteUrl(stored.siteUrl).href);
    return { ...stored, hasSecret: (await this.storedSecret(stored)) !== null };
  }

  async deleteDestination(destinationId: string): Promise<void> {
    await this.destinationStore().get(destinationId);
    await this.destinationStore().remove(destinationId);
    await this.secrets.delete(secretKeys.destinationPassword(destinationId));
  }

  /** Tries the site with what was typed (the stored secret when none was typed), without storing anything. */
  async testDestination(draft: DestinationDraft): Promise<ConnectionReport> {
    try {
      const valid = parseOrThrow(destinationDraftSchema, draft, 'destination');
      let secret = valid.secret?.trim() || null;
      if (!secret && valid.id) {
        const stored = await this.destinationStore().get(valid.id);
        checkSameSite(stored, valid.siteUrl);
        secret = await this.storedSecret(stored);
      }
      if (!secret) throw new PublishError('no-secret', valid.kind === 'wordpress' ? 'Type the Application Password to test the connection.' : 'Type the Admin API key to test the connection.');
      const destination: StoredDestination = { id: valid.id ?? 'unsaved', kind: valid.kind, name: valid.name, siteUrl: valid.siteUrl, userName: valid.userName, createdAt: new Date(0).toISOString() };
      const identity = await this.clientFor(destination, secret).testConnection();
      return { ok: true, siteName: identity.siteName, message: `Connected to “${identity.siteName}” as ${identity.account}: drafts can be published there.` };
    } catch (error) {
      if (error instanceof PublishError) return { ok: false, problem: error.problem, message: error.message };
      if (error instanceof ServiceError) return { ok: false, problem: 'invalid-url', message: error.message };
      throw error;
    }
  }

  /** A secret given for this run only (CLI: environment variable or --password-file); never stored. */
  async useSecretForThisRun(destination: string, secret: string): Promise<void> {
    const found = await this.destinationStore().get(destination);
    await this.secrets.useForThisRun(secretKeys.destinationPassword(found.id), secret.trim(), parseSiteUrl(found.siteUrl).href);
  }

  findDestination(idOrName: string): Promise<StoredDestination> {
    return this.destinationStore().get(idOrName);
  }

  /**
   * "Publish as draft": checks the post, queues it in the outbox and sends it at once. Without a
   * connection the job stays queued ("queued"); TK markers and unreadable notes block it unless
   * the reporter says "publish anyway". Private notes never reach the serializers' output.
   */
  async publish(request: PublishRequest): Promise<PublishOutcome> {
    const valid = parseOrThrow(publishRequestSchema, request, 'publish request');
    const destination = await this.destinationStore().get(valid.destinationId);
    const resolution = await this.deps.postResolver.resolve(valid.eventId, valid.day);
    if (resolution.input.sections.length === 0) {
      throw new ServiceError('invalid-argument', `The post for ${describePostDay(valid.day)} includes no sessions, so there is nothing to publish. Mark sessions as covered, or pick them in the post.`);
    }
    const tk = resolution.attention.filter((item) => item.kind === 'tk-marker').map((item) => item.message);
    const blockers = [...tk, ...resolution.problems];
    if (blockers.length > 0 && !valid.publishAnyway) {
      const what = tk.length > 0 && resolution.problems.length > 0 ? 'TK markers and notes that could not be read' : tk.length > 0 ? 'TK markers' : 'notes that could not be read';
      return { status: 'blocked', message: `The post still has ${what}; nothing was sent. Check them, or publish anyway.`, items: blockers };
    }
    const { featuredPhoto } = await this.settings.get(valid.eventId, valid.day);
    const post = fromPostInput(resolution.input, featuredPhoto);
    const queued = await this.outbox.enqueue({ eventId: valid.eventId, day: valid.day, destinationId: destination.id, destinationName: destination.name, post });
    const job = toView(await this.outbox.sendNow(queued.id));
    const status = job.state === 'done' ? 'sent' : job.state === 'waiting' || job.state === 'queued' || job.state === 'sending' ? 'queued' : job.state;
    return { status, job };
  }

  /** The post's publishing settings (its featured photo; the first until the editor chooses) and the photos to choose from. */
  async postSettings(eventId: string, day: PostDay): Promise<PostPublishSettingsView> {
    const [settings, photos] = await Promise.all([this.settings.get(eventId, day), this.photosOf(eventId, day)]);
    return { ...settings, photos: photos.map(toPostPhoto) };
  }

  /** Keeps the editor's choice for the next publishes of the post; a chosen photo must be one the post shows. */
  async savePostSettings(eventId: string, day: PostDay, settings: PostPublishSettings): Promise<PostPublishSettingsView> {
    const valid = parseOrThrow(postPublishSettingsSchema, settings, 'publishing settings');
    const { featuredPhoto } = valid;
    const photos = await this.photosOf(eventId, day);
    if (featuredPhoto.kind === 'photo' && !photos.some((photo) => photo.file === featuredPhoto.file)) {
      throw new ServiceError('invalid-argument', `The post for ${describePostDay(day)} does not show the photo assets/${featuredPhoto.file}; ${describePhotoChoices(photos)}.`);
    }
    return { ...(await this.settings.save(eventId, day, valid)), photos: photos.map(toPostPhoto) };
  }

  private async photosOf(eventId: string, day: PostDay): Promise<PublishablePhoto[]> {
    return photosOfPost((await this.deps.postResolver.load(eventId, day)).input);
  }

  async outboxJobs(): Promise<OutboxJob[]> {
    return (await this.outbox.list()).map(toView);
  }

  /** Hears the outbox as it stands after each change of a job (queued, sending, waiting, sent, discarded); returns the unsubscribe. */
  onOutboxChange(listener: OutboxListener): () => void {
    return this.outboxChanges.subscribe(listener);
  }

  async decide(jobId: string, decision: JobDecision): Promise<OutboxJob | null> {
    const job = await this.outbox.decide(jobId, decision);
    return job ? toView(job) : null;
  }

  /** Sends every queued job now, waiting ones included (the CLI's `outbox run`). */
  async runOutbox(): Promise<OutboxJob[]> {
    await this.outbox.runDue({ ignoreWait: true });
    return this.outboxJobs();
  }

  async publishedCopies(eventId: string, day: PostDay): Promise<PublishedCopy[]> {
    const copies = await this.records.postCopies(eventId, day);
    const names = new Map((this.destinations ? await this.destinations.list() : []).map((destination) => [destination.id, destination.name]));
    return Object.entries(copies).map(([destinationId, record]) => ({
      destinationId,
      destinationName: names.get(destinationId) ?? 'a destination no longer set up here',
      remoteId: record.remoteId,
      editUrl: record.editUrl,
      publishedAt: record.publishedAt,
    }));
  }

  /** The app and the host keep the outbox going in the background; the CLI sends only what it is told to. */
  startOutbox(): void {
    if (this.destinations) this.outbox.start();
  }

  stopOutbox(): void {
    this.outbox.stop();
  }

  private async sendJob(job: OutboxJobFile, saveProgress: (job: OutboxJobFile) => Promise<void>) {
    let destination: StoredDestination;
    try {
      destination = await this.destinationStore().get(job.destinationId);
    } catch {
      throw new PublishError('unknown-destination', `The destination “${job.destinationName}” is no longer set up on this computer; add it again, or discard this publish.`);
    }
    const secret = await this.storedSecret(destination);
    if (!secret) throw new PublishError('no-secret', `No ${destination.kind === 'wordpress' ? 'Application Password' : 'Admin API key'} is stored for “${destination.name}” on this computer; open Destinations and type it again.`);
    return sendJob({
      job,
      client: this.clientFor(destination, secret),
      records: this.records,
      readPhoto: (eventId, photo) => this.readPhoto(eventId, photo),
      saveJob: saveProgress,
      now: () => new Date(this.clock.now()),
    });
  }

  private clientFor(destination: StoredDestination, secret: string): PublishClient {
    const siteUrl = parseSiteUrl(destination.siteUrl);
    return destination.kind === 'wordpress'
      ? new WordPressClient({ siteUrl, userName: destination.userName, applicationPassword: secret }, this.http)
      : new GhostClient({ siteUrl, adminApiKey: secret }, this.http);
  }

  /** Only a regular file inside the library is sent, as the export copies and the photo route serves them. */
  private async readPhoto(eventId: string, photo: PublishablePhoto) {
    const location = await locateAssetFile(this.deps.paths, eventId, photo.file);
    if (!location.found) {
      throw new PublishError('missing-photo', `The photo ${photo.src} ${ASSET_REFUSALS[location.reason]}, so it was not sent; nothing after it was sent. Add the photo to the note again.`);
    }
    const { path } = location;
    try {
      return { path, bytes: await readFileAtMost(path, MAX_IMAGE_BYTES, `the photo ${photo.src}`) };
    } catch (error) {
      if (error instanceof ServiceError) throw new PublishError('missing-photo', `The photo ${photo.src} could not be read from the event's assets folder (${error.message}); nothing after it was sent.`);
      throw error;
    }
  }

  private destinationStore(): DestinationStore {
    if (!this.destinations) throw new ServiceError('invalid-argument', 'Publishing is not set up here: there is no settings folder for destinations.');
    return this.destinations;
  }

  /** The destination's password or key, only as stored for the destination's own site. */
  private storedSecret(destination: StoredDestination): Promise<string | null> {
    return this.secrets.get(secretKeys.destinationPassword(destination.id), parseSiteUrl(destination.siteUrl).href);
  }
}

/**
 * A stored password or key goes only to the site it was typed for: changing a destination's
 * address (or testing another one) needs it typed again, so nothing, not even a compromised
 * page, can send it elsewhere by editing the address.
 */
function checkSameSite(stored: StoredDestination, siteUrl: string): void {
  const before = parseSiteUrl(stored.siteUrl);
  const after = parseSiteUrl(siteUrl);
  if (before.origin === after.origin) return;
  const secret = stored.kind === 'wordpress' ? 'Application Password' : 'Admin API key';
  throw new PublishError('no-secret', `The stored ${secret} belongs to ${before.host}; type it again to use it with ${after.host}.`);
}

/** A secret that cannot be right is refused when it is typed, not at the first publish. */
function checkSecretShape(destination: StoredDestination, secret: string): void {
  if (destination.kind === 'wordpress' && !looksLikeApplicationPassword(secret)) throw new ServiceError('invalid-argument', NOT_AN_APPLICATION_PASSWORD);
  if (destination.kind === 'ghost' && !isAdminApiKey(secret)) throw new ServiceError('invalid-argument', NOT_AN_ADMIN_API_KEY);
}

/** "its photos are 1 “The panel” (assets/…), 2 …": what can be chosen instead. */
export function describePhotoChoices(photos: readonly PublishablePhoto[]): string {
  if (photos.length === 0) return 'it shows no photo';
  return `its photos are ${photos.map((photo, index) => `${index + 1} ${describePhoto(photo)}`).join(', ')}`;
}

function toPostPhoto({ file, src, alt, caption }: PublishablePhoto): PostPhoto {
  return { file, src, alt, caption };
}

/** A job as the app shows it: without the post's text and the markers. */
function toView(job: OutboxJobFile): OutboxJob {
  const { id, eventId, day, destinationId, destinationName, state, queuedAt, lastAttemptAt, nextAttemptAt, attempts, message, problem, result } = job;
  return { id, eventId, day, title: job.post.title, destinationId, destinationName, state, queuedAt, lastAttemptAt, nextAttemptAt, attempts, message, problem, result };
}
