import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventFile } from '../../shared/model/event';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { noteStateText } from '../../shared/note/noteText';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import type { SavedNote } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import { NoteSaver, type NoteAddress, type SaveStatus } from '../../renderer/features/note/noteSaver';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createTempLibrary, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';

/** The errno every write's temp file open fails with, or null for a healthy disk. */
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
let event: EventFile;
let saver: NoteSaver;
let statuses: Map<string, SaveStatus>;
let a: NoteAddress;
let b: NoteAddress;

beforeEach(async () => {
  disk.failure = null;
  library = await createTempLibrary();
  event = await createEventWithSessions(library.services, [sessionDraft({ title: 'Keynote' }), sessionDraft({ start: '10:00', title: 'Panel' })]);
  a = { eventId: event.id, sessionId: event.sessions[0].id };
  b = { eventId: event.id, sessionId: event.sessions[1].id };
  const handlers = createChannelHandlers(library.services, { onFlushComplete: () => undefined });
  const save = (request: NoteAddress & { editorState: SerializedNoteState }) => dispatchChannel(handlers, 'notes:save', request) as Promise<Result<SavedNote>>;
  saver = new NoteSaver(save, { debounceMs: 5, maxWaitMs: 5, retryMs: 25 });
  statuses = new Map();
  saver.subscribeAll((address, status) => statuses.set(address.sessionId, status));
});
afterEach(async () => {
  disk.failure = null;
  saver.forget(a);
  saver.forget(b);
  await library.cleanup();
});

function type(address: NoteAddress, text: string) {
  saver.change(address, () => noteState(text));
}

async function onDisk(address: NoteAddress): Promise<string | null> {
  try {
    const note = JSON.parse(await readFile(join(library.root, 'events', address.eventId, 'notes', `${address.sessionId}.json`), 'utf8')) as { editorState: SerializedNoteState };
    return noteStateText(note.editorState);
  } catch {
    return null;
  }
}

async function waitForStatus(address: NoteAddress, kind: SaveStatus['kind']) {
  await vi.waitFor(() => expect(statuses.get(address.sessionId)?.kind).toBe(kind), { timeout: 3000, interval: 5 });
}

describe.each([
  ['ENOSPC', 'the disk is full'],
  ['EROFS', 'the disk is read-only'],
  ['EIO', 'the disk reported an input/output error'],
])('a write failing with %s', (errno, reason) => {
  it('is reported for every session with pending edits, keeps all typing in memory, and saves it all once writes succeed', async () => {
    type(a, 'saved before');
    await waitForStatus(a, 'saved');

    disk.failure = errno;
    type(a, 'saved before, typed during');
    type(b, 'panel typed during');
    await waitForStatus(a, 'error');
    await waitForStatus(b, 'error');
    expect(statuses.get(a.sessionId)).toEqual({ kind: 'error', message: `Could not save the note for "Keynote": ${reason}.` });
    expect(statuses.get(b.sessionId)).toEqual({ kind: 'error', message: `Could not save the note for "Panel": ${reason}.` });
    // Still failing after retries; typing goes on.
    await new Promise((resolve) => setTimeout(resolve, 80));
    type(a, 'saved before, typed during, and more');
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(statuses.get(a.sessionId)?.kind).toBe('error');
    expect(await onDisk(a)).toBe('saved before');
    expect(await onDisk(b)).toBeNull();
    expect(noteStateText(saver.unsavedState(a)!)).toBe('saved before, typed during, and more');
    expect(noteStateText(saver.unsavedState(b)!)).toBe('panel typed during');

    disk.failure = null;
    await waitForStatus(a, 'saved');
    await waitForStatus(b, 'saved');
    expect(await onDisk(a)).toBe('saved before, typed during, and more');
    expect(await onDisk(b)).toBe('panel typed during');
    expect(saver.hasUnsavedChanges()).toBe(false);
  });
});

describe('a library folder that disappears (a USB stick pulled out)', () => {
  it('says the library cannot be found, recreates nothing, and saves everything when it is back', async () => {
    type(a, 'before');
    await waitForStatus(a, 'saved');
    const away = `${library.root}-away`;
    await rename(library.root, away);

    type(a, 'before and during');
    await waitForStatus(a, 'error');
    expect(statuses.get(a.sessionId)).toEqual({ kind: 'error', message: expect.stringContaining(`The library folder ${library.root} cannot be found`) });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(existsSync(library.root)).toBe(false);

    await rename(away, library.root);
    await waitForStatus(a, 'saved');
    expect(await onDisk(a)).toBe('before and during');
  });
});
