import { ServiceError } from '../storage/serviceError';

export type RemoteProblem = { offline: boolean; message: string };

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EPIPE', 'ECONNABORTED']);

/** What went wrong talking to the remote, in words; "offline" problems are retried later without bothering anyone. */
export function describeRemoteProblem(error: unknown, remoteUrl: string): RemoteProblem {
  const host = URL.parse(remoteUrl)?.host ?? remoteUrl;
  if (error instanceof ServiceError) return { offline: false, message: error.message };
  const failure = error as { code?: string; message?: string; data?: { statusCode?: number; statusMessage?: string }; cause?: { code?: string } };
  const code = failure.code ?? failure.cause?.code;
  if ((code && UNREACHABLE.has(code)) || /timed out|socket hang up/i.test(failure.message ?? '')) {
    return { offline: true, message: `${host} cannot be reached (${code ?? 'no answer'}); everything is committed here and goes out at the next sync.` };
  }
  if (code === 'UserCanceledError') return { offline: false, message: `${host} asks for a token: set one in the Team panel, or pass --token-file to hallnotes sync.` };
  if (code === 'HttpError') {
    const status = failure.data?.statusCode;
    if (status === 401 || status === 403) return { offline: false, message: `${host} refused the token (HTTP ${status}): check that it is right and may write to this repository.` };
    if (status === 404) return { offline: false, message: `There is no repository at ${remoteUrl} (HTTP 404): check the address, or create the repository first.` };
    if (status && status >= 500) return { offline: true, message: `${host} had a problem (HTTP ${status}); everything is committed here and goes out at the next sync.` };
    return { offline: false, message: `${host} answered HTTP ${status ?? '?'} ${failure.data?.statusMessage ?? ''}`.trim() + '.' };
  }
  if (code === 'SmartHttpError' || code === 'ParseError' || code === 'UnknownTransportError') {
    return { offline: false, message: `${remoteUrl} does not answer as a Git repository; check the address.` };
  }
  return { offline: false, message: `Syncing with ${host} failed: ${(failure.message ?? String(error)).slice(0, 300)}` };
}
