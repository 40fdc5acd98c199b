import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import { megabytes } from '../../../shared/model/byteSize';
import { ServiceError } from '../storage/serviceError';
import { isSharedPath, type SharedSource } from '../exchange/sharedFiles';
import { MAX_ASSET_BYTES, MAX_EVENT_FILE_BYTES, MAX_NOTE_FILE_BYTES, MAX_POST_FILE_BYTES } from '../exchange/sharedLimits';
import {
  BUNDLE_FORMAT,
  BUNDLE_KIND,
  bundleManifestSchema,
  MANIFEST_PATH,
  MAX_BUNDLE_ENTRIES,
  MAX_BUNDLE_TOTAL_BYTES,
  MAX_COMPRESSION_RATIO,
  MAX_MANIFEST_BYTES,
  RATIO_CHECK_ABOVE_BYTES,
  type BundleManifest,
} from './bundleManifest';

/** A bundle whose every entry was checked against its manifest; read(path) checks the entry again as it reads it. */
export type OpenedBundle = { manifest: BundleManifest; source: SharedSource; close(): void };

export type BundleInput = { path: string } | { bytes: Buffer };

/**
 * Opens a bundle and verifies it whole before anything is imported. Refused, each with a
 * message naming the bundle and what is wrong: a file that is not a zip or is cut short; an
 * entry whose path is absolute or climbs out with ".."; more entries, more bytes, or a higher
 * compression ratio than a real bundle has (a zip bomb); a manifest from a newer Hallnotes;
 * an entry missing, added, or not matching its checksum (damaged or edited).
 */
export async function openBundle(input: BundleInput, fileName: string): Promise<OpenedBundle> {
  const name = `The bundle ${fileName}`;
  const refuse = (detail: string) => new ServiceError('invalid-argument', `${name} ${detail}; nothing was imported.`);
  let zip: ZipFile;
  try {
    // Loaded on first use, like isomorphic-git: most commands never open a bundle.
    const { default: yauzl } = await import('yauzl');
    const options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true };
    zip = 'path' in input ? await yauzl.openPromise(input.path, options) : await yauzl.fromBufferPromise(input.bytes, options);
  } catch (error) {
    throw describeZipError(error, refuse, 'path' in input ? input.path : null);
  }
  try {
    if (zip.entryCount > MAX_BUNDLE_ENTRIES) throw refuse(`has ${zip.entryCount} entries, more than the ${MAX_BUNDLE_ENTRIES} a bundle may have`);
    const entries = new Map<string, Entry>();
    let total = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const path = entry.fileName;
        if (path.endsWith('/')) continue;
        checkPath(path, refuse);
        if (entries.has(path)) throw refuse(`holds ${path} twice`);
        if (entry.isEncrypted()) throw refuse(`has an encrypted entry (${path})`);
        const limit = limitFor(path);
        if (limit === null) throw refuse(`holds ${path}, which is not part of a Hallnotes bundle (was it edited?)`);
        if (entry.uncompressedSize > limit) throw refuse(`holds ${path} of ${megabytes(entry.uncompressedSize)}, more than the ${megabytes(limit)} such a file may have`);
        if (entry.uncompressedSize > RATIO_CHECK_ABOVE_BYTES && entry.uncompressedSize > entry.compressedSize * MAX_COMPRESSION_RATIO) {
          throw refuse(`holds ${path}, compressed more than ${MAX_COMPRESSION_RATIO} to 1 (a zip bomb?)`);
        }
        total += entry.uncompressedSize;
        if (total > MAX_BUNDLE_TOTAL_BYTES) throw refuse(`unpacks to more than ${megabytes(MAX_BUNDLE_TOTAL_BYTES)}, more than any bundle may`);
        entries.set(path, entry);
      }
    } catch (error) {
      throw describeZipError(error, refuse, null);
    }

    const manifestEntry = entries.get(MANIFEST_PATH);
    if (!manifestEntry) throw refuse('has no manifest.json: it is not a Hallnotes bundle, or it is incomplete');
    const manifest = parseManifest(await readEntry(zip, manifestEntry, MAX_MANIFEST_BYTES, refuse), name, refuse);
    for (const [path, expected] of Object.entries(manifest.entries)) {
      const entry = entries.get(path);
      if (!entry) throw refuse(`is missing ${path}, which its manifest lists (was it cut short?)`);
      if (entry.uncompressedSize !== expected.bytes) throw refuse(`holds ${path} of another size than its manifest says (damaged or edited)`);
    }
    for (const path of entries.keys()) {
      if (path !== MANIFEST_PATH && !manifest.entries[path]) throw refuse(`holds ${path}, which its manifest does not list (was it edited?)`);
    }
    // Every entry is read and checked now, so a damaged photo is found before the first write.
    for (const [path, expected] of Object.entries(manifest.entries)) await readEntry(zip, entries.get(path)!, expected.bytes, refuse, expected.sha256);

    const paths = Object.keys(manifest.entries).sort();
    return {
      manifest,
      source: {
        paths,
        read: async (path, limit) => {
          const entry = entries.get(path);
          const expected = manifest.entries[path];
          if (!entry || !expected) throw refuse(`has no ${path}`);
          return readEntry(zip, entry, Math.min(limit, expected.bytes), refuse, expected.sha256);
        },
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function checkPath(path: string, refuse: (detail: string) => ServiceError): void {
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\') || path.split('/').includes('..') || path.split('/').includes('')) {
    throw refuse(`holds an entry with an unsafe path (${path.slice(0, 120)}): absolute, or climbing out with ".."`);
  }
}

function limitFor(path: string): number | null {
  if (path === MANIFEST_PATH) return MAX_MANIFEST_BYTES;
  if (!isSharedPath(path)) return null;
  if (path.startsWith('assets/')) return MAX_ASSET_BYTES;
  if (path.startsWith('notes/')) return MAX_NOTE_FILE_BYTES;
  if (path.startsWith('posts/')) return MAX_POST_FILE_BYTES;
  return MAX_EVENT_FILE_BYTES;
}

function parseManifest(bytes: Buffer, name: string, refuse: (detail: string) => ServiceError): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refuse('has a manifest.json that is not valid JSON');
  }
  const header = raw as { kind?: unknown; format?: unknown } | null;
  if (header?.kind !== BUNDLE_KIND) throw refuse('is not a Hallnotes event bundle');
  if (typeof header.format === 'number' && header.format > BUNDLE_FORMAT) {
    throw new ServiceError('newer-format', `${name} was made by a newer version of Hallnotes (bundle format ${header.format}); update Hallnotes to import it. Nothing was imported.`);
  }
  const parsed = bundleManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(`has a manifest.json that is not valid (${issue.path.join('.')}: ${issue.message})`);
  }
  return parsed.data;
}

/** The entry's bytes, never more than `limit` (the inflated size is counted as it arrives), and checked against its SHA-256. */
async function readEntry(zip: ZipFile, entry: Entry, limit: number, refuse: (detail: string) => ServiceError, sha256?: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  let size = 0;
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream) {
      size += (chunk as Buffer).byteLength;
      if (size > limit) {
        stream.destroy();
        throw refuse(`holds ${entry.fileName}, which unpacks to more than it claims (a zip bomb?)`);
      }
      hash.update(chunk as Buffer);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    // yauzl counts the inflated bytes against the entry's header (validateEntrySizes).
    if (/too many bytes in the stream/.test((error as Error).message)) throw refuse(`holds ${entry.fileName}, which unpacks to more than it claims (a zip bomb?)`);
    throw refuse(`has a damaged entry ${entry.fileName} (${(error as Error).message})`);
  }
  if (sha256 && hash.digest('hex') !== sha256) throw refuse(`holds ${entry.fileName}, which does not match its checksum (damaged or edited after export)`);
  return Buffer.concat(chunks, size);
}

function describeZipError(error: unknown, refuse: (detail: string) => ServiceError, path: string | null): ServiceError {
  if (error instanceof ServiceError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new ServiceError('invalid-argument', `Could not read ${path ?? 'the bundle'}: there is no such file.`);
  if (code === 'EISDIR') return new ServiceError('invalid-argument', `Could not read ${path ?? 'the bundle'}: it is a folder, not a file.`);
  const message = (error as Error).message ?? String(error);
  if (/absolute path|invalid relative path|invalid characters in fileName/.test(message)) return refuse(`holds an entry with an unsafe path (${message.replace(/^[^:]*: /, '').slice(0, 120)}): absolute, or climbing out with ".."`);
  if (/end of central directory|signature not found|truncated|unexpected EOF|invalid comment length/i.test(message)) return refuse('is not a zip file, or it is cut short (truncated)');
  return refuse(`could not be read as a zip file (${message.slice(0, 200)})`);
}
