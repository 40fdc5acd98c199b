import type { HallnotesApi, HallnotesBridge } from '../../shared/ipc/api';
import { CHANNEL_NAMES } from '../../shared/ipc/channelNames';
import type { Result } from '../../shared/ipc/result';

const HOST_UNREACHABLE: Result<never> = {
  ok: false,
  error: { code: 'io-error', message: 'The Hallnotes host is not answering. Is `npm run host` still running?' },
};

async function call(channel: string, argument: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(argument),
      credentials: 'same-origin',
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
