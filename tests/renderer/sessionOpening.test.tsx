// @vitest-environment jsdom
import { createServicesBridge, type ServicesBridge } from './support/servicesBridge';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './support/renderApp';
import type { EventFile } from '../../shared/model/event';
import { createEventWithSessions, eventDraft, sessionDraft } from '../helpers/tempLibrary';
import { byLabel, byText, click, press, settleImmediate, typeInto, waitFor, type Rendered } from './support/dom';

const noteTitle = () => document.querySelector('.session-header-title')?.textContent;
const sessionButton = (title: string) => byText(document, '.session-row .session-title', title).closest('.session-open')!;

/**
 * A click on a session waits (up to 150 ms) for its note's read before it switches. Whatever
 * else opens a session meanwhile must win: the click's switch may never land after it.
 */
describe('opening sessions while a click still waits for its note', () => {
  let harness: ServicesBridge;
  let shown: Rendered | null = null;
  let event: EventFile;

  beforeEach(async () => {
    harness = await createServicesBridge();
    const { services, preferences } = harness.library;
    event = await createEventWithSessions(
      services,
      [sessionDraft({ title: 'Opening', start: '09:00' }), sessionDraft({ title: 'Funding panel', start: '10:00' }), sessionDraft({ title: 'Closing words', start: '11:00' })],
      eventDraft({ endDate: '2026-11-02' }),
    );
    preferences.set({ lastEventId: event.id, lastSessionId: event.sessions[0].id });
    shown = await renderApp();
    await waitFor(() => expect(noteTitle()).toBe('Opening'));
  });

  afterEach(async () => {
    vi.useRealTimers();
    await shown?.unmount();
    shown = null;
    await harness.cleanup();
  });

  /** Clicks the panel on a slow disk: its note's read and the click's 150 ms wait are both still pending. */
  async function clickPanelAndLeaveItWaiting() {
    const panel = event.sessions[1].id;
    const slowRead = harness.hold('notes:load', (argument) => (argument as { sessionId: string }).sessionId === panel);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await click(sessionButton('Funding panel'));
    expect(slowRead.waiting()).toBe(1);
    return slowRead;
  }

  async function letThePendingClickFinish(slowRead: { release(): void }) {
    slowRead.release();
    await vi.advanceTimersByTimeAsync(200);
    vi.useRealTimers();
    await settleImmediate();
  }

  it('a session created from the form stays open', async () => {
    const slowRead = await clickPanelAndLeaveItWaiting();
    await press('n', { code: 'KeyN', altKey: true }, document.body);
    const form = await waitFor(() => document.querySelector('dialog[open]')!);
    await typeInto(byLabel<HTMLInputElement>(form, 'Title'), 'Surprise demo');
    await click(byText(form, 'button[type="submit"]', 'Add session'));
    await waitFor(() => expect(noteTitle()).toBe('Surprise demo'));

    await letThePendingClickFinish(slowRead);
    expect(noteTitle()).toBe('Surprise demo');
  });

  it('a search result stays open', async () => {
    await harness.library.services.notes.save(event.id, event.sessions[2].id, {
      root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'Thanks to the volunteers', format: 0 }] }] },
    });
    const slowRead = await clickPanelAndLeaveItWaiting();
    await press('F', { code: 'KeyF', ctrlKey: true, shiftKey: true }, document.body);
    const search = await waitFor(() => byLabel<HTMLInputElement>(document, 'Search'));
    await typeInto(search, 'volunteers');
    await vi.advanceTimersByTimeAsync(120);
    await waitFor(() => byText(document, '.search-hit-title', 'Closing words'));
    await press('Enter', {}, search);
    await waitFor(() => expect(noteTitle()).toBe('Closing words'));

    await letThePendingClickFinish(slowRead);
    expect(noteTitle()).toBe('Closing words');
  });

  it('and the click itself still opens its session when nothing else was opened', async () => {
    const slowRead = await clickPanelAndLeaveItWaiting();
    await letThePendingClickFinish(slowRead);
    await waitFor(() => expect(noteTitle()).toBe('Funding panel'));
  });
});
