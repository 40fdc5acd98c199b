import { PublishError } from './publishError';

/**
 * The address a reporter typed for a site, checked: http(s) only, HTTPS unless the site is on
 * this computer (a password must never cross a network in the clear), no user name or password
 * inside it, no query. "blog.example.com" means https://blog.example.com/. The result always
 * ends with "/", so routes resolve below it (a WordPress in /blog/ stays in /blog/).
 */
export function parseSiteUrl(raw: string): URL {
  const typed = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
  const url = URL.parse(withScheme);
  if (!url || url.hostname === '') throw new PublishError('invalid-url', `“${clip(typed)}” is not a web address; type the site's address, e.g. https://blog.example.com.`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PublishError('invalid-url', `“${clip(typed)}” is not a web address (it starts with ${url.protocol}); type the site's address, e.g. https://blog.example.com.`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new PublishError(
      'insecure-url',
      `${url.host} is not on HTTPS, so its password would cross the network readable by anyone on the way (the hall's wifi included). Use the site's https:// address; plain http is accepted only for a site on this computer (localhost, 127.0.0.1).`,
    );
  }
  if (url.username !== '' || url.password !== '') throw new PublishError('invalid-url', 'Leave the user name and password out of the address; they have their own fields.');
  if (url.search !== '') throw new PublishError('invalid-url', `Leave “${clip(url.search)}” out of the address: type only the site's address, e.g. https://blog.example.com.`);
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

/** The address as shown to the reporter and stored: no trailing slash. */
export function displaySiteUrl(url: URL): string {
  return url.href.replace(/\/$/, '');
}

/** A route below the site's address: siteRoute(https://x.org/blog/, "wp-admin/") → https://x.org/blog/wp-admin/. */
export function siteRoute(site: URL, route: string): URL {
  return new URL(route.replace(/^\/+/, ''), site);
}

export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
