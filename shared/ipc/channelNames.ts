import type { ChannelName, PushEventName } from './channels';

/**
 * The channel names as a runtime list, kept apart from the validators so the sandboxed
 * preload can build its API without bundling zod. The checks below make a name missing
 * from either list a compile error.
 */
export const CHANNEL_NAMES = [
  'library:describe',
  'events:list',
  'events:create',
  'events:get',
  'events:update',
  'events:delete',
  'events:recover',
  'sessions:add',
  'sessions:update',
  'sessions:delete',
  'sessions:reorder',
  'notes:load',
  'notes:save',
  'assets:store',
  'preferences:get',
  'preferences:set',
  'posts:get',
  'posts:save',
  'posts:resolve',
  'posts:describe-photo',
  'export:write',
  'app:flush-complete',
  'import:preview',
  'import:apply',
  'notes:stats',
  'search:query',
  'history:list',
  'history:get',
  'history:restore',
  'history:damage',
  'history:dismiss-damage',
  'trash:list',
  'trash:restore',
  'trash:empty',
  'publish:destinations',
  'publish:save-destination',
  'publish:delete-destination',
  'publish:test-destination',
  'publish:post',
  'publish:outbox',
  'publish:decide',
  'publish:copies',
  'publish:settings',
  'publish:save-settings',
  'bundle:export',
  'bundle:preview',
  'bundle:import',
  'team:incoming',
  'team:incoming-sessions',
  'team:resolve',
  'sync:status',
  'sync:configure',
  'sync:now',
] as const satisfies readonly ChannelName[];

export const PUSH_EVENT_NAMES = ['app:flush-requested', 'menu:command', 'publish:outbox-changed'] as const satisfies readonly PushEventName[];

type Unlisted<All, Listed> = Exclude<All, Listed>;
export const everyChannelIsListed: Unlisted<ChannelName, (typeof CHANNEL_NAMES)[number]> extends never ? true : never = true;
export const everyPushEventIsListed: Unlisted<PushEventName, (typeof PUSH_EVENT_NAMES)[number]> extends never ? true : never = true;
