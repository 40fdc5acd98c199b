import type { ChannelName, ChannelOutput, ValidatedInput } from '../../../shared/ipc/channels';
import type { ExportFormat } from '../../../shared/model/post';
import type { Services } from '../createServices';
import { importUploadedProgramme } from '../import/importUpload';
import { exportBundleFromApp, importUploadedBundle } from '../bundle/bundleUpload';
import { describePhoto } from '../posts/photoDescriptions';

export type ChannelHandlers = {
  [Name in ChannelName]: (input: ValidatedInput<Name>) => Promise<ChannelOutput<Name>>;
};

export type TransportHooks = {
  /** The renderer finished flushing its unsaved notes (Electron quits after this). */
  onFlushComplete(requestId: string): void;
  /** Asks where to save an export (Electron's save dialog); null when cancelled. Without it, exports go to <library>/exports/<eventId>/. */
  chooseExportPath?(suggestedFileName: string, format: ExportFormat): Promise<string | null>;
  /** Asks where to save an event bundle (Electron's save dialog); null when cancelled. Without it, bundles go to <library>/exports/<eventId>/. */
  chooseBundlePath?(suggestedFileName: string): Promise<string | null>;
};

/** The one map from channel to service call that Electron main and the browser host both serve. */
export function createChannelHandlers(services: Services, hooks: TransportHooks): ChannelHandlers {
  const { events, notes, preferences, paths, posts, postResolver, exporter } = services;
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
    'events:recover': ({ eventId }) => events.recover(eventId, () => notes.sessionsWithFiles(eventId)),
    'sessions:add': ({ eventId, session }) => events.addSession(eventId, session),
    'sessions:update': ({ eventId, sessionId, changes }) => events.updateSession(eventId, sessionId, changes),
    'sessions:delete': async ({ eventId, sessionId }) => {
      const { event, removed } = await events.removeSession(eventId, sessionId);
      await notes.moveToTrash(eventId, removed);
      return event;
    },
    'sessions:reorder': ({ eventId, day, sessionIds }) => events.reorderSessions(eventId, day, sessionIds),
    'notes:load': ({ eventId, sessionId }) => notes.load(eventId, sessionId),
    'notes:save': ({ eventId, sessionId, editorState, baseSavedAt, unconfirmedStates }) => notes.save(eventId, sessionId, editorState, { baseSavedAt, unconfirmedStates }),
    'assets:store': (request) => services.assets.store(request),
    'preferences:get': async () => preferences.get(),
    'preferences:set': async (changes) => preferences.set(changes),
    'posts:get': ({ eventId, day }) => posts.get(eventId, day),
    'posts:save': ({ eventId, day, changes }) => posts.save(eventId, day, changes),
    'posts:resolve': ({ eventId, day }) => postResolver.resolve(eventId, day),
    'posts:describe-photo': (description) => describePhoto(services, description),
    'export:write': ({ eventId, day, ifExists, ...options }) =>
      exporter.write(eventId, day, options, (fileName) =>
        hooks.chooseExportPath ? hooks.chooseExportPath(fileName, options.format) : exporter.defaultExportPath(eventId, fileName, ifExists),
      ),
    'import:preview': (request) => importUploadedProgramme(services, request, true),
    'import:apply': (request) => importUploadedProgramme(services, request, false),
    'notes:stats': ({ eventId }) => services.search.stats(eventId),
    'search:query': ({ query, limit }) => services.search.query(query, limit),
    'history:list': ({ eventId, sessionId }) => services.history.list(eventId, sessionId),
    'history:get': ({ eventId, sessionId, snapshotId }) => services.history.get(eventId, sessionId, snapshotId),
    'history:restore': ({ eventId, sessionId, snapshotId }) => services.history.restore(eventId, sessionId, snapshotId),
    'history:damage': ({ eventId, sessionId }) => services.history.damageReport(eventId, sessionId),
    'history:dismiss-damage': async ({ eventId, sessionId }) => {
      await services.history.dismissDamage(eventId, sessionId);
      return { dismissed: true };
    },
    'trash:list': async () => ({ entries: await services.trash.list() }),
    'trash:restore': ({ entryId }) => services.trash.restore(entryId),
    'trash:empty': () => services.trash.empty(),
    'publish:destinations': () => services.publish.listDestinations(),
    'publish:save-destination': (draft) => services.publish.saveDestination(draft),
    'publish:delete-destination': async ({ destinationId }) => {
      await services.publish.deleteDestination(destinationId);
      return { deleted: true };
    },
    'publish:test-destination': (draft) => services.publish.testDestination(draft),
    'publish:post': (request) => services.publish.publish(request),
    'publish:outbox': async () => ({ jobs: await services.publish.outboxJobs() }),
    'publish:decide': async ({ jobId, decision }) => ({ job: await services.publish.decide(jobId, decision) }),
    'publish:copies': ({ eventId, day }) => services.publish.publishedCopies(eventId, day),
    'publish:settings': ({ eventId, day }) => services.publish.postSettings(eventId, day),
    'publish:save-settings': ({ eventId, day, ...settings }) => services.publish.savePostSettings(eventId, day, settings),
    'bundle:export': ({ eventId, includePrivate }) => exportBundleFromApp(services, eventId, includePrivate, hooks.chooseBundlePath),
    'bundle:preview': (upload) => importUploadedBundle(services, upload, true),
    'bundle:import': (upload) => importUploadedBundle(services, upload, false),
    'team:incoming': ({ eventId, sessionId }) => services.exchange.incomingVersions(eventId, sessionId),
    'team:incoming-sessions': async ({ eventId }) => ({ sessionIds: await services.exchange.sessionsWithIncoming(eventId) }),
    'team:resolve': ({ eventId, sessionId, versionId, choice }) => services.exchange.resolve(eventId, sessionId, versionId, choice),
    'sync:status': ({ eventId }) => services.sync.status(eventId),
    'sync:configure': ({ eventId, ...settings }) => services.sync.configure(eventId, settings),
    'sync:now': ({ eventId }) => services.sync.sync(eventId),
    'app:flush-complete': async ({ requestId }) => {
      hooks.onFlushComplete(requestId);
      return { acknowledged: true };
    },
  };
}
