import { megabytes } from '../../../../shared/model/byteSize';
import { PublishError } from './publishError';

export type FetchLike = (input: URL | string, init?: RequestInit) => Promise<Response>;

export type SiteRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: URL;
  headers?: Record<string, string>;
  body?: string | FormData | Uint8Array;
  timeoutMs?: number;
};

export type SiteResponse = { status: number; headers: Headers; text: string; url: URL };

/** A site's answer is read up to this size; a larger one is not what any publishing API returns. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;

/** Where a redirect to a sign-in page usually goes: WordPress's own, or single sign-on in front of the site. */
const LOGIN_PAGE = /wp-login\.php|\/log-?in\b|\/sign-?in\b|\/sso\b|\/auth(?:enticate|orize)?\b|\/oauth|\/saml|\/cas\//i;

/**
 * Every request Hallnotes makes to a site goes through here, with Node's fetch: the only network
 * code in the app. Redirects are not followed (a redirected API call is a misconfigured address
 * or a login page in front of the site, and following it could send the password elsewhere),
 * every request has a time limit, and a network failure becomes a PublishError that says
 * what happened in words.
 */
export class SiteHttp {
  constructor(
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
    private readonly defaultTimeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  async send(request: SiteRequest): Promise<SiteResponse> {
    const timeoutMs = request.timeoutMs ?? this.defaultTimeoutMs;
    let response: Response;
    try {
      response = await this.fetchImpl(request.url, {
        method: request.method ?? 'GET',
        headers: { Accept: 'application/json', ...request.headers },
        // Bytes are sent as they are; the DOM typing wants an ArrayBuffer-backed view.
        body: request.body as BodyInit | undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw networkError(error, request.url, timeoutMs);
    }
    if (response.status >= 300 && response.status < 400) throw redirectError(response, request.url);
    let text: string;
    try {
      text = await readLimited(response);
    } catch (error) {
      throw error instanceof PublishError ? error : networkError(error, request.url, timeoutMs);
    }
    return { status: response.status, headers: response.headers, text, url: request.url };
  }
}

/** Parses an answer that must be JSON; a web page (a host's error page, a login form, a CDN challenge) is named as such. */
export function readJson(response: SiteResponse, what: string): unknown {
  const type = response.headers.get('content-type') ?? '';
  const looksLikePage = /html/i.test(type) || /^\s*</.test(response.text);
  if (!looksLikePage) {
    try {
      return JSON.parse(response.text);
    } catch {
      // Reported below, with what the answer looked like.
    }
  }
  const title = /<title[^>]*>([^<]{1,120})/i.exec(response.text)?.[1]?.trim();
  const described = looksLikePage ? `a web page${title ? ` (“${title}”)` : ''}` : 'something that is not JSON';
  throw new PublishError('not-json', `${response.url.host} answered ${what} with ${described} instead of the API's JSON (HTTP ${response.status}). A plugin, the host's firewall or a maintenance page may be in front of the site.`);
}

function redirectError(response: Response, url: URL): PublishError {
  const location = response.headers.get('location') ?? '';
  const target = URL.parse(location, url);
  if (target && LOGIN_PAGE.test(target.pathname)) {
    return new PublishError(
      'login-redirect',
      `${url.host} sent Hallnotes to a login page (${target.origin}${target.pathname}) instead of answering: something in front of the site (a password-protected staging site, single sign-on, a security plugin) wants its own login before the site's API is reached. Ask the site's administrator to let the API (${url.pathname.includes('ghost') ? '/ghost/api/' : '/wp-json/'}) through.`,
    );
  }
  return new PublishError(
    'redirected',
    `${url.host} redirected Hallnotes to ${target ? target.href : 'another address'} instead of answering (HTTP ${response.status}). Check the site address: type the one the site redirects to.`,
  );
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'nothing answered: the connection was refused',
  ECONNRESET: 'the connection was cut',
  ENOTFOUND: 'the name could not be looked up (no connection, or a mistyped address)',
  EAI_AGAIN: 'the name could not be looked up (no connection?)',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  EPIPE: 'the connection was cut',
  UND_ERR_SOCKET: 'the connection was cut',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
};

const CERTIFICATE_ERRORS = /CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY/;

function networkError(error: unknown, url: URL, timeoutMs: number): PublishError {
  if (error instanceof PublishError) return error;
  const name = (error as Error | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new PublishError('timeout', `${url.host} did not answer within ${Math.round(timeoutMs / 1000)} seconds.`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: string } | null)?.code ?? '';
  if (CERTIFICATE_ERRORS.test(code)) {
    return new PublishError('rejected', `${url.host}'s HTTPS certificate is not valid (${code}), so Hallnotes did not send anything. Check the address, or ask the site's administrator to fix the certificate.`);
  }
  const reason = NETWORK_REASONS[code] ?? (cause?.message || (error instanceof Error ? error.message : String(error)));
  return new PublishError('offline', `Could not reach ${url.host}: ${reason}.`);
}

async function readLimited(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new PublishError('not-json', `${new URL(response.url || 'http://site').host} sent more than ${megabytes(MAX_RESPONSE_BYTES)} in one answer; that is not an API answer.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
