import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

type FileState = { size: number; mtimeNs: bigint; inode: bigint };
export type LibrarySnapshot = Map<string, FileState>;

/** Size, modification time and inode of every file under `root`. */
export async function snapshotLibrary(root: string): Promise<LibrarySnapshot> {
  const snapshot: LibrarySnapshot = new Map();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path, { bigint: true }).catch(() => null);
    if (info) snapshot.set(path, { size: Number(info.size), mtimeNs: info.mtimeNs, inode: info.ino });
  }
  return snapshot;
}

/**
 * Bytes of the files that are new or were rewritten between two snapshots (an atomic write
 * replaces the file, so its inode changes too). A file rewritten twice counts once: this is
 * what changed on disk, not every byte a write call passed.
 */
export function changedBytes(before: LibrarySnapshot, after: LibrarySnapshot): { bytes: number; files: string[] } {
  let bytes = 0;
  const files: string[] = [];
  for (const [path, state] of after) {
    const old = before.get(path);
    if (old && old.mtimeNs === state.mtimeNs && old.inode === state.inode && old.size === state.size) continue;
    bytes += state.size;
    files.push(path);
  }
  return { bytes, files };
}

export function totalBytes(snapshot: LibrarySnapshot, under: string): number {
  let bytes = 0;
  for (const [path, state] of snapshot) if (path.startsWith(under)) bytes += state.size;
  return bytes;
}
