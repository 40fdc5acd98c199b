import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import yauzl from 'yauzl';
import { ZipFile } from 'yazl';

/** Every entry of a zip, by name (test helper: reads without any of the bundle reader's checks). */
export async function readZip(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  zip.close();
  return entries;
}

export async function writeZip(entries: Iterable<[string, Buffer]>, compress = true): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Replaces an entry name everywhere it is written (local header and central directory); same length, so offsets stay right. yazl refuses to write such names itself. */
export function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  if (from.length !== to.length) throw new Error('names must have the same length');
  const patched = Buffer.from(zip);
  const needle = Buffer.from(from);
  for (let index = patched.indexOf(needle); index !== -1; index = patched.indexOf(needle, index + 1)) Buffer.from(to).copy(patched, index);
  return patched;
}

export function manifestOf(entries: Map<string, Buffer>): Record<string, unknown> & { entries: Record<string, { sha256: string; bytes: number }> } {
  return JSON.parse(entries.get('manifest.json')!.toString('utf8'));
}

export function withManifest(entries: Map<string, Buffer>, manifest: unknown): Map<string, Buffer> {
  return new Map([...entries, ['manifest.json', Buffer.from(JSON.stringify(manifest))]]);
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under a folder with a hash of its content: equal before and after means nothing was written. */
export async function folderState(root: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  async function walk(folder: string) {
    for (const name of await readdir(folder)) {
      const path = join(folder, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else state[relative(root, path)] = sha256(await readFile(path));
    }
  }
  await walk(root);
  return state;
}
