import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DAMAGE_RECORD_FORMAT, damageRecordSchema, type DamageRecord } from '../../../shared/model/history';
import type { LibraryPaths } from '../library/libraryPaths';
import { writeFileAtomic } from '../storage/atomicWrite';
import { fileSystemError, ServiceError, type DamagedFileError } from '../storage/serviceError';
import type { SessionRef } from './noteHistory';
import { damageRecordFile } from './historyPaths';

/**
 * Remembers notes that were found damaged and moved to quarantine. Once the file is gone, a
 * later load would find no note at all; the record makes it say "damaged" instead of silently
 * opening an empty note, until the user restores a snapshot or chooses to start empty.
 */
export class DamagedNotes {
  constructor(private readonly paths: LibraryPaths) {}

  async record(eventId: string, session: SessionRef, error: DamagedFileError): Promise<void> {
    const file = damageRecordFile(this.paths, eventId, session.id);
    const record: DamageRecord = {
      format: DAMAGE_RECORD_FORMAT,
      eventId,
      sessionId: session.id,
      sessionTitle: session.title,
      damagedAt: new Date().toISOString(),
      movedTo: error.movedTo,
      reason: error.reason,
    };
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`, `the record of the damaged note for "${session.title}"`);
  }


  /** Throws the remembered damage of a note whose file is missing, so it is never shown as empty. */
  async assertNotDamaged(eventId: string, session: SessionRef): Promise<void> {
    const record = await this.find(eventId, session.id);
    if (record) throw new ServiceError('damaged-file', describeDamage(record));
  }

  async clear(eventId: string, sessionId: string): Promise<void> {
    try {
      await rm(damageRecordFile(this.paths, eventId, sessionId), { force: true });
    } catch (error) {
      throw fileSystemError('clear the record of a damaged note', error);
    }
  }

  /** The damage on record; it waits for a decision as long as no note has been written since (the caller knows). */
  async find(eventId: string, sessionId: string): Promise<DamageRecord | null> {
    let raw: string;
    try {
      raw = await readFile(damageRecordFile(this.paths, eventId, sessionId), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw fileSystemError('read the record of a damaged note', error);
    }
    try {
      const parsed = damageRecordSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

export function describeDamage(record: DamageRecord): string {
  const when = `${record.damagedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return `The note for "${record.sessionTitle}" was found damaged on ${when} (${record.reason}) and moved to ${record.movedTo}. Restore its latest snapshot or start an empty note; nothing has been overwritten.`;
}
