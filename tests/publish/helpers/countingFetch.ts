import type { FetchLike } from '../../../electron/services/publish/http/siteHttp';

/** Node's fetch, recording each request Hallnotes sends as "METHOD path" (the path after `strip`). */
export function countingFetch(strip: RegExp): { fetch: FetchLike; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.replace(strip, '')}`);
      return fetch(input, init);
    },
  };
}
