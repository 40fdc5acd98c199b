// Sets a fresh Ghost up through its own Admin API, as its setup screen does: the owner, a
// session, then a custom integration "Hallnotes CI" whose Admin API key the publish suite uses.
// Prints {"url", "adminApiKey"}. Run again, it signs in and reuses the integration.
const [url] = process.argv.slice(2);
const api = `${url}/ghost/api/admin`;
// Local test site only (127.0.0.1); Ghost refuses short or common passwords.
const owner = { name: 'Hallnotes CI', email: 'ci@hallnotes.invalid', password: 'Hallnotes-CI-7f3kq-Lisbon-2026', blogTitle: 'Hallnotes CI Ghost' };
let cookie = '';

async function call(method, path, body) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Origin: url, Cookie: cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = response.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0];
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  // POST /session/ answers "Created", not JSON.
  return /^\s*[{[]/.test(text) ? JSON.parse(text) : {};
}

const setup = await call('GET', '/authentication/setup/');
if (!setup.setup?.[0]?.status) await call('POST', '/authentication/setup/', { setup: [owner] });
await call('POST', '/session/', { username: owner.email, password: owner.password });
const { integrations } = await call('GET', '/integrations/?include=api_keys&limit=all');
const integration = integrations.find((candidate) => candidate.name === 'Hallnotes CI') ?? (await call('POST', '/integrations/?include=api_keys', { integrations: [{ name: 'Hallnotes CI' }] })).integrations[0];
const key = integration.api_keys.find((candidate) => candidate.type === 'admin');
// Ghost's API gives an admin key's secret as "id:secret" already.
const adminApiKey = key.secret.includes(':') ? key.secret : `${key.id}:${key.secret}`;
console.log(JSON.stringify({ url, adminApiKey, ownerEmail: owner.email, ownerPassword: owner.password }));
