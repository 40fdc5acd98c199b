import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/contentSecurityPolicy';
import { parseAssetRoute } from '../services/assets/assetRoute';
import type { AssetFile } from '../services/assets/assetStore';

/** The renderer is served from app://hallnotes/, never file://, so the CSP and origin are ours. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://hallnotes`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Photos in notes are read through the services, which only hand out files of an event's assets folder. */
export type ReadAsset = (eventId: string, fileName: string) => Promise<AssetFile | null>;

export function serveRendererBuild(rendererFolder: string, readAsset: ReadAsset): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const asset = url.host === 'hallnotes' ? parseAssetRoute(url.pathname) : null;
    if (asset) {
      const image = await readAsset(asset.eventId, asset.fileName);
      if (!image) return new Response('Not found', { status: 404 });
      return new Response(new Uint8Array(image.body), {
        headers: { 'Content-Type': image.mediaType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    }
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const filePath = normalize(join(rendererFolder, relative));
    if (url.host !== 'hallnotes' || !filePath.startsWith(rendererFolder + sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(filePath);
      return new Response(body, {
        headers: {
          'Content-Type': CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
