import { join } from 'node:path';
import { z } from 'zod';
import { idSchema } from '../../../shared/model/event';
import { writeFileAtomic } from '../storage/atomicWrite';
import { readValidatedJson } from '../storage/readValidatedJson';
import { fileSystemError } from '../storage/serviceError';
import type { LibraryPaths } from '../library/libraryPaths';
import { canonicalJson } from '../merge/canonicalJson';
import { ensureFolders, type TeamPaths } from './teamPaths';

/**
 * What this library last exchanged of an event (by bundle or sync): for every field the hash
 * of its value and its stamp, for every note the version this library shows ("mine") and the
 * versions anybody replaced, and which team session id is which local session. Comparing the
 * library with it tells what changed here since: that is the common ancestor the merge needs.
 */
export const LEDGER_FORMAT = 1;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const fieldHashSchema = z.string().regex(/^[0-9a-f]{24}$/);
export const stampSchema = z.strictObject({ at: z.iso.datetime().nullable(), by: z.string().max(200) });
export const versionIdPattern = z.string().regex(/^[0-9a-f]{16}$/);
const fieldRecordSchema = z.strictObject({ hash: fieldHashSchema, stamp: stampSchema });
const fieldRecordsSchema = z.record(z.string().max(100), fieldRecordSchema);

export const versionRefSchema = z.strictObject({
  id: versionIdPattern,
  author: z.string().max(200),
  savedAt: z.iso.datetime(),
  contentHash: hashSchema,
});
export type VersionRef = z.infer<typeof versionRefSchema>;

const ledgerSessionSchema = z.strictObject({
  localId: idSchema,
  fields: fieldRecordsSchema,
  present: z.strictObject({ value: z.boolean(), stamp: stampSchema }),
  mine: versionRefSchema.nullable(),
  superseded: z.array(versionIdPattern).max(100_000),
});
export type LedgerSession = z.infer<typeof ledgerSessionSchema>;
export type FieldRecord = z.infer<typeof fieldRecordSchema>;

export const ledgerSchema = z.strictObject({
  format: z.literal(LEDGER_FORMAT),
  /** The event's id in what the team shares (it may differ from this library's own id). */
  sharedEventId: idSchema,
  /** Every id this event was known by in a bundle or a remote, so a later bundle finds it. */
  knownEventIds: z.array(idSchema).max(1000),
  createdAt: z.iso.datetime(),
  event: fieldRecordsSchema,
  /** By team session id. */
  sessions: z.record(idSchema, ledgerSessionSchema),
  posts: z.record(z.string().max(40), z.strictObject({ fields: fieldRecordsSchema })),
});
export type Ledger = z.infer<typeof ledgerSchema>;

export class LedgerStore {
  constructor(
    private readonly paths: LibraryPaths,
    private readonly team: TeamPaths,
  ) {}

  read(eventId: string): Promise<Ledger | null> {
    return readValidatedJson({
      filePath: this.team.ledgerFile(eventId),
      schema: ledgerSchema,
      supportedFormat: LEDGER_FORMAT,
      description: `the team ledger of event "${eventId}"`,
      quarantineFolder: join(this.paths.quarantineFolder, eventId),
    });
  }

  async write(eventId: string, ledger: Ledger): Promise<void> {
    try {
      await ensureFolders(this.team.folder(eventId));
    } catch (error) {
      throw fileSystemError(`keep what was exchanged of event "${eventId}"`, error);
    }
    await writeFileAtomic(this.team.ledgerFile(eventId), `${canonicalJson(ledger)}\n`, `the team ledger of event "${eventId}"`);
  }
}
