import { PublishError } from '../http/publishError';
import { readJson, type SiteHttp, type SiteResponse } from '../http/siteHttp';
import { siteRoute } from '../http/siteUrl';
import { isSameName } from '../authorNames';
import type { AuthorMatch, DraftContent, PhotoFile, PublishClient, RemotePhoto, RemotePost, SiteIdentity } from '../publishClient';
import { photoHash, type PublishablePhoto } from '../publishablePost';
import { describePhoto, tooLargeMessage } from '../photoMessages';
import { fingerprint } from '../remoteFingerprint';
import { checkLoginOverXmlRpc, type LoginCheck } from './xmlRpcLoginCheck';

export type WordPressLogin = { siteUrl: URL; userName: string; applicationPassword: string };

type WpError = { code?: string; message?: string; data?: { status?: number; term_id?: number } };
type WpIndex = { name?: string; namespaces?: string[]; authentication?: Record<string, unknown> };
type WpPost = { id: number; modified_gmt: string; status: string; title?: { raw?: string }; content?: { raw?: string } };
type WpMedia = { id: number; source_url: string };
type WpTerm = { id: number; name: string };
type WpUser = { id: number; name: string };
type WpAccount = { id: number; capabilities?: Record<string, boolean> };

const UPLOAD_TIMEOUT_MS = 120_000;
const POST_FIELDS = 'id,modified_gmt,status,title,content';
const VISIBLE_STATUSES = 'draft,pending,private,future,publish';

/**
 * WordPress through its REST API with an Application Password sent as HTTP Basic. Written
 * with fetch rather than a client library: the dozen calls it needs are plain JSON over HTTP,
 * and the libraries for it (wpapi, …) are unmaintained and bring their own HTTP stack.
 *
 * Only the configured site is contacted: the REST root WordPress advertises is taken for its
 * path, on the site's own address, so a site behind a proxy or a renamed host is not left.
 */
export class WordPressClient implements PublishClient {
  readonly bodyFormat = 'wordpress' as const;
  private discovered: Promise<{ root: URL; index: WpIndex }> | null = null;
  private loginCheck: LoginCheck | null = null;
  private readonly tagIds = new Map<string, number>();
  private account: Promise<WpAccount> | null = null;

  constructor(
    private readonly login: WordPressLogin,
    private readonly http: SiteHttp,
  ) {}

  async testConnection(): Promise<SiteIdentity> {
    const { index } = await this.discover();
    if (!index.namespaces?.includes('wp/v2')) throw this.notWordPress();
    if (!index.authentication || !('application-passwords' in index.authentication)) {
      throw new PublishError(
        'application-passwords-off',
        `${this.host} does not offer Application Passwords, so Hallnotes cannot log in. WordPress offers them only on HTTPS sites (or sites marked as local development), from version 5.6 on, unless a security plugin turns them off; turn them on, or ask the site's administrator to.`,
      );
    }
    const me = (await this.call('GET', 'wp/v2/users/me', { query: { context: 'edit' }, what: 'the login check' })) as { name?: string; capabilities?: Record<string, boolean> };
    const may = me.capabilities ?? {};
    if (!may.edit_posts) throw new PublishError('not-allowed', `WordPress lets “${this.login.userName}” log in but not write posts; give the user the Author, Editor or Administrator role.`);
    if (!may.upload_files) throw new PublishError('not-allowed', `WordPress lets “${this.login.userName}” write posts but not upload photos; give the user the Author, Editor or Administrator role.`);
    return { siteName: index.name?.trim() || this.host, account: me.name || this.login.userName };
  }

  async findDraftByMarker(marker: string): Promise<RemotePost | null> {
    const found = (await this.call('GET', 'wp/v2/posts', { query: { slug: markerSlug(marker), status: VISIBLE_STATUSES, context: 'edit', _fields: POST_FIELDS }, what: 'the look-up of an interrupted draft' })) as WpPost[];
    return Array.isArray(found) && found[0] ? toRemotePost(found[0]) : null;
  }

  async getPost(remoteId: string): Promise<RemotePost | null> {
    try {
      const post = toRemotePost((await this.call('GET', `wp/v2/posts/${remoteId}`, { query: { context: 'edit', _fields: POST_FIELDS }, what: 'the draft published before' })) as WpPost);
      return post.status === 'trash' ? null : post;
    } catch (error) {
      if (error instanceof PublishError && error.problem === 'remote-deleted') return null;
      throw error;
    }
  }

  async prepareTags(names: readonly string[]): Promise<{ created: string[] }> {
    const created: string[] = [];
    for (const name of names) {
      const key = name.toLowerCase();
      if (this.tagIds.has(key)) continue;
      const matches = (await this.call('GET', 'wp/v2/tags', { query: { search: name, per_page: '100', _fields: 'id,name' }, what: `the look-up of the tag “${name}”` })) as WpTerm[];
      const existing = matches.find((term) => decodeEntities(term.name).toLowerCase() === key);
      if (existing) {
        this.tagIds.set(key, existing.id);
        continue;
      }
      const made = await this.createTag(name);
      this.tagIds.set(key, made.id);
      if (made.created) created.push(name);
    }
    return { created };
  }

  /**
   * The byline's author among the site's users, by display name, as WordPress's `author` field
   * takes them: a user id. `who=authors` lists everyone who may write posts to any account that
   * may (without it, an account that may not list users sees only those with published posts).
   * Crediting someone else takes `edit_others_posts` (Editor, Administrator); otherwise, or
   * when no one (or more than one user) has the name, the account stays the author, as the note says.
   */
  async findAuthor(name: string): Promise<AuthorMatch> {
    const stays = `the draft's author is the account you publish with, “${this.login.userName}”`;
    let users: WpUser[];
    try {
      users = (await this.call('GET', 'wp/v2/users', { query: { search: name, who: 'authors', per_page: '100', _fields: 'id,name' }, what: `the look-up of the author “${name}”` })) as WpUser[];
    } catch (error) {
      if (error instanceof PublishError && !error.retryable) return { author: null, note: `${error.message} So ${stays}.` };
      throw error;
    }
    const matches = (Array.isArray(users) ? users : []).filter((user) => isSameName(decodeEntities(user.name), name));
    if (matches.length === 0) return { author: null, note: `No user of ${this.host} who may write posts is called “${name}”, so ${stays}. To credit them, add them there as a user with that display name, or change the author in WordPress.` };
    if (matches.length > 1) return { author: null, note: `${matches.length} users of ${this.host} are called “${name}”, so Hallnotes cannot tell which one wrote the post; ${stays}. Choose the author in WordPress.` };
    const [user] = matches;
    const account = await this.currentAccount();
    if (user.id !== account.id && !account.capabilities?.edit_others_posts) {
      return { author: null, note: `“${name}” is a user of ${this.host}, but WordPress lets “${this.login.userName}” publish only as themselves (crediting others needs the Editor or Administrator role), so ${stays}.` };
    }
    return { author: { id: String(user.id), name: decodeEntities(user.name) }, note: null };
  }

  async findPhoto(photo: PublishablePhoto): Promise<RemotePhoto | null> {
    const found = (await this.call('GET', 'wp/v2/media', { query: { slug: photoSlug(photo), _fields: 'id,source_url' }, what: `the look-up of the photo ${describePhoto(photo)}` })) as WpMedia[];
    return Array.isArray(found) && found[0] ? { id: String(found[0].id), url: found[0].source_url } : null;
  }

  async uploadPhoto(photo: PublishablePhoto, { bytes }: PhotoFile): Promise<RemotePhoto> {
    const slug = photoSlug(photo);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: photo.mediaType }), `${slug}.${photo.file.slice(photo.file.indexOf('.') + 1)}`);
    form.append('slug', slug);
    form.append('title', photo.caption || photo.alt || 'Photo');
    form.append('alt_text', photo.alt);
    form.append('caption', photo.caption);
    const what = `the upload of the photo ${describePhoto(photo)}`;
    const response = await this.request('POST', 'wp/v2/media', { form, timeoutMs: UPLOAD_TIMEOUT_MS });
    if (response.status === 201 || response.status === 200) {
      const media = readJson(response, what) as WpMedia;
      return { id: String(media.id), url: media.source_url };
    }
    const error = parseError(response);
    const message = stripTags(error?.message ?? '');
    // A 413 from the web server; PHP's upload_max_filesize (WordPress reports it as a 500); PHP's post_max_size (the body is dropped, so "no data").
    if (response.status === 413 || /upload_max_filesize|exceeds the maximum|too large|too big/i.test(message) || (error?.code === 'rest_upload_no_data' && bytes.byteLength > 0)) {
      throw new PublishError('too-large', tooLargeMessage(photo, bytes.byteLength, `${response.text} ${message}`, /upload_max_filesize/.test(message) ? "PHP's upload_max_filesize" : error?.code === 'rest_upload_no_data' ? "PHP's post_max_size" : null));
    }
    throw await this.failure(response, what);
  }

  async createDraft(content: DraftContent, marker: string): Promise<RemotePost> {
    const fields = { ...(await this.postFields(content)), status: 'draft', slug: markerSlug(marker) };
    return toRemotePost((await this.call('POST', 'wp/v2/posts', { json: fields, query: { _fields: POST_FIELDS, context: 'edit' }, what: 'the new draft' })) as WpPost);
  }

  /** The marker slug found the draft while it was being made; WordPress names it from its title when it is published. */
  async finishCreate(created: RemotePost): Promise<RemotePost> {
    return toRemotePost((await this.call('POST', `wp/v2/posts/${created.id}`, { json: { slug: '' }, query: { _fields: POST_FIELDS, context: 'edit' }, what: 'the new draft' })) as WpPost);
  }

  /** Never sends `status`: a draft the editor has since published stays published. */
  async updateDraft(current: RemotePost, content: DraftContent): Promise<RemotePost> {
    return toRemotePost((await this.call('POST', `wp/v2/posts/${current.id}`, { json: await this.postFields(content), query: { _fields: POST_FIELDS, context: 'edit' }, what: 'the update of the draft' })) as WpPost);
  }

  editUrl(remoteId: string): string {
    return siteRoute(this.login.siteUrl, `wp-admin/post.php?post=${encodeURIComponent(remoteId)}&action=edit`).href;
  }

  private async postFields(content: DraftContent): Promise<Record<string, unknown>> {
    await this.prepareTags(content.tags);
    return {
      title: content.title,
      content: content.body,
      excerpt: content.excerpt,
      tags: content.tags.map((name) => this.tagIds.get(name.toLowerCase())),
      featured_media: content.featured ? Number(content.featured.photo.id) : 0,
      // Left out when no user matched, so an author chosen in WordPress since stays.
      ...(content.author ? { author: Number(content.author.id) } : {}),
    };
  }

  private currentAccount(): Promise<WpAccount> {
    this.account ??= this.call('GET', 'wp/v2/users/me', { query: { context: 'edit', _fields: 'id,capabilities' }, what: 'the look-up of your account' }).then(
      (me) => me as WpAccount,
      (error: unknown) => {
        this.account = null;
        throw error;
      },
    );
    return this.account;
  }

  private async createTag(name: string): Promise<{ id: number; created: boolean }> {
    const response = await this.request('POST', 'wp/v2/tags', { json: { name } });
    if (response.status === 201) return { id: (readJson(response, `the new tag “${name}”`) as WpTerm).id, created: true };
    // Made in the meantime, or matched by slug: WordPress names the existing one.
    const error = parseError(response);
    if (error?.code === 'term_exists' && typeof error.data?.term_id === 'number') return { id: error.data.term_id, created: false };
    throw await this.failure(response, `the new tag “${name}”`);
  }

  private get host(): string {
    return this.login.siteUrl.host;
  }

  private async call(method: 'GET' | 'POST', path: string, options: { query?: Record<string, string>; json?: unknown; what: string }): Promise<unknown> {
    const response = await this.request(method, path, options);
    if (response.status >= 200 && response.status < 300) return readJson(response, options.what);
    throw await this.failure(response, options.what);
  }

  private async request(method: 'GET' | 'POST', path: string, options: { query?: Record<string, string>; json?: unknown; form?: FormData; timeoutMs?: number }): Promise<SiteResponse> {
    const { root } = await this.discover();
    const headers: Record<string, string> = { Authorization: `Basic ${Buffer.from(`${this.login.userName}:${this.login.applicationPassword}`).toString('base64')}` };
    if (options.json !== undefined) headers['Content-Type'] = 'application/json';
    return this.http.send({
      method,
      url: restUrl(root, path, options.query),
      headers,
      body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
      timeoutMs: options.timeoutMs,
    });
  }

  /** Finds the REST API: the root the site advertises in its Link header, else /wp-json/, else ?rest_route=. */
  private discover(): Promise<{ root: URL; index: WpIndex }> {
    this.discovered ??= this.findRestRoot().catch((error: unknown) => {
      this.discovered = null;
      throw error;
    });
    return this.discovered;
  }

  private async findRestRoot(): Promise<{ root: URL; index: WpIndex }> {
    const site = this.login.siteUrl;
    // A home page that redirects (a language prefix, a canonical address) may still sit on the API; a login page does not.
    let home: SiteResponse | null = null;
    let homeRedirect: PublishError | null = null;
    try {
      home = await this.http.send({ url: site, headers: { Accept: 'text/html,application/json' } });
    } catch (error) {
      if (!(error instanceof PublishError) || error.problem !== 'redirected') throw error;
      homeRedirect = error;
    }
    const candidates: URL[] = [];
    const advertised = home ? advertisedRestRoot(home.headers.get('link'), site) : null;
    if (advertised) candidates.push(advertised);
    const fallback = new URL(site);
    fallback.searchParams.set('rest_route', '/');
    candidates.push(siteRoute(site, 'wp-json/'), fallback);
    for (const root of candidates) {
      let response: SiteResponse;
      try {
        response = await this.http.send({ url: root });
      } catch (error) {
        if (error instanceof PublishError && error.problem === 'redirected') continue;
        throw error;
      }
      if (response.status !== 200) continue;
      const index = parseJsonObject(response.text) as WpIndex | null;
      if (index && Array.isArray(index.namespaces)) return { root, index };
    }
    if (homeRedirect) throw homeRedirect;
    if (home && home.status >= 500) throw new PublishError('server', `${this.host} answered with a server error (HTTP ${home.status}).`);
    throw this.notWordPress();
  }

  private notWordPress(): PublishError {
    return new PublishError(
      'not-a-site',
      `${this.login.siteUrl.href} does not look like a WordPress site: Hallnotes found no WordPress REST API there (it looked at ${siteRoute(this.login.siteUrl, 'wp-json/').href}). Check the address; if it is right, a plugin or the host may have turned the REST API off.`,
    );
  }

  private async failure(response: SiteResponse, what: string): Promise<PublishError> {
    const error = parseError(response);
    const code = error?.code ?? '';
    const message = stripTags(error?.message ?? '');
    if (response.status >= 500) {
      return new PublishError('server', `${this.host} answered ${what} with a server error (HTTP ${response.status}${message ? `: ${message}` : ''}).`);
    }
    if (!error) {
      readJson(response, what);
      return new PublishError('rejected', `${this.host} refused ${what} (HTTP ${response.status}).`);
    }
    if (code === 'rest_post_invalid_id') {
      return new PublishError('remote-deleted', `The draft is no longer on ${this.host}: it was deleted there.`);
    }
    if (response.status === 401 || code === 'incorrect_password' || code.startsWith('invalid_') || code.startsWith('application_passwords_disabled')) return this.loginFailure(code);
    if (response.status === 403) return new PublishError('not-allowed', `WordPress does not let “${this.login.userName}” do ${what}: ${message || code}.`);
    if (code === 'rest_no_route') return this.notWordPress();
    return new PublishError('rejected', `WordPress refused ${what}: ${message || code} (HTTP ${response.status}).`);
  }

  private async loginFailure(code: string): Promise<PublishError> {
    const user = this.login.userName;
    if (code === 'invalid_username' || code === 'invalid_email') {
      return new PublishError('wrong-credentials', `WordPress has no user “${user}”. Type the user name (or email address) you log in to WordPress with.`);
    }
    if (code.startsWith('application_passwords_disabled')) {
      return new PublishError('application-passwords-off', `WordPress has Application Passwords turned off${code.endsWith('_for_user') ? ` for “${user}”` : ''}; the site's administrator can turn them on.`);
    }
    if (!looksLikeApplicationPassword(this.login.applicationPassword)) {
      return new PublishError('wrong-credentials', NOT_AN_APPLICATION_PASSWORD);
    }
    const wrongPassword = `WordPress refused the Application Password for “${user}”. It may have been revoked or mistyped: create a new one under Users → Profile → Application Passwords (it is shown once) and paste it here.`;
    if (code === 'incorrect_password') return new PublishError('wrong-credentials', wrongPassword);
    this.loginCheck ??= await checkLoginOverXmlRpc(this.http, this.login.siteUrl, user, this.login.applicationPassword);
    if (this.loginCheck === 'accepted') {
      return new PublishError(
        'authorization-stripped',
        `The server in front of WordPress removes the Authorization header, so WordPress never sees the Application Password and answers "not logged in". The password itself is right (WordPress accepts it when it travels in the request body). The fix is on the server: where PHP runs as CGI or FastCGI under Apache, the site's .htaccess needs a rule that hands the Authorization header on to PHP (SetEnvIf Authorization "(.*)" HTTP_AUTHORIZATION=$1); behind a proxy, firewall or CDN, that service must let the Authorization header through. The site's host can do either.`,
      );
    }
    if (this.loginCheck === 'refused') return new PublishError('wrong-credentials', wrongPassword);
    return new PublishError(
      'wrong-credentials',
      `WordPress did not accept the login for “${user}”: either the Application Password is wrong (create a new one under Users → Profile → Application Passwords), or the server removes the Authorization header before WordPress sees it (the site's host can let it through).`,
    );
  }
}

export const NOT_AN_APPLICATION_PASSWORD =
  'That is not an Application Password: WordPress makes them 24 letters and digits long (shown in groups of four). Your login password does not work here; create an Application Password under Users → Profile → Application Passwords and paste it.';

/** Generated Application Passwords are 24 letters and digits; WordPress ignores the spaces it shows them with. */
export function looksLikeApplicationPassword(password: string): boolean {
  return /^[A-Za-z0-9]{24}$/.test(password.replace(/\s+/g, ''));
}

function markerSlug(marker: string): string {
  return `hallnotes-draft-${marker}`;
}

/** Named by the photo's content hash, so the media library finds a photo uploaded before. */
function photoSlug(photo: PublishablePhoto): string {
  return `hallnotes-${photoHash(photo).slice(0, 32)}`;
}

function restUrl(root: URL, path: string, query: Record<string, string> = {}): URL {
  const url = root.searchParams.has('rest_route') ? new URL(root) : new URL(path, root);
  if (root.searchParams.has('rest_route')) url.searchParams.set('rest_route', `/${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url;
}

function advertisedRestRoot(link: string | null, site: URL): URL | null {
  const match = /<([^>]+)>\s*;\s*rel="https:\/\/api\.w\.org\/"/.exec(link ?? '');
  const advertised = match ? URL.parse(match[1], site) : null;
  return advertised ? new URL(`${advertised.pathname}${advertised.search}`, site.origin) : null;
}

function toRemotePost(post: WpPost): RemotePost {
  return { id: String(post.id), modified: post.modified_gmt, status: post.status, fingerprint: fingerprint(post.title?.raw ?? '', post.content?.raw ?? '') };
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function parseError(response: SiteResponse): WpError | null {
  const value = parseJsonObject(response.text);
  return value && (typeof value.code === 'string' || typeof value.message === 'string') ? (value as WpError) : null;
}

function stripTags(text: string): string {
  return decodeEntities(text.replace(/<[^>]*>/g, '')).trim();
}

/** Term names and messages come HTML-escaped from WordPress ("Q&amp;A"). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()] ?? whole;
  });
}
