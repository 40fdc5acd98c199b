import { channels, type ChannelName } from '../../../shared/ipc/channels';
import type { Result } from '../../../shared/ipc/result';
import { ServiceError } from '../storage/serviceError';
import { parseOrThrow } from '../validation/parseOrThrow';
import type { ChannelHandlers } from './channelHandlers';

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

/**
 * Validates a raw argument against the channel's schema, runs the handler and turns every
 * outcome into a Result. Transports (ipcMain, the HTTP host) call only this.
 */
export async function dispatchChannel(handlers: ChannelHandlers, name: string, rawArgument: unknown, log: (message: string) => void = console.error): Promise<Result<unknown>> {
  if (!isChannelName(name)) return { ok: false, error: { code: 'invalid-argument', message: `Unknown channel "${name.slice(0, 60)}".` } };
  try {
    const input = parseOrThrow(channels[name].input, rawArgument, `argument to ${name}`);
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(input) };
  } catch (error) {
    if (error instanceof ServiceError) return { ok: false, error: error.toFailure() };
    log(`[hallnotes] ${name} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { ok: false, error: { code: 'internal', message: `Something unexpected went wrong (${name}): ${error instanceof Error ? error.message : String(error)}` } };
  }
}
