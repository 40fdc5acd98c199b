import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelHandlers, type ChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { ServiceError } from '../../electron/services/storage/serviceError';
import type { EventFile } from '../../shared/model/event';
import type { Result } from '../../shared/ipc/result';
import { createEventWithSessions, createTempLibrary, eventDraft, sessionDraft, type TempLibrary } from '../helpers/tempLibrary';
import { noteState } from '../helpers/noteStates';

let library: TempLibrary;
let handlers: ChannelHandlers;
let logged: string[];
let flushed: string[];
const dispatch = (name: string, argument: unknown) => dispatchChannel(handlers, name, argument, (message) => logged.push(message));

function failureOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) return expect.fail(`expected a failure, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

beforeEach(async () => {
  library = await createTempLibrary();
  logged = [];
  flushed = [];
  handlers = createChannelHandlers(library.services, { onFlushComplete: (requestId) => flushed.push(requestId) });
});
afterEach(async () => {
  await library.cleanup();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('dispatchChannel', () => {
  it('runs a valid call and returns its value', async () => {
    const created = await dispatch('events:create', eventDraft());
    expect(created).toMatchObject({ ok: true, value: { title: 'Web Summit', sessions: [] } });
    const listed = await dispatch('events:list', {});
    expect(listed).toMatchObject({ ok: true, value: { events: [{ title: 'Web Summit', sessionCount: 0 }], problems: [] } });
    expect(await dispatch('library:describe', {})).toEqual({ ok: true, value: { libraryPath: library.root } });
  });

  it('deletes a session through the channel and moves its note to the trash', async () => {
    const event = await createEventWithSessions(library.services, [sessionDraft()]);
    const sessionId = event.sessions[0].id;
    await library.services.notes.save(event.id, sessionId, noteState('to be trashed'));
    const result = await dispatch('sessions:delete', { eventId: event.id, sessionId });
    expect(result).toMatchObject({ ok: true, value: { id: event.id, sessions: [] } });
    expect(existsSync(join(library.root, 'events', event.id, 'notes', `${sessionId}.json`))).toBe(false);
    const [trashed] = await readdir(join(library.root, 'trash', 'sessions'));
    expect((await readdir(join(library.root, 'trash', 'sessions', trashed))).sort()).toEqual(['note.json', 'session.json']);
  });

  it('tells the transport when the renderer finished flushing', async () => {
    expect(await dispatch('app:flush-complete', { requestId: 'quit-1' })).toEqual({ ok: true, value: { acknowledged: true } });
    expect(flushed).toEqual(['quit-1']);
  });

  it.each(['events:explode', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(100_000)])('refuses the unknown channel %#', async (name) => {
    const error = failureOf(await dispatch(name, {}));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^Unknown channel "/);
    expect(error.message.length).toBeLessThan(200);
  });

  it.each([
    ['events:create', { ...eventDraft(), startDate: 'tomorrow' }, /^Invalid argument to events:create: startDate must be a real date/],
    ['events:create', { ...eventDraft(), title: 42 }, /title/],
    ['events:create', { ...eventDraft(), colour: 'red' }, /colour/],
    ['events:get', { eventId: 123 }, /eventId/],
    ['events:get', { eventId: '../../etc' }, /eventId must be lower-case letters, digits and dashes/],
    ['events:get', { eventId: 'a'.repeat(81) }, /eventId/],
    ['events:get', {}, /eventId/],
    ['events:get', undefined, /argument to events:get/],
    ['events:get', null, /argument to events:get/],
    ['events:get', ['web-summit'], /argument to events:get/],
    ['events:get', 'web-summit', /argument to events:get/],
    ['events:list', { extra: true }, /extra/],
    ['sessions:reorder', { eventId: 'e', day: 1.5, sessionIds: [] }, /day/],
    ['sessions:reorder', { eventId: 'e', day: '1', sessionIds: [] }, /day/],
    ['sessions:reorder', { eventId: 'e', day: 1, sessionIds: 'abc' }, /sessionIds/],
    ['sessions:add', { eventId: 'e', session: { ...sessionDraft(), start: '25:00' } }, /session\.start must be a time written HH:MM/],
    ['sessions:add', { eventId: 'e', session: { ...sessionDraft(), speakers: [{ name: '' }] } }, /session\.speakers\.0\.name must not be empty/],
    ['notes:save', { eventId: 'e', sessionId: 's', editorState: { root: { type: 'root', version: 1, children: [{ type: 'html', version: 1 }] } } }, /unknown node type "html"/],
    ['notes:save', { eventId: 'e', sessionId: 's', editorState: 'not a state' }, /editorState/],
    ['preferences:set', { theme: 'hotdog-stand' }, /theme/],
  ])('refuses a bad argument to %s and names the field (%#)', async (name, argument, message) => {
    const error = failureOf(await dispatch(name, argument));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(message);
    expect(logged).toEqual([]);
  });

  it.each([
    ['a __proto__ key', 'events:create', JSON.parse('{"title":"x","startDate":"2026-01-01","timezone":"UTC","__proto__":{"polluted":true}}')],
    ['a constructor.prototype key', 'events:get', JSON.parse('{"eventId":"abc","constructor":{"prototype":{"polluted":true}}}')],
    ['a nested __proto__ key', 'preferences:set', JSON.parse('{"theme":"dark","__proto__":{"polluted":true}}')],
    ['a huge title', 'events:create', { ...eventDraft(), title: 'x'.repeat(5_000_000) }],
    ['a huge unknown key', 'events:get', { eventId: 'abc', ['k'.repeat(1_000_000)]: 1 }],
    ['a huge node type', 'notes:save', { eventId: 'e', sessionId: 's', editorState: { root: { type: 'root', version: 1, children: [{ type: 't'.repeat(1_000_000), version: 1 }] } } }],
    ['a note nested 100,000 levels deep', 'notes:save', { eventId: 'e', sessionId: 's', editorState: { root: deeplyNested(100_000) } }],
  ])('refuses hostile input (%s) with a short message and nothing written', async (_label, name, argument) => {
    const error = failureOf(await dispatch(name, argument));
    expect(error.code).toBe('invalid-argument');
    expect(error.message.length).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(existsSync(join(library.root, 'events'))).toBe(false);
  });

  it('says what is wrong with a note nested too deep, keeping the field and the reason in a short message', async () => {
    const error = failureOf(await dispatch('notes:save', { eventId: 'e', sessionId: 's', editorState: { root: deeplyNested(100) } }));
    expect(error.message).toMatch(/^Invalid argument to notes:save: editorState root\.children\[0\]/);
    expect(error.message).toMatch(/nested more than 40 levels deep\.$/);
    expect(error.message.length).toBeLessThan(400);
  });

  it('returns service errors as data', async () => {
    const error = failureOf(await dispatch('events:get', { eventId: 'missing-event' }));
    expect(error).toEqual({ code: 'not-found', message: 'There is no event with id "missing-event" in this library.' });
    const event = (await dispatch('events:create', eventDraft())) as { ok: true; value: EventFile };
    const reorder = failureOf(await dispatch('sessions:reorder', { eventId: event.value.id, day: 1, sessionIds: ['ghost'] }));
    expect(reorder.code).toBe('conflict');
    expect(logged).toEqual([]);
  });

  it.each([
    ['an Error', () => Promise.reject(new TypeError('cannot read x of undefined')), /cannot read x of undefined/],
    ['a thrown string', () => Promise.reject('plain string'), /plain string/],
    ['a synchronous throw', () => {
      throw new RangeError('bad range');
    }, /bad range/],
  ])('turns an unexpected exception (%s) into an internal error and logs it', async (_label, handler, message) => {
    const broken = { ...handlers, 'events:list': handler } as ChannelHandlers;
    const result = await dispatchChannel(broken, 'events:list', {}, (line) => logged.push(line));
    const error = failureOf(result);
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^Something unexpected went wrong \(events:list\)/);
    expect(error.message).toMatch(message);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('events:list failed unexpectedly');
  });

  it('passes a ServiceError thrown by a handler through with its code', async () => {
    const broken = { ...handlers, 'events:list': () => Promise.reject(new ServiceError('disk-full', 'Could not save: the disk is full.')) } as ChannelHandlers;
    expect(await dispatchChannel(broken, 'events:list', {}, (line) => logged.push(line))).toEqual({
      ok: false,
      error: { code: 'disk-full', message: 'Could not save: the disk is full.' },
    });
    expect(logged).toEqual([]);
  });
});

function deeplyNested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { type: 'paragraph', version: 1, children: [] };
  for (let level = 0; level < depth; level++) node = { type: 'paragraph', version: 1, children: [node] };
  return { type: 'root', version: 1, children: [node] };
}
