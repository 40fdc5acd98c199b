import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../../electron/services/createServices';
import type { PreferenceBackend } from '../../electron/services/preferences/preferenceService';
import type { EventDraft, EventFile, SessionDraft } from '../../shared/model/event';
import type { Preferences } from '../../shared/model/preferences';

export type FakePreferenceBackend = PreferenceBackend & { store: Record<string, unknown> };

/** The `{store, set}` part of Conf, kept in memory. */
export function createFakePreferenceBackend(initial: Record<string, unknown> = {}): FakePreferenceBackend {
  const backend = {
    store: { ...initial },
    set(changes: Partial<Preferences>) {
      backend.store = { ...backend.store, ...changes };
    },
  };
  return backend as FakePreferenceBackend;
}

export type TempLibrary = { root: string; services: Services; preferences: FakePreferenceBackend; cleanup(): Promise<void> };

/** A fresh library folder under the system temp folder, with services wired to it. */
export async function createTempLibrary(): Promise<TempLibrary> {
  const root = await mkdtemp(join(tmpdir(), 'hallnotes-test-'));
  const preferences = createFakePreferenceBackend();
  const services = createServices({ libraryPath: root, preferences });
  return {
    root,
    services,
    preferences,
    cleanup: async () => {
      await services.writes.drain();
      await rm(root, { recursive: true, force: true });
    },
  };
}

export function eventDraft(overrides: Partial<EventDraft> = {}): EventDraft {
  return { title: 'Web Summit', startDate: '2026-11-02', endDate: '2026-11-04', timezone: 'Europe/Lisbon', ...overrides };
}

export function sessionDraft(overrides: Partial<SessionDraft> = {}): SessionDraft {
  return { day: 1, start: '09:00', title: 'Opening keynote', ...overrides };
}

/** Creates an event with one session per draft, in the given order. */
export async function createEventWithSessions(services: Services, sessions: SessionDraft[], draft: EventDraft = eventDraft()): Promise<EventFile> {
  let event = await services.events.create(draft);
  for (const session of sessions) event = (await services.events.addSession(event.id, session)).event;
  return event;
}
