#!/usr/bin/env node
// A tiny smart-HTTP Git server for tests and CI: Node's http server in front of Debian's
// `git http-backend` (a CGI program), serving the bare repositories under one folder on
// 127.0.0.1. Written by hand because no maintained npm package wraps http-backend (the npm
// "git servers" reimplement the protocol in JavaScript, which is what isomorphic-git must be
// tested against the real git for). Repositories are created on first use (`<name>.git`).
//
//   node scripts/ci/gitHttpServer.mjs --root DIR [--port 8091] [--token SECRET]
//
// With --token, every request must carry HTTP Basic credentials whose password is the token.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPOSITORY_PATH = /^\/([A-Za-z0-9][A-Za-z0-9._-]{0,99}\.git)(\/.*)?$/;

/** Where git's own programs are (`git --exec-path`), or null when git is not installed. */
export function gitExecPath() {
  const result = spawnSync('git', ['--exec-path'], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const folder = result.stdout.trim();
  return existsSync(join(folder, 'git-http-backend')) ? folder : null;
}

/**
 * Starts the server; resolves once it listens. `onRequest` sees each request first and may
 * answer it itself or hold it (tests use it to stall a push); return true when it took over.
 */
export async function startGitHttpServer({ root, port = 0, token = null, onRequest = null }) {
  const execPath = gitExecPath();
  if (!execPath) throw new Error('git http-backend is not installed (Debian: apt-get install git)');
  const projectRoot = resolve(root);
  mkdirSync(projectRoot, { recursive: true });

  const server = createServer((request, response) => {
    if (onRequest && onRequest(request, response)) return;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = REPOSITORY_PATH.exec(url.pathname);
    if (!match) return answer(response, 404, 'No such repository.');
    if (token !== null && !authorised(request, token)) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="hallnotes-test"', 'Content-Type': 'text/plain' });
      return response.end('Authentication required.');
    }
    const repository = join(projectRoot, match[1]);
    if (!existsSync(repository)) {
      const init = spawnSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', repository], { encoding: 'utf8' });
      if (init.status !== 0) return answer(response, 500, `Could not create ${match[1]}: ${init.stderr}`);
    }
    runBackend(execPath, projectRoot, url, request, response);
  });
  await new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ready);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    root: projectRoot,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Git clients keep connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
    server,
  };
}

function authorised(request, token) {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return false;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) === token;
}

function runBackend(execPath, projectRoot, url, request, response) {
  // The CGI environment http-backend reads (see `man git-http-backend`), every request header as HTTP_*.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    // Push is refused to anonymous users unless the repository says otherwise; these repositories are for tests.
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.receivepack',
    GIT_CONFIG_VALUE_0: 'true',
    REQUEST_METHOD: request.method ?? 'GET',
    PATH_INFO: decodeURIComponent(url.pathname),
    QUERY_STRING: url.search.slice(1),
    REMOTE_ADDR: request.socket.remoteAddress ?? '127.0.0.1',
    REMOTE_USER: 'hallnotes-test',
    SERVER_PROTOCOL: 'HTTP/1.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
  };
  if (request.headers['content-type']) env.CONTENT_TYPE = request.headers['content-type'];
  if (request.headers['content-length']) env.CONTENT_LENGTH = request.headers['content-length'];
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') env[`HTTP_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  }
  const backend = spawn(join(execPath, 'git-http-backend'), [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  backend.stderr.on('data', (chunk) => (stderr += chunk));
  request.pipe(backend.stdin);
  request.on('aborted', () => backend.kill('SIGTERM'));
  backend.stdin.on('error', () => undefined);

  let head = Buffer.alloc(0);
  let headersSent = false;
  backend.stdout.on('data', (chunk) => {
    if (headersSent) return void response.write(chunk);
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n') !== -1 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n');
    if (end === -1) return;
    const separator = head[end] === 0x0d ? 4 : 2;
    const headers = {};
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    response.writeHead(status, headers);
    headersSent = true;
    response.write(head.subarray(end + separator));
  });
  backend.on('close', (code) => {
    if (!headersSent) return answer(response, 500, `git http-backend failed (${code}): ${stderr}`);
    response.end();
  });
}

function answer(response, status, text) {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function option(args, name) {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const root = option(args, '--root');
  if (!root) {
    console.error('usage: gitHttpServer.mjs --root DIR [--port 8091] [--token SECRET]');
    process.exit(2);
  }
  const running = await startGitHttpServer({ root, port: Number(option(args, '--port') ?? 8090), token: option(args, '--token') ?? null });
  console.log(`git smart-HTTP server for ${running.root} at ${running.url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
