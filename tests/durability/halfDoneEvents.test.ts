import { mkdir, readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importProgramme } from '../../electron/services/import/importProgramme';
import { createTempLibrary, eventDraft, type TempLibrary } from '../helpers/tempLibrary';

/** The errno every temp file open fails with, or null for a healthy disk. */
const disk = vi.hoisted(() => ({ failure: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: (path: Parameters<typeof actual.open>[0], ...rest: unknown[]) => {
      if (disk.failure && String(path).endsWith('.tmp')) return Promise.reject(Object.assign(new Error(`${disk.failure}: injected`), { code: disk.failure }));
      return (actual.open as (...args: unknown[]) => ReturnType<typeof actual.open>)(path, ...rest);
    },
  };
});

let library: TempLibrary;
beforeEach(async () => {
  disk.failure = null;
  library = await createTempLibrary();
});
afterEach(async () => {
  disk.failure = null;
  await library.cleanup();
});

const eventsFolder = () => join(library.root, 'events');
const visibleEntries = async (folder: string) => (await readdir(folder).catch(() => [] as string[])).filter((name) => !name.startsWith('.'));
const csv = 'date,start,end,title\n2026-05-10,09:00,09:30,Welcome\n2026-05-10,10:00,10:30,Keynote\n';

describe('creating an event on a full disk', () => {
  it('says so and leaves no event folder behind, not even an empty one', async () => {
    disk.failure = 'ENOSPC';
    await expect(library.services.events.create(eventDraft())).rejects.toMatchObject({ code: 'disk-full', message: expect.stringContaining('the disk is full') });
    expect(await readdir(eventsFolder())).toEqual([]);
    expect(await library.services.events.list()).toEqual({ events: [], problems: [] });
  });

  it('importing into a new event leaves nothing: no empty event, nothing in the trash', async () => {
    disk.failure = 'ENOSPC';
    await expect(importProgramme({ services: library.services, fileName: 'day.csv', bytes: Buffer.from(csv), dryRun: false, timeZone: 'Europe/Berlin' })).rejects.toMatchObject({ code: 'disk-full' });
    expect(await readdir(eventsFolder())).toEqual([]);
    expect(await visibleEntries(join(library.root, 'trash', 'events'))).toEqual([]);
  });
});

describe('importing into a new event', () => {
  it('writes the event with its whole agenda at once', async () => {
    const summary = await importProgramme({ services: library.services, fileName: 'day.csv', bytes: Buffer.from(csv), dryRun: false, timeZone: 'Europe/Berlin' });
    const event = await library.services.events.get(summary.eventId!);
    expect(event.sessions.map((session) => session.title)).toEqual(['Welcome', 'Keynote']);
    expect(event.createdAt).toBe(event.updatedAt);
  });

  it('a creation cut short by a kill is never listed, and is cleared once it is an hour old', async () => {
    const abandoned = join(eventsFolder(), '.creating-web-summit-k3f9-0a1b2c3d');
    await mkdir(join(abandoned, 'notes'), { recursive: true });
    expect(await library.services.events.list()).toEqual({ events: [], problems: [] });
    const anHourAgo = new Date(Date.now() - 61 * 60 * 1000);
    await utimes(abandoned, anHourAgo, anHourAgo);
    await library.services.events.create(eventDraft());
    expect((await readdir(eventsFolder())).filter((name) => name.startsWith('.creating-'))).toEqual([]);
  });
});
