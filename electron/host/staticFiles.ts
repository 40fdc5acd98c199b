import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export type StaticFile = { body: Buffer; contentType: string };

/** Reads a file of the renderer build; null for anything outside it or missing. */
export async function readStaticFile(rootFolder: string, urlPath: string): Promise<StaticFile | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const filePath = normalize(join(rootFolder, relative));
  if (!filePath.startsWith(rootFolder + sep)) return null;
  try {
    return { body: await readFile(filePath), contentType: CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
