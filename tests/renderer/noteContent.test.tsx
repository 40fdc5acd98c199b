// @vitest-environment jsdom
import { createServicesBridge, type ServicesBridge } from './support/servicesBridge';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { $createTextNode, $getRoot, type LexicalEditor } from 'lexical';
import { renderApp } from './support/renderApp';
import type { EventFile } from '../../shared/model/event';
import { createEventWithSessions, eventDraft, sessionDraft } from '../helpers/tempLibrary';
import { noteState } from '../helpers/noteStates';
import { byText, click, press, settleImmediate, waitFor, type Rendered } from './support/dom';

const noteTitle = () => document.querySelector('.session-header-title')?.textContent;
const shownEditor = () => document.querySelector<HTMLElement>('.editor-shell:not([hidden]) .editor-content');
const editorText = () => shownEditor()?.textContent ?? null;
const lexicalOf = (element: HTMLElement) => (element as unknown as { __lexicalEditor: LexicalEditor }).__lexicalEditor;

/** The note pipeline as the app runs it: what useNoteContent hands the editor when sessions open and close. */
describe('the note shown for a session', () => {
  let harness: ServicesBridge;
  let shown: Rendered | null = null;
  let event: EventFile;

  beforeEach(async () => {
    harness = await createServicesBridge();
    const { services, preferences } = harness.library;
    event = await createEventWithSessions(services, [sessionDraft({ title: 'Opening', start: '09:00' }), sessionDraft({ title: 'Panel', start: '10:00' })], eventDraft({ endDate: '2026-11-02' }));
    await services.notes.save(event.id, event.sessions[0].id, noteState('Saved on disk.'));
    preferences.set({ lastEventId: event.id, lastSessionId: event.sessions[0].id });
    shown = await renderApp();
    await waitFor(() => expect(editorText()).toBe('Saved on disk.'));
  });

  afterEach(async () => {
    await shown?.unmount();
    shown = null;
    await harness.cleanup();
  });

  it('is the newest text typed, not what is on disk, when its save has not landed yet', async () => {
    const slowDisk = harness.hold('notes:save');
    lexicalOf(shownEditor()!).update(() => $getRoot().getFirstChildOrThrow<import('lexical').ElementNode>().append($createTextNode(' And typed since.')), { discrete: true });
    await press('ArrowDown', { altKey: true }, document.body);
    await waitFor(() => expect(noteTitle()).toBe('Panel'));
    // The panel's note is shown (its read may come after its title): the opening's note has been flushed.
    await waitFor(() => expect(document.querySelector('.editor-shell')?.getAttribute('data-note-key')).toContain(event.sessions[1].id));
    await press('ArrowUp', { altKey: true }, document.body);
    await waitFor(() => expect(noteTitle()).toBe('Opening'));
    await waitFor(() => expect(editorText()).toBe('Saved on disk. And typed since.'));
    // Still on its way to disk.
    expect(slowDisk.waiting()).toBe(1);
    slowDisk.release();
    await waitFor(() => expect(editorText()).toBe('Saved on disk. And typed since.'));
  });

  it('is never an empty editor for a note that cannot be read: the damage is reported instead', async () => {
    const panel = event.sessions[1].id;
    await writeFile(join(harness.library.root, 'events', event.id, 'notes', `${panel}.json`), '{"format":1,"sessionId":');
    await click(byText(document, '.session-row .session-title', 'Panel').closest('.session-open')!);
    await waitFor(() => expect(document.querySelector('[aria-label="Damaged note"]')?.textContent).toContain('This note was damaged'));
    expect(shownEditor()).toBeNull();
    await settleImmediate();
  });
});
