import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventFile } from '../../shared/model/event';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';

/**
 * No Windows machine here, so the file system fails as Windows does: a folder cannot be opened
 * with fs.open (libuv opens it without FILE_FLAG_BACKUP_SEMANTICS: EISDIR), and a rename over a
 * file an antivirus or the search indexer holds open is refused (EPERM/EACCES/EBUSY) for a moment.
 */
const windows = vi.hoisted(() => ({ active: false, renamesRefused: 0, refusal: 'EPERM' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: async (path: Parameters<typeof actual.open>[0], ...rest: unknown[]) => {
      if (windows.active && (await actual.stat(path).then((info) => info.isDirectory(), () => false))) {
        throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${String(path)}'`), { code: 'EISDIR' });
      }
      return (actual.open as (...args: unknown[]) => ReturnType<typeof actual.open>)(path, ...rest);
    },
    rename: async (from: string, to: string) => {
      if (windows.renamesRefused > 0) {
        windows.renamesRefused -= 1;
        throw Object.assign(new Error(`${windows.refusal}: operation not permitted, rename '${from}' -> '${to}'`), { code: windows.refusal });
      }
      return actual.rename(from, to);
    },
  };
});

const realPlatform = process.platform;
function pretendPlatform(platform: NodeJS.Platform) {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

let library: TempLibrary;
let event: EventFile;
const notePath = () => join(library.root, 'events', event.id, 'notes', `${event.sessions[0].id}.json`);

beforeEach(async () => {
  library = await createTempLibrary();
  event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Keynote' })]);
  pretendPlatform('win32');
  windows.active = true;
  windows.refusal = 'EPERM';
  windows.renamesRefused = 0;
});
afterEach(async () => {
  windows.active = false;
  windows.renamesRefused = 0;
  pretendPlatform(realPlatform);
  await library.cleanup();
});

describe('on a Windows disk', () => {
  it('a note is saved although a folder cannot be opened to flush it, and every kind of write works', async () => {
    await library.services.notes.save(event.id, event.sessions[0].id, noteState('typed on Windows'));
    expect(JSON.parse(await readFile(notePath(), 'utf8')).editorState).toEqual(noteState('typed on Windows'));
    const { session } = await library.services.events.addSession(event.id, sessionDraft({ start: '10:00', title: 'Panel' }));
    await library.services.notes.moveToTrash(event.id, (await library.services.events.removeSession(event.id, session.id)).removed);
    await library.services.events.create({ title: 'Second event', startDate: '2026-11-02', timezone: 'Europe/Lisbon' });
    expect((await library.services.events.list()).events).toHaveLength(2);
  });

  it.each(['EPERM', 'EACCES', 'EBUSY'])('a rename refused with %s for a moment (an antivirus holding the note) is tried again and the save lands', async (refusal) => {
    windows.refusal = refusal;
    windows.renamesRefused = 4;
    await library.services.notes.save(event.id, event.sessions[0].id, noteState('held by an antivirus'));
    expect(JSON.parse(await readFile(notePath(), 'utf8')).editorState).toEqual(noteState('held by an antivirus'));
    expect(windows.renamesRefused).toBe(0);
  });

  it('a rename refused for good fails within a few seconds, keeps the old note and leaves no temp file', async () => {
    await library.services.notes.save(event.id, event.sessions[0].id, noteState('the old note'));
    windows.renamesRefused = Number.POSITIVE_INFINITY;
    const started = Date.now();
    await expect(library.services.notes.save(event.id, event.sessions[0].id, noteState('never lands'))).rejects.toMatchObject({ code: 'read-only', message: 'Could not save the note for "Keynote": the operation was not permitted.' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(JSON.parse(await readFile(notePath(), 'utf8')).editorState).toEqual(noteState('the old note'));
    expect((await readdir(join(library.root, 'events', event.id, 'notes'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('on Linux and macOS', () => {
  it('a refused rename is a real permission problem: reported at once, not retried', async () => {
    pretendPlatform('linux');
    windows.active = false;
    windows.renamesRefused = 1;
    const started = Date.now();
    await expect(library.services.notes.save(event.id, event.sessions[0].id, noteState('x'))).rejects.toMatchObject({ code: 'read-only' });
    expect(Date.now() - started).toBeLessThan(500);
    expect(await stat(notePath()).catch(() => null)).toBeNull();
  });
});
