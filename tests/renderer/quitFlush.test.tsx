// @vitest-environment jsdom
import { createServicesBridge, type ServicesBridge } from './support/servicesBridge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from './support/renderApp';
import { createEventWithSessions, sessionDraft } from '../helpers/tempLibrary';
import { byLabel, byText, click, typeInto, waitFor, type Rendered } from './support/dom';

describe('quitting the app', () => {
  let harness: ServicesBridge;
  let shown: Rendered | null = null;
  beforeEach(async () => {
    harness = await createServicesBridge();
  });
  afterEach(async () => {
    await shown?.unmount();
    shown = null;
    await harness.cleanup();
  });

  it('answers the flush request once, and only when a post title typed just before is on disk', async () => {
    const { services, preferences } = harness.library;
    const event = await createEventWithSessions(services, [sessionDraft({ title: 'Keynote' })]);
    preferences.set({ lastEventId: event.id, lastSessionId: event.sessions[0].id });
    shown = await renderApp();
    await click(await waitFor(() => byText(document, 'button', /^Write the (Day 1 )?post$/)));
    const title = await waitFor(() => byLabel<HTMLInputElement>(document.querySelector('.post-settings')!, 'Title'));
    await typeInto(title, 'Day one, in short');

    // Well inside the settings' 400 ms wait: only a flush puts the title on disk now.
    harness.push('app:flush-requested', { requestId: 'quit-1' });
    await waitFor(() => expect(harness.flushesCompleted).toContain('quit-1'));
    expect((await services.posts.get(event.id, 1)).settings.title).toBe('Day one, in short');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.flushesCompleted).toEqual(['quit-1']);
  });
});
