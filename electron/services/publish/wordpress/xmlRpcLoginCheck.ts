import { escapeHtmlText } from '../../../../shared/export/escapeHtml';
import { PublishError } from '../http/publishError';
import { siteRoute } from '../http/siteUrl';
import type { SiteHttp } from '../http/siteHttp';

export type LoginCheck = 'accepted' | 'refused' | 'unknown';

/**
 * Tells a wrong password from a server that drops the Authorization header. WordPress's REST
 * API answers both with the same 401 "You are not currently logged in." (6.1 forgets the
 * password error when it checks the login a second time), but XML-RPC carries the user name and
 * password in the request body, where no server strips them: if XML-RPC accepts the same
 * Application Password, the password is right and the header is what went missing.
 * `wp.getUsersBlogs` only reads; a site with XML-RPC turned off gives "unknown".
 */
export async function checkLoginOverXmlRpc(http: SiteHttp, site: URL, userName: string, password: string): Promise<LoginCheck> {
  const param = (value: string) => `<param><value><string>${escapeHtmlText(value)}</string></value></param>`;
  const body = `<?xml version="1.0"?>\n<methodCall><methodName>wp.getUsersBlogs</methodName><params>${param(userName)}${param(password)}</params></methodCall>`;
  try {
    const response = await http.send({ method: 'POST', url: siteRoute(site, 'xmlrpc.php'), headers: { 'Content-Type': 'text/xml', Accept: 'text/xml' }, body });
    if (response.status !== 200 || !/<methodResponse>/.test(response.text)) return 'unknown';
    if (!/<fault>/.test(response.text)) return 'accepted';
    // 403 is WordPress's "Incorrect username or password."; 405 means XML-RPC is turned off.
    const faultCode = /<name>faultCode<\/name>\s*<value>\s*<int>(\d+)<\/int>/.exec(response.text)?.[1];
    return faultCode === '403' ? 'refused' : 'unknown';
  } catch (error) {
    if (error instanceof PublishError && !error.retryable) return 'unknown';
    throw error;
  }
}
