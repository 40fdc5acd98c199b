import type { GhostAdminApi, GhostRequest } from '@tryghost/admin-api';
import { PassThrough } from 'node:stream';
import { escapeHtmlText } from '../../../../shared/export/escapeHtml';
import { PublishError } from '../http/publishError';
import { readJson, type SiteHttp, type SiteResponse } from '../http/siteHttp';
import { displaySiteUrl, siteRoute } from '../http/siteUrl';
import { describePhoto, tooLargeMessage } from '../photoMessages';
import { isSameName } from '../authorNames';
import type { AuthorMatch, DraftContent, PhotoFile, PublishClient, RemotePhoto, RemotePost, SiteIdentity } from '../publishClient';
import type { PublishablePhoto } from '../publishablePost';
import { fingerprint } from '../remoteFingerprint';

export type GhostLogin = { siteUrl: URL; adminApiKey: string };

type GhostErrorBody = { errors?: { message?: string; context?: string | null; type?: string; code?: string | null }[] };

export const NOT_AN_ADMIN_API_KEY =
  'That is not a Ghost Admin API key: it is two parts joined by a colon, 24 and 64 letters 0–9 and a–f. Copy the Admin API key (not the Content API key) from Ghost Admin → Settings → Integrations → your custom integration.';

export function isAdminApiKey(key: string): boolean {
  return /^[0-9a-f]{24}:[0-9a-f]{64}$/.test(key.trim());
}
const UPLOAD_TIMEOUT_MS = 120_000;
const POST_FIELDS = 'id,updated_at,status,title,lexical';

/**
 * Ghost through its Admin API, with Ghost's own client (@tryghost/admin-api): it signs the
 * short-lived HS256 token per request exactly as Ghost verifies it (key id as `kid`, the hex
 * secret as key, audience /admin/, five minutes) and knows the endpoints and their envelopes.
 * Its `makeRequest` hook is pointed at SiteHttp, so the requests still go through Node's fetch
 * with Hallnotes' time limits, no redirects, and errors in words; its own axios is never used.
 */
export class GhostClient implements PublishClient {
  readonly bodyFormat = 'html' as const;
  /**
   * Loaded when a Ghost site is first used: admin-api is CommonJS with axios and form-data
   * behind it, which nothing else needs at start-up (and which an all-in-one ESM bundle of the
   * services, such as scripts/check-write-order.mjs builds, cannot evaluate).
   */
  private readonly loaded: Promise<GhostAdminApi>;

  constructor(
    private readonly login: GhostLogin,
    private readonly http: SiteHttp,
  ) {
    const key = login.adminApiKey.trim();
    if (!isAdminApiKey(key)) throw new PublishError('wrong-credentials', NOT_AN_ADMIN_API_KEY);
    this.loaded = import('@tryghost/admin-api').then(({ default: GhostAdminAPI }) =>
      GhostAdminAPI({ url: displaySiteUrl(login.siteUrl), key, version: 'v5.0', userAgent: 'Hallnotes', makeRequest: (request) => this.request(request) }),
    );
    // Not awaited until a request needs it; a failed load is reported there.
    this.loaded.catch(() => undefined);
  }

  async testConnection(): Promise<SiteIdentity> {
    const site = await (await this.loaded).site.read();
    // Proves the key: the site endpoint answers anyone, the posts do not.
    await (await this.loaded).posts.browse({ limit: 1, fields: 'id' });
    return { siteName: String(site?.title ?? '') || this.host, account: 'the Admin API key' };
  }

  async findDraftByMarker(marker: string): Promise<RemotePost | null> {
    const found = await (await this.loaded).posts.browse({ filter: `tag:${markerTagSlug(marker)}`, fields: POST_FIELDS, limit: 1 });
    return found[0] ? toRemotePost(found[0]) : null;
  }

  async getPost(remoteId: string): Promise<RemotePost | null> {
    try {
      return toRemotePost(await (await this.loaded).posts.read({ id: remoteId }, { fields: POST_FIELDS, formats: 'lexical' }));
    } catch (error) {
      if (error instanceof PublishError && error.problem === 'remote-deleted') return null;
      throw error;
    }
  }

  /** Ghost makes missing tags itself when a post names them; this only finds out which those are. */
  async prepareTags(names: readonly string[]): Promise<{ created: string[] }> {
    if (names.length === 0) return { created: [] };
    const existing = new Set((await (await this.loaded).tags.browse({ limit: 'all', fields: 'name' })).map((tag) => String(tag.name).toLowerCase()));
    return { created: names.filter((name) => !existing.has(name.toLowerCase())) };
  }

  /**
   * The byline's author among the site's staff users, by name; Ghost takes `authors` by id (or
   * email). Staff are few, so all are read and matched here. With no match the draft keeps the
   * author Ghost gave it (a draft made with an Admin API key is the site owner's), as the note says.
   */
  async findAuthor(name: string): Promise<AuthorMatch> {
    const stays = `the draft's author is left as Ghost set it (for a draft made with an Admin API key, the site's owner)`;
    let users: Record<string, unknown>[];
    try {
      users = await (await this.loaded).users.browse({ limit: 'all', fields: 'id,name' });
    } catch (error) {
      if (error instanceof PublishError && !error.retryable) return { author: null, note: `${error.message} So ${stays}.` };
      throw error;
    }
    const matches = users.filter((user) => isSameName(String(user.name ?? ''), name));
    if (matches.length === 0) return { author: null, note: `No staff user of ${this.host} is called “${name}”, so ${stays}. To credit them, invite them in Ghost Admin → Settings → Staff under that name, or change the author in Ghost.` };
    if (matches.length > 1) return { author: null, note: `${matches.length} staff users of ${this.host} are called “${name}”, so Hallnotes cannot tell which one wrote the post; ${stays}. Choose the author in Ghost.` };
    return { author: { id: String(matches[0].id), name: String(matches[0].name) }, note: null };
  }

  /** Ghost has no way to look an uploaded image up again; Hallnotes' own record is what prevents a second upload. */
  async findPhoto(): Promise<RemotePhoto | null> {
    return null;
  }

  async uploadPhoto(photo: PublishablePhoto, file: PhotoFile): Promise<RemotePhoto> {
    try {
      const uploaded = await (await this.loaded).images.upload({ file: file.path, ref: photo.file });
      return { id: photo.file, url: uploaded.url };
    } catch (error) {
      if (error instanceof PublishError && error.problem === 'too-large') throw new PublishError('too-large', tooLargeMessage(photo, file.bytes.byteLength, error.message, null));
      if (error instanceof PublishError) throw new PublishError(error.problem, `${error.message} (the photo ${describePhoto(photo)})`);
      throw error;
    }
  }

  async createDraft(content: DraftContent, marker: string): Promise<RemotePost> {
    return toRemotePost(await (await this.loaded).posts.add({ ...postFields(content, marker), status: 'draft' }, { source: 'html', formats: 'lexical' }));
  }

  async finishCreate(created: RemotePost): Promise<RemotePost> {
    return created;
  }

  /** Ghost refuses an edit whose updated_at is not the post's current one (409): the caller has just read it. */
  async updateDraft(current: RemotePost, content: DraftContent, marker: string): Promise<RemotePost> {
    return toRemotePost(await (await this.loaded).posts.edit({ id: current.id, updated_at: current.modified, ...postFields(content, marker) }, { source: 'html', formats: 'lexical' }));
  }

  editUrl(remoteId: string): string {
    return siteRoute(this.login.siteUrl, `ghost/#/editor/post/${encodeURIComponent(remoteId)}`).href;
  }

  private get host(): string {
    return this.login.siteUrl.host;
  }

  private async request({ url, method, data, params = {}, headers }: GhostRequest): Promise<unknown> {
    const target = new URL(url);
    // As admin-api's own transport: arrays joined with commas.
    for (const [name, value] of Object.entries(params)) target.searchParams.set(name, ([] as unknown[]).concat(value).join(','));
    let body: string | Uint8Array | undefined;
    const sent = { ...headers };
    // admin-api has already set the upload's multipart Content-Type (with its boundary).
    if (isFormData(data)) body = await collect(data);
    else if (data !== undefined && data !== '') {
      body = JSON.stringify(data);
      sent['Content-Type'] = 'application/json';
    }
    const response = await this.http.send({ method: method.toUpperCase() as 'GET', url: target, headers: sent, body, timeoutMs: isFormData(data) ? UPLOAD_TIMEOUT_MS : undefined });
    if (response.status >= 200 && response.status < 300) return response.status === 204 ? {} : readJson(response, describeRequest(target));
    throw this.failure(response, describeRequest(target));
  }

  private failure(response: SiteResponse, what: string): PublishError {
    let parsed: GhostErrorBody | null = null;
    try {
      parsed = JSON.parse(response.text) as GhostErrorBody;
    } catch {
      // Not JSON: named below.
    }
    const error = parsed?.errors?.[0];
    if (response.status === 413) return new PublishError('too-large', `${error?.message ?? ''} ${response.text}`);
    if (response.status >= 500) return new PublishError('server', `${this.host} answered ${what} with a server error (HTTP ${response.status}${error?.message ? `: ${error.message}` : ''}).`);
    if (!error) {
      if (response.status === 404) return this.notGhost();
      readJson(response, what);
      return new PublishError('rejected', `${this.host} refused ${what} (HTTP ${response.status}).`);
    }
    const detail = [error.message, error.context].filter(Boolean).join(' ');
    switch (error.type) {
      case 'UnauthorizedError':
        return this.keyRefused(error.code ?? '', error.message ?? '');
      case 'NoPermissionError':
        // Ghost's answer when a request carries no token at all: ours was removed on the way.
        if (/Unable to determine the authenticated user or integration/.test(error.context ?? '')) return authorizationStripped(this.host);
        return new PublishError('not-allowed', `Ghost does not let this integration do ${what}: ${detail}`);
      case 'NotFoundError':
        if (/\/posts\/[0-9a-f]{24}\//.test(response.url.pathname)) return new PublishError('remote-deleted', `The draft is no longer on ${this.host}: it was deleted there.`);
        return this.notGhost();
      case 'UpdateCollisionError':
        return new PublishError('remote-edited', `The draft was changed on ${this.host} while Hallnotes was updating it.`);
      default:
        return new PublishError('rejected', `Ghost refused ${what}: ${detail} (HTTP ${response.status}).`);
    }
  }

  private keyRefused(code: string, message: string): PublishError {
    if (code === 'UNKNOWN_ADMIN_API_KEY' || code === 'INVALID_API_KEY_TYPE') {
      return new PublishError('wrong-credentials', `Ghost does not know this Admin API key (${message}): the integration may have been deleted, or this is a Content API key. Copy the Admin API key from Ghost Admin → Settings → Integrations.`);
    }
    if (/expired|maxAge|not active|iat/i.test(message)) {
      return new PublishError('rejected', `Ghost refused the sign-in token as out of date (${message}): this computer's clock is probably off by minutes. Set the clock right and try again.`);
    }
    if (code === 'INVALID_AUTH_HEADER') return authorizationStripped(this.host);
    return new PublishError('wrong-credentials', `Ghost refused the Admin API key (${message}): the part after the colon is probably wrong. Copy the whole Admin API key again from Ghost Admin → Settings → Integrations.`);
  }

  private notGhost(): PublishError {
    return new PublishError(
      'not-a-site',
      `${this.login.siteUrl.href} does not look like a Ghost site: Hallnotes found no Ghost Admin API at ${siteRoute(this.login.siteUrl, 'ghost/api/admin/site/').href}. Check the address (for Ghost(Pro), the admin address ending in .ghost.io works too).`,
    );
  }
}

function authorizationStripped(host: string): PublishError {
  return new PublishError(
    'authorization-stripped',
    `Something between Hallnotes and ${host} (a proxy, firewall or CDN in front of Ghost) removes or rewrites the Authorization header, so Ghost sees no sign-in at all. The key itself was not checked. The fix is on the server: that service must pass the Authorization header through to Ghost unchanged; the site's host can do it.`,
  );
}

/** The internal tag (hidden from readers) that marks a draft as this job's; Ghost makes its slug "hash-…". */
function markerTagSlug(marker: string): string {
  return `hash-hallnotes-${marker}`;
}

function postFields(content: DraftContent, marker: string): Record<string, unknown> {
  return {
    title: content.title,
    html: content.body,
    // Ghost takes at most 300 characters here.
    custom_excerpt: content.excerpt ? content.excerpt.slice(0, 300) : null,
    tags: [...content.tags.map((name) => ({ name })), { name: `#hallnotes-${marker}` }],
    feature_image: content.featured?.photo.url ?? null,
    feature_image_alt: content.featured ? content.featured.alt.slice(0, 191) || null : null,
    feature_image_caption: content.featured?.caption ? escapeHtmlText(content.featured.caption) : null,
    // Left out when no staff user matched, so an author chosen in Ghost since stays.
    ...(content.author ? { authors: [{ id: content.author.id }] } : {}),
  };
}

function toRemotePost(post: Record<string, unknown>): RemotePost {
  return { id: String(post.id), modified: String(post.updated_at), status: String(post.status), fingerprint: fingerprint(String(post.title ?? ''), String(post.lexical ?? '')) };
}

function describeRequest(url: URL): string {
  const resource = /\/admin\/([a-z]+)\//.exec(url.pathname)?.[1] ?? 'the request';
  return resource === 'images' ? 'the photo upload' : resource === 'site' ? 'the site check' : `the ${resource} request`;
}

type FormDataStream = NodeJS.ReadableStream & { getHeaders(): Record<string, string> };

/** admin-api builds uploads with the form-data package (a stream of the file); fetch is given its bytes. */
function isFormData(data: unknown): data is FormDataStream {
  return typeof (data as FormDataStream | null)?.getHeaders === 'function' && typeof (data as FormDataStream).pipe === 'function';
}

async function collect(stream: FormDataStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const pass = new PassThrough();
  stream.pipe(pass);
  for await (const chunk of pass) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}
