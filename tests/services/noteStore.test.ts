import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerializedNoteNode, SerializedNoteState } from '../../shared/note/noteFile';
import type { EventFile } from '../../shared/model/event';
import { createEventWithSessions, createTempLibrary, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';
import { linkNode, noteState, textNode } from '../helpers/noteStates';

let library: TempLibrary;
let event: EventFile;
const notePath = (sessionId: string) => join(library.root, 'events', event.id, 'notes', `${sessionId}.json`);

beforeEach(async () => {
  library = await createTempLibrary();
  event = await createEventWithSessions(library.services, [
    sessionDraft({ start: '09:00', title: 'Opening keynote' }),
    sessionDraft({ start: '10:00', title: 'Panel on AI' }),
    sessionDraft({ start: '11:00', title: 'Workshop' }),
  ]);
});
afterEach(async () => {
  await library.cleanup();
});

describe('saving and loading notes', () => {
  it('writes exactly the note file format 1 and loads it back', async () => {
    const [session] = event.sessions;
    const state = noteState('First paragraph', 'Second paragraph');
    const saved = await library.services.notes.save(event.id, session.id, state);

    const raw = await readFile(notePath(session.id), 'utf8');
    expect(JSON.parse(raw)).toEqual({ format: 1, sessionId: session.id, savedAt: saved.savedAt, editorState: state });
    expect(saved.bytesWritten).toBe(Buffer.byteLength(raw));
    expect(await library.services.notes.load(event.id, session.id)).toEqual({ note: JSON.parse(raw) });
  });

  it('loads null for a session that has no note yet', async () => {
    expect(await library.services.notes.load(event.id, event.sessions[1].id)).toEqual({ note: null });
  });

  it('rewrites only that note: the event file and the other notes are untouched', async () => {
    const [first, second, third] = event.sessions;
    await library.services.notes.save(event.id, second.id, noteState('other note'));
    await library.services.notes.save(event.id, third.id, noteState('third note'));
    const eventFile = join(library.root, 'events', event.id, 'event.json');
    const watched = [eventFile, notePath(second.id), notePath(third.id)];
    const before = await Promise.all(watched.map((file) => stat(file, { bigint: true })));
    const contentsBefore = await Promise.all(watched.map((file) => readFile(file)));

    const saved = await library.services.notes.save(event.id, first.id, noteState('x'.repeat(5000)));

    const after = await Promise.all(watched.map((file) => stat(file, { bigint: true })));
    for (let index = 0; index < watched.length; index++) {
      expect(after[index].ino, watched[index]).toBe(before[index].ino);
      expect(after[index].mtimeNs, watched[index]).toBe(before[index].mtimeNs);
    }
    expect(await Promise.all(watched.map((file) => readFile(file)))).toEqual(contentsBefore);
    expect(saved.bytesWritten).toBe(Number((await stat(notePath(first.id))).size));
    expect((await readdir(join(library.root, 'events', event.id, 'notes'))).sort()).toEqual([first.id, second.id, third.id].map((id) => `${id}.json`).sort());
  });

  it('saves a note even when the empty notes folder went missing (e.g. a git or sync copy)', async () => {
    await rm(join(library.root, 'events', event.id, 'notes'), { recursive: true });
    await library.services.notes.save(event.id, event.sessions[0].id, noteState('still saved'));
    expect((await library.services.notes.load(event.id, event.sessions[0].id)).note?.editorState).toEqual(noteState('still saved'));
  });

  it('ends with the content of the last of many concurrent saves, always a whole note', async () => {
    const [session] = event.sessions;
    const saves = Array.from({ length: 30 }, (_, index) => library.services.notes.save(event.id, session.id, noteState(`version ${index} `.repeat(2000))));
    await Promise.all(saves);
    const { note } = await library.services.notes.load(event.id, session.id);
    expect(note?.editorState).toEqual(noteState(`version 29 `.repeat(2000)));
  });

  it('refuses a state that is not a Lexical note, naming the session and the problem', async () => {
    const [session] = event.sessions;
    const state = { root: { type: 'root', version: 1, children: [{ type: 'script', version: 1 }] } } as unknown as SerializedNoteState;
    await expect(library.services.notes.save(event.id, session.id, state)).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/"Opening keynote".*unknown node type "script"/),
    });
  });

  it('names the event and the session id when the session does not exist', async () => {
    await expect(library.services.notes.save(event.id, 'not-a-session', noteState('x'))).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('Event "Web Summit" has no session with id "not-a-session"'),
    });
    await expect(library.services.notes.load('no-event', 'not-a-session')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('"no-event"') });
  });
});

describe('link safety', () => {
  const UNSAFE_URLS = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\u0000script:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'javascript&#58;alert(1)',
    '/relative/path',
  ];

  const withLink = (url: string) => noteState(['Read ', linkNode(url, 'this'), ' now'].map((part) => (typeof part === 'string' ? textNode(part) : part)));
  const unwrapped = noteState([textNode('Read '), textNode('this'), textNode(' now')]);
  const linksIn = (node: SerializedNoteNode): SerializedNoteNode[] => [
    ...(node.type === 'link' ? [node] : []),
    ...(node.children ?? []).flatMap(linksIn),
  ];

  it.each(UNSAFE_URLS)('unwraps a link to %j into plain text on save', async (url) => {
    const [session] = event.sessions;
    await library.services.notes.save(event.id, session.id, withLink(url));
    const onDisk = JSON.parse(await readFile(notePath(session.id), 'utf8'));
    expect(onDisk.editorState).toEqual(unwrapped);
  });

  it.each(UNSAFE_URLS)('unwraps a link to %j written into the file by hand when the note is loaded', async (url) => {
    const [session] = event.sessions;
    await writeFile(notePath(session.id), JSON.stringify({ format: 1, sessionId: session.id, savedAt: new Date().toISOString(), editorState: withLink(url) }));
    const { note } = await library.services.notes.load(event.id, session.id);
    expect(note?.editorState).toEqual(unwrapped);
  });

  it.each([
    ['http://example.com/talk', 'http://example.com/talk'],
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['mailto:press@example.com', 'mailto:press@example.com'],
    ['HTTPS://Example.com', 'https://example.com/'],
  ])('keeps a link to %j', async (url, kept) => {
    const [session] = event.sessions;
    await library.services.notes.save(event.id, session.id, withLink(url));
    const { note } = await library.services.notes.load(event.id, session.id);
    const links = linksIn(note!.editorState.root);
    expect(links).toHaveLength(1);
    expect(links[0].url).toBe(kept);
    expect(links[0].children).toEqual([textNode('this')]);
  });
});
