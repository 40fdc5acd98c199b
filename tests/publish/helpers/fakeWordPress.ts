import type { FetchLike } from '../../../electron/services/publish/http/siteHttp';

type Post = { id: number; title: string; content: string; status: string; slug: string; tags: number[]; featured_media: number; author: number; modified_gmt: string };
type Media = { id: number; slug: string; source_url: string };

/** What the next matching request gets instead of WordPress's answer. */
export type Interception = (request: { method: string; route: string; body: BodyInit | null | undefined }) => Response | 'offline' | 'timeout' | null;

/**
 * A fetch that answers like WordPress's REST API for the routes Hallnotes uses, in memory: the
 * second test beside the real-WordPress suite, for what a real site will not do on demand
 * (go offline, answer HTML, 413, 500 half-way, time out, redirect to a login page).
 */
export class FakeWordPress {
  readonly site = 'https://blog.example.org';
  readonly posts: Post[] = [];
  readonly media: Media[] = [];
  readonly tags: { id: number; name: string }[] = [{ id: 1, name: 'open source' }];
  /** The site's users who may write posts; the account Hallnotes logs in with ("editor") is id 1. */
  readonly users: { id: number; name: string }[] = [{ id: 1, name: 'Editor' }];
  /** Whether the account may credit posts to others (WordPress's Editor and Administrator roles). */
  mayEditOthers = true;
  readonly requests: string[] = [];
  offline = false;
  /** Off: XML-RPC answers as on sites that turn it off. */
  xmlRpc = true;
  intercept: Interception | null = null;
  private nextId = 100;
  private clock = Date.parse('2026-09-14T18:00:00Z');

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    const route = url.pathname.replace(/^\/wp-json\//, '');
    this.requests.push(`${method} ${route}`);
    if (this.offline) throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const intercepted = this.intercept?.({ method, route, body: init?.body });
    if (intercepted === 'offline') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    if (intercepted === 'timeout') throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    if (intercepted) return intercepted;
    if (url.pathname === '/xmlrpc.php') return this.xmlRpc ? xmlRpcLogin(String(init?.body ?? '')) : new Response('XML-RPC services are disabled on this site.', { status: 405 });
    if (url.pathname === '/') return new Response('<html></html>', { headers: { 'content-type': 'text/html', link: `<${this.site}/wp-json/>; rel="https://api.w.org/"` } });
    const authorization = (init?.headers as Record<string, string> | undefined)?.Authorization;
    if (authorization !== undefined) {
      const [user, password = ''] = Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString().split(':');
      // WordPress ignores the spaces Application Passwords are shown with.
      if (user !== 'editor' || password.replace(/\s/g, '') !== FAKE_PASSWORD.replace(/\s/g, '')) return json(401, { code: 'rest_not_logged_in', message: 'You are not currently logged in.' });
    }
    return this.answer(method, route, url.searchParams, init?.body);
  };

  private answer(method: string, route: string, query: URLSearchParams, body: BodyInit | null | undefined): Response {
    const data = typeof body === 'string' ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (route === '') return json(200, { name: 'Example Blog', namespaces: ['wp/v2'], authentication: { 'application-passwords': {} } });
    if (route === 'wp/v2/users/me') return json(200, { id: 1, name: 'Editor', capabilities: { edit_posts: true, upload_files: true, edit_others_posts: this.mayEditOthers } });
    if (route === 'wp/v2/users') return json(200, this.users.filter((user) => user.name.toLowerCase().includes((query.get('search') ?? '').toLowerCase())));
    if (route === 'wp/v2/tags' && method === 'GET') return json(200, this.tags.filter((tag) => tag.name.toLowerCase().includes((query.get('search') ?? '').toLowerCase())));
    if (route === 'wp/v2/tags') {
      const tag = { id: this.nextId++, name: String(data.name) };
      this.tags.push(tag);
      return json(201, tag);
    }
    if (route === 'wp/v2/media' && method === 'GET') return json(200, this.media.filter((item) => item.slug === query.get('slug')));
    if (route === 'wp/v2/media') {
      const form = body as FormData;
      const item = { id: this.nextId++, slug: String(form.get('slug')), source_url: `${this.site}/wp-content/uploads/${String(form.get('slug'))}.png` };
      this.media.push(item);
      return json(201, item);
    }
    if (route === 'wp/v2/posts' && method === 'GET') return json(200, this.posts.filter((post) => post.slug === query.get('slug')).map(view));
    if (route === 'wp/v2/posts') {
      const post: Post = { id: this.nextId++, title: '', content: '', status: 'draft', slug: '', tags: [], featured_media: 0, author: 1, modified_gmt: '', ...(data as Partial<Post>) };
      post.modified_gmt = this.tick();
      this.posts.push(post);
      return json(201, view(post));
    }
    const match = /^wp\/v2\/posts\/(\d+)$/.exec(route);
    if (match) {
      const post = this.posts.find((candidate) => candidate.id === Number(match[1]));
      if (!post) return json(404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.' });
      if (method === 'GET') return json(200, view(post));
      Object.assign(post, data, { modified_gmt: this.tick() });
      return json(200, view(post));
    }
    return json(404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.' });
  }

  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().slice(0, 19);
  }
}

export const FAKE_PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';

/** wp.getUsersBlogs as WordPress answers it: the blogs, or fault 403 "Incorrect username or password." */
function xmlRpcLogin(body: string): Response {
  const [user, password] = [...body.matchAll(/<string>([^<]*)<\/string>/g)].map((match) => match[1]);
  const ok = user === 'editor' && password?.replace(/\s/g, '') === FAKE_PASSWORD.replace(/\s/g, '');
  const answer = ok
    ? '<methodResponse><params><param><value><array><data></data></array></value></param></params></methodResponse>'
    : '<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>403</int></value></member></struct></value></fault></methodResponse>';
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${answer}`, { headers: { 'content-type': 'text/xml' } });
}

function view(post: Post) {
  return { ...post, title: { raw: post.title }, content: { raw: post.content } };
}

export function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}
