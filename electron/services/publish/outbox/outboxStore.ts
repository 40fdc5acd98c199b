import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { destinationIdSchema, JOB_STATES, jobIdSchema, PUBLISH_PROBLEMS } from '../../../../shared/model/publish';
import { idSchema } from '../../../../shared/model/event';
import { postDaySchema } from '../../../../shared/model/post';
import { writeFileAtomic, type WriteQueue } from '../../storage/atomicWrite';
import { readValidatedJson } from '../../storage/readValidatedJson';
import { DamagedFileError, fileSystemError } from '../../storage/serviceError';
import { publishablePostSchema } from '../publishablePost';

export const JOB_FORMAT = 1;

const resultSchema = z.strictObject({
  remoteId: z.string().max(100),
  editUrl: z.string().max(2000),
  created: z.boolean(),
  createdTags: z.array(z.string().max(200)).max(100),
  uploadedPhotos: z.number().int().min(0),
  reusedPhotos: z.number().int().min(0),
  notes: z.array(z.string().max(2000)).max(20).default([]),
  finishedAt: z.iso.datetime(),
});

/**
 * One publish waiting in, or done by, the outbox: the post exactly as it was when the reporter
 * pressed "Publish as draft" (so a queued job sends what was checked, not what was typed
 * since), where it goes, and how far it got.
 */
export const outboxJobFileSchema = z.strictObject({
  format: z.literal(JOB_FORMAT),
  id: jobIdSchema,
  eventId: idSchema,
  day: postDaySchema,
  destinationId: destinationIdSchema,
  destinationName: z.string().max(200),
  post: publishablePostSchema,
  /** The job's mark on the site, so an interrupted create is found again instead of repeated. */
  marker: z.string().regex(/^[a-z0-9]{12}$/),
  /** A create request may have reached the site (set before it is sent). */
  createStarted: z.boolean(),
  decision: z.enum(['overwrite', 'create-new']).nullable(),
  state: z.enum(JOB_STATES),
  queuedAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  attempts: z.number().int().min(0),
  message: z.string().max(5000),
  problem: z.enum(PUBLISH_PROBLEMS).nullable(),
  result: resultSchema.nullable(),
});
export type OutboxJobFile = z.infer<typeof outboxJobFileSchema>;

/**
 * The outbox on disk: <library>/outbox/<jobId>.json, one file per job written atomically, so a
 * kill at any moment leaves every job readable. Job ids start with the time they were queued,
 * so the file names sort in queue order. While a process sends a job it holds <jobId>.lock
 * (its pid inside); a lock left by a process that no longer runs is taken over.
 */
export class OutboxStore {
  readonly folder: string;

  constructor(
    libraryRoot: string,
    private readonly writes: WriteQueue,
    private readonly quarantineFolder: string,
    private readonly warn: (message: string) => void = () => undefined,
    /** After every write or removal of a job (OutboxChanges). */
    private readonly changed: () => void = () => undefined,
  ) {
    this.folder = join(libraryRoot, 'outbox');
  }

  /** Every readable job in queue order; a damaged job file is moved to quarantine and reported, the rest still run. */
  async list(): Promise<OutboxJobFile[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fileSystemError('read the outbox', error);
    }
    const jobs: OutboxJobFile[] = [];
    for (const name of names.filter((candidate) => candidate.endsWith('.json')).sort()) {
      try {
        const job = await this.read(name.slice(0, -'.json'.length));
        if (job) jobs.push(job);
      } catch (error) {
        if (!(error instanceof DamagedFileError)) throw error;
        this.warn(error.message);
      }
    }
    return jobs;
  }

  read(jobId: string): Promise<OutboxJobFile | null> {
    const filePath = this.jobFile(jobId);
    return this.writes.run(filePath, () =>
      readValidatedJson({ filePath, schema: outboxJobFileSchema, supportedFormat: JOB_FORMAT, description: `the outbox job ${jobId}`, quarantineFolder: this.quarantineFolder }),
    );
  }

  save(job: OutboxJobFile): Promise<void> {
    const filePath = this.jobFile(job.id);
    return this.writes.run(filePath, async () => {
      try {
        await mkdir(this.folder, { recursive: true });
      } catch (error) {
        throw fileSystemError('create the outbox folder', error);
      }
      await writeFileAtomic(filePath, JSON.stringify(job), `the outbox job “${job.post.title}”`);
      this.changed();
    });
  }

  remove(jobId: string): Promise<void> {
    const filePath = this.jobFile(jobId);
    return this.writes.run(filePath, async () => {
      try {
        await rm(filePath, { force: true });
      } catch (error) {
        throw fileSystemError(`remove the outbox job ${jobId}`, error);
      }
      this.changed();
    });
  }

  /** Takes the job's lock; null when another running process holds it. Returns the release. */
  async lock(jobId: string): Promise<(() => Promise<void>) | null> {
    const lockPath = join(this.folder, `${jobIdSchema.parse(jobId)}.lock`);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await mkdir(this.folder, { recursive: true });
        const handle = await open(lockPath, 'wx', 0o600);
        await handle.writeFile(String(process.pid));
        await handle.close();
        return () => rm(lockPath, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemError(`lock the outbox job ${jobId}`, error);
      }
      const holder = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (holder === process.pid || isRunning(holder)) return null;
      await rm(lockPath, { force: true });
    }
    return null;
  }

  /** Whether a running process (this one included) is sending the job. */
  async isHeld(jobId: string): Promise<boolean> {
    const holder = Number((await readFile(join(this.folder, `${jobIdSchema.parse(jobId)}.lock`), 'utf8').catch(() => '')).trim());
    return holder === process.pid || isRunning(holder);
  }

  private jobFile(jobId: string): string {
    return join(this.folder, `${jobIdSchema.parse(jobId)}.json`);
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
