import type { HallnotesApi, HallnotesBridge } from '../../shared/ipc/api';
import { CHANNEL_NAMES } from '../../shared/ipc/channelNames';
import type { Result } from '../../shared/ipc/result';

const HOST_UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'io-error', message: 'The Hallnotes host is not answering. Is `npm run host` still running?' },
};

/** Browsers cap the bodies of all in-flight keepalive requests together at 64 KiB. */
const KEEPALIVE_LIMIT = 48 * 1024;

async function call(channel: string, argument: unknown): Promise<Result<unknown>> {
  const body = JSON.stringify(argument);
  let response: Response;
  try {
    response = await fetch(`api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'same-origin',
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
  const api = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (argument: unknown) => call(channel, argument)])) as HallnotesApi;
  // The host pushes nothing yet: quitting is the browser's business there.
  return { api, subscribe: () => () => undefined, transport: 'http' };
}
