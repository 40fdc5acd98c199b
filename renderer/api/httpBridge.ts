import type { HallnotesApi, HallnotesBridge } from '../../shared/ipc/api';
import { CHANNEL_NAMES } from '../../shared/ipc/channelNames';
import { HOST_TOKEN_HEADER } from '../../shared/ipc/hostAccess';
import type { Result } from '../../shared/ipc/result';
import { createHostPushes } from './hostPushes';
import { takeHostToken } from './hostToken';

const HOST_UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'io-error', message: 'The Hallnotes host is not answering. Is `npm run host` still running?' },
};

const NO_TOKEN: Result<never> = {
  ok: false,
  error: { code: 'io-error', message: 'This page has no access token for the Hallnotes host: open the address `npm run host` printed (it ends in #token=…).' },
};

/** Browsers cap the bodies of all in-flight keepalive requests together at 64 KiB. */
const KEEPALIVE_LIMIT = 48 * 1024;

async function call(token: string | null, channel: string, argument: unknown): Promise<Result<unknown>> {
  if (token === null) return NO_TOKEN;
  const body = JSON.stringify(argument);
  let response: Response;
  try {
    response = await fetch(`api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [HOST_TOKEN_HEADER]: token },
      body,
      credentials: 'omit',
      // A save started as the tab closes still reaches the host if it is small enough.
      keepalive: body.length < KEEPALIVE_LIMIT,
    });
  } catch {
    return HOST_UNREACHABLE;
  }
  if (!response.ok) {
    return { ok: false, error: { code: 'io-error', message: `The Hallnotes host refused the request (${response.status}): ${await response.text()}` } };
  }
  return (await response.json()) as Result<unknown>;
}

/** The transport under the browser host: one POST per channel call, same table as the preload. */
export function createHttpBridge(): HallnotesBridge {
  const token = takeHostToken();
  const api = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (argument: unknown) => call(token, channel, argument)])) as HallnotesApi;
  return { api, subscribe: createHostPushes(token), transport: 'http' };
}
