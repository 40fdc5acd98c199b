import type { ChannelInput, ChannelName, ChannelOutput, PushEventName, PushEvents } from './channels';
import type { Result } from './result';

/** The object the preload exposes and the HTTP transport imitates: one method per channel. */
export type HallnotesApi = {
  [Name in ChannelName]: (argument: ChannelInput<Name>) => Promise<Result<ChannelOutput<Name>>>;
};

export type PushSubscriber = <Name extends PushEventName>(name: Name, listener: (payload: PushEvents[Name]) => void) => () => void;

export type HallnotesBridge = { api: HallnotesApi; subscribe: PushSubscriber; transport: 'electron' | 'http' };

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'hallnotes';
