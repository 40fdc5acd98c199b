import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { syncFolder } from '../storage/atomicWrite';
import { fileSystemError } from '../storage/serviceError';
import type { SharedFile } from '../exchange/sharedFiles';
import { BUNDLE_FORMAT, BUNDLE_KIND, MANIFEST_PATH, type BundleManifest } from './bundleManifest';

export type BundleContents = {
  files: SharedFile[];
  /** Photos: the path inside the bundle and the file on disk. */
  assets: { path: string; file: string }[];
  manifest: Omit<BundleManifest, 'format' | 'kind' | 'entries'>;
};

/**
 * Writes a bundle (a zip, via yazl: small, streaming, maintained) all-or-nothing: into a
 * temporary file beside the target, flushed, then renamed over it. Photos are stored without
 * compression (they are compressed already) and streamed, never held in memory together.
 */
export async function writeBundle(outPath: string, contents: BundleContents): Promise<number> {
  const entries: BundleManifest['entries'] = {};
  // Loaded on first use: most commands never write a bundle.
  const { ZipFile } = await import('yazl');
  const zip = new ZipFile();
  const mtime = new Date(contents.manifest.exportedAt);
  for (const file of contents.files) {
    entries[file.path] = { sha256: createHash('sha256').update(file.bytes).digest('hex'), bytes: file.bytes.byteLength };
    zip.addBuffer(file.bytes, file.path, { mtime, compress: true });
  }
  for (const asset of contents.assets) {
    entries[asset.path] = await hashFile(asset.file);
    zip.addFile(asset.file, asset.path, { mtime, compress: false });
  }
  const manifest: BundleManifest = { format: BUNDLE_FORMAT, kind: BUNDLE_KIND, ...contents.manifest, entries };
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`), MANIFEST_PATH, { mtime, compress: true });
  zip.end();

  const folder = dirname(outPath);
  const temporary = join(folder, `.${basename(outPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await pipeline(zip.outputStream, createWriteStream(temporary, { flags: 'wx', mode: 0o644 }));
    const handle = await open(temporary, 'r+');
    let size: number;
    try {
      await handle.sync();
      size = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
    await rename(temporary, outPath);
    await syncFolder(folder);
    return size;
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw fileSystemError(`write the bundle ${outPath}`, error);
  }
}

async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).byteLength;
    }
  } catch (error) {
    throw fileSystemError(`read the photo ${file} for the bundle`, error);
  }
  return { sha256: hash.digest('hex'), bytes };
}
