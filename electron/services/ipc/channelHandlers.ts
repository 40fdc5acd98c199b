import type { ChannelName, ChannelOutput, ValidatedInput } from '../../../shared/ipc/channels';
import type { Services } from '../createServices';

export type ChannelHandlers = {
  [Name in ChannelName]: (input: ValidatedInput<Name>) => Promise<ChannelOutput<Name>>;
};

export type TransportHooks = {
  /** The renderer finished flushing its unsaved notes (Electron quits after this). */
  onFlushComplete(requestId: string): void;
};

/** The one map from channel to service call that Electron main and the browser host both serve. */
export function createChannelHandlers(services: Services, hooks: TransportHooks): ChannelHandlers {
  const { events, notes, preferences, paths } = services;
  return {
    'library:describe': async () => ({ libraryPath: paths.root }),
    'events:list': () => events.list(),
    'events:create': (draft) => events.create(draft),
    'events:get': ({ eventId }) => events.get(eventId),
    'events:update': ({ eventId, changes }) => events.update(eventId, changes),
    'events:delete': async ({ eventId }) => {
      await events.delete(eventId);
      return { deleted: true };
    },
    'sessions:add': ({ eventId, session }) => events.addSession(eventId, session),
    'sessions:update': ({ eventId, sessionId, changes }) => events.updateSession(eventId, sessionId, changes),
    'sessions:delete': async ({ eventId, sessionId }) => {
      const { event, removed } = await events.removeSession(eventId, sessionId);
      await notes.moveToTrash(eventId, removed);
      return event;
    },
    'sessions:reorder': ({ eventId, day, sessionIds }) => events.reorderSessions(eventId, day, sessionIds),
    'notes:load': ({ eventId, sessionId }) => notes.load(eventId, sessionId),
    'notes:save': ({ eventId, sessionId, editorState }) => notes.save(eventId, sessionId, editorState),
    'preferences:get': async () => preferences.get(),
    'preferences:set': async (changes) => preferences.set(changes),
    'app:flush-complete': async ({ requestId }) => {
      hooks.onFlushComplete(requestId);
      return { acknowledged: true };
    },
  };
}
