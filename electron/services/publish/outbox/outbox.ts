import type { JobDecision, PublishResult } from '../../../../shared/model/publish';
import type { PostDay } from '../../../../shared/model/post';
import { randomId } from '../../library/ids';
import { ServiceError } from '../../storage/serviceError';
import { PublishError } from '../http/publishError';
import type { PublishablePost } from '../publishablePost';
import { JOB_FORMAT, type OutboxJobFile, type OutboxStore } from './outboxStore';

/** Time for the outbox, so tests can run it on a fake clock. */
export type Clock = {
  now(): number;
  setTimeout(run: () => void, ms: number): { cancel(): void };
};

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    // A waiting job never keeps the CLI or a test process alive by itself.
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** After the 1st, 2nd, … failed try: 5 s, 10 s, 20 s, 40 s, 80 s, then every 2 minutes. */
export const RETRY_DELAYS_MS = [5_000, 10_000, 20_000, 40_000, 80_000, 120_000];
/** Sent jobs stay listed (with their link) this long. */
const KEEP_DONE_MS = 7 * 24 * 60 * 60 * 1000;

export type SendJob = (job: OutboxJobFile, saveProgress: (job: OutboxJobFile) => Promise<void>) => Promise<PublishResult>;

export type NewJob = { eventId: string; day: PostDay; destinationId: string; destinationName: string; post: PublishablePost };

/**
 * The offline outbox. Publishing always goes through it: a job is written to disk first, then
 * sent. When the site cannot be reached (or answers with a server error) the job waits and is
 * tried again, backing off, in queue order, across restarts; other problems stop the job with
 * their message until the reporter retries, decides or discards it. Within one process jobs
 * are sent one at a time; across processes (the app and the CLI) a lock file keeps a job from
 * being sent twice at once.
 */
export class Outbox {
  private timer: { cancel(): void } | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private started = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly send: SendJob,
    private readonly clock: Clock = systemClock,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
    /** Where a failure of the background round goes (an unreadable outbox folder); each job's own errors are in the job. */
    private readonly report: (error: unknown) => void = (error) => console.error(`[hallnotes] outbox: ${error instanceof Error ? error.message : String(error)}`),
  ) {}

  list(): Promise<OutboxJobFile[]> {
    return this.store.list();
  }

  async get(jobId: string): Promise<OutboxJobFile> {
    const job = await this.store.read(jobId);
    if (!job) throw new ServiceError('not-found', 'That publish is no longer in the outbox.');
    return job;
  }

  /**
   * Queues a publish. A job for the same post and destination that has not been sent yet takes
   * the new version of the post instead (the draft gets the latest, once), keeping its progress.
   */
  async enqueue(request: NewJob): Promise<OutboxJobFile> {
    const now = this.isoNow();
    let pending: OutboxJobFile | undefined;
    const existing = await this.store.list();
    for (const job of existing) {
      if (job.eventId !== request.eventId || job.day !== request.day || job.destinationId !== request.destinationId || job.state === 'done') continue;
      // A job left "sending" by a process that was killed is taken over, marker and all, so its draft is found, not made again.
      if (job.state === 'sending' && (await this.store.isHeld(job.id))) continue;
      pending = job;
    }
    const job: OutboxJobFile = pending
      ? { ...pending, post: request.post, destinationName: request.destinationName, state: 'queued', queuedAt: now, nextAttemptAt: null, attempts: 0, decision: null, message: '', problem: null, result: null }
      : {
          format: JOB_FORMAT,
          id: `${String(nextStamp(this.clock.now(), existing)).padStart(13, '0')}-${randomId(6)}`,
          ...request,
          marker: randomId(12),
          createStarted: false,
          decision: null,
          state: 'queued',
          queuedAt: now,
          lastAttemptAt: null,
          nextAttemptAt: null,
          attempts: 0,
          message: '',
          problem: null,
          result: null,
        };
    await this.store.save(job);
    return job;
  }

  /** Sends the job now (after whatever this process is sending) and returns it as it ended. */
  sendNow(jobId: string): Promise<OutboxJobFile> {
    return this.serialized(async () => {
      const job = await this.attempt(await this.get(jobId));
      this.schedule();
      return job;
    });
  }

  /** What the reporter chose for a stopped job. */
  async decide(jobId: string, decision: JobDecision): Promise<OutboxJobFile | null> {
    const job = await this.get(jobId);
    if (job.state === 'sending') throw new ServiceError('conflict', `“${job.post.title}” is being sent right now; wait for it to finish.`);
    if (decision === 'discard') {
      await this.store.remove(jobId);
      return null;
    }
    const chosen = decision === 'retry' ? job.decision : decision;
    await this.store.save({ ...job, decision: chosen, state: 'queued', nextAttemptAt: null, message: '', problem: null });
    return this.sendNow(jobId);
  }

  /** Starts sending in the background: at once for what is due (and what a kill interrupted), then on a timer. */
  start(): void {
    this.started = true;
    void this.serialized(async () => {
      const cutoff = this.clock.now() - KEEP_DONE_MS;
      for (const job of await this.store.list()) {
        if (job.state === 'done' && Date.parse(job.result?.finishedAt ?? job.queuedAt) < cutoff) await this.store.remove(job.id);
        // A restart is a new chance: waiting jobs go now, interrupted ones are resumed.
        else if (job.state === 'waiting' || job.state === 'sending') await this.store.save({ ...job, state: 'queued', nextAttemptAt: null });
      }
    })
      .then(() => this.runDue())
      .catch(this.report);
  }

  stop(): void {
    this.started = false;
    this.timer?.cancel();
    this.timer = null;
  }

  /** Sends every job that is due, in queue order; a site found offline is not tried again for its later jobs in this round. */
  runDue(options: { ignoreWait?: boolean } = {}): Promise<void> {
    return this.serialized(async () => {
      const unreachable = new Map<string, string>();
      for (const job of await this.store.list()) {
        // "sending" here was cut short by a kill (this process sends one job at a time); attempt() skips it while another process holds it.
        if (job.state !== 'queued' && job.state !== 'waiting' && job.state !== 'sending') continue;
        if (job.state === 'waiting' && !options.ignoreWait && Date.parse(job.nextAttemptAt ?? '') > this.clock.now()) continue;
        const retryAt = unreachable.get(job.destinationId);
        if (retryAt) {
          await this.store.save({ ...job, state: 'waiting', nextAttemptAt: retryAt });
          continue;
        }
        const after = await this.attempt(job);
        if (after.state === 'waiting' && after.nextAttemptAt) unreachable.set(job.destinationId, after.nextAttemptAt);
      }
      this.schedule();
    });
  }

  private async attempt(queued: OutboxJobFile): Promise<OutboxJobFile> {
    const release = await this.store.lock(queued.id);
    if (!release) return queued;
    try {
      // Read again under the lock: another process may have sent it meanwhile.
      const fresh = await this.store.read(queued.id);
      if (!fresh || fresh.state === 'done') return fresh ?? queued;
      const job: OutboxJobFile = { ...fresh, state: 'sending', attempts: fresh.attempts + 1, lastAttemptAt: this.isoNow() };
      await this.store.save(job);
      let finished: OutboxJobFile;
      try {
        const result = await this.send(job, (progress) => this.store.save(progress));
        finished = { ...job, state: 'done', decision: null, nextAttemptAt: null, problem: null, result, message: describeResult(result, job.destinationName) };
      } catch (error) {
        finished = this.failed(job, error);
      }
      await this.store.save(finished);
      return finished;
    } finally {
      await release();
    }
  }

  private failed(job: OutboxJobFile, error: unknown): OutboxJobFile {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PublishError && error.retryable) {
      const delay = this.retryDelaysMs[Math.min(job.attempts, this.retryDelaysMs.length) - 1] ?? this.retryDelaysMs[this.retryDelaysMs.length - 1];
      return { ...job, state: 'waiting', problem: error.problem, message, nextAttemptAt: new Date(this.clock.now() + delay).toISOString() };
    }
    if (error instanceof PublishError && (error.problem === 'remote-edited' || error.problem === 'remote-deleted')) {
      return { ...job, state: 'needs-decision', problem: error.problem, message, nextAttemptAt: null };
    }
    const problem = error instanceof PublishError ? error.problem : null;
    const text = error instanceof ServiceError ? message : `Something unexpected went wrong: ${message}`;
    return { ...job, state: 'failed', problem, message: text, nextAttemptAt: null };
  }

  /** One timer, for the earliest waiting job. */
  private schedule(): void {
    if (!this.started) return;
    void this.store.list().then((jobs) => {
      const times = jobs.filter((job) => job.state === 'waiting' && job.nextAttemptAt).map((job) => Date.parse(job.nextAttemptAt as string));
      if (jobs.some((job) => job.state === 'queued')) times.push(this.clock.now());
      this.timer?.cancel();
      this.timer = null;
      if (times.length === 0 || !this.started) return;
      this.timer = this.clock.setTimeout(() => void this.runDue().catch(this.report), Math.max(0, Math.min(...times) - this.clock.now()));
    }, this.report);
  }

  private serialized<T>(run: () => Promise<T>): Promise<T> {
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }
}

/** "Created the draft on Blog: 2 photos uploaded, one already there; new tags: ci." */
function describeResult(result: PublishResult, destinationName: string): string {
  const photos = (count: number) => (count === 0 ? 'no photo' : count === 1 ? 'one photo' : `${count} photos`);
  const photoPart = result.uploadedPhotos + result.reusedPhotos > 0 ? `: ${photos(result.uploadedPhotos)} uploaded, ${photos(result.reusedPhotos)} already there` : '';
  const tagPart = result.createdTags.length > 0 ? `; new tag${result.createdTags.length === 1 ? '' : 's'} on the site: ${result.createdTags.join(', ')}` : '';
  const notes = result.notes.length > 0 ? ` ${result.notes.join(' ')}` : '';
  return `${result.created ? 'Created the draft' : 'Updated the draft'} on ${destinationName}${photoPart}${tagPart}.${notes}`;
}

/** Job ids sort in queue order: a job queued in the same millisecond as the last one still comes after it. */
function nextStamp(now: number, existing: readonly OutboxJobFile[]): number {
  const latest = Math.max(0, ...existing.map((job) => Number(job.id.slice(0, 13))));
  return Math.max(now, latest + 1);
}
