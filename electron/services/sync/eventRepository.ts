import * as fs from 'node:fs';
import type { HttpClient } from 'isomorphic-git';
import { ServiceError } from '../storage/serviceError';
import type { SharedFile, SharedSource } from '../exchange/sharedFiles';

/** A remote that sends nothing for this long is treated as unreachable (offline: try later). */
const IDLE_TIMEOUT_MS = 30_000;
const BRANCH = 'refs/heads/main';
const TRACKING = 'refs/remotes/origin/main';
/** Far more files than an event's shared view has; a tree beyond it is refused rather than walked. */
const MAX_TREE_FILES = 40_000;

export type GitAuth = { username: string; password: string } | null;

type Git = typeof import('isomorphic-git').default;
let loaded: Promise<{ git: Git; http: HttpClient }> | null = null;

/**
 * isomorphic-git is loaded on first use: every CLI command would otherwise pay for it at
 * start-up. Node's HTTP client gets an idle timeout, so a dead network is noticed, not waited on.
 */
function loadGit(): Promise<{ git: Git; http: HttpClient }> {
  loaded ??= Promise.all([import('isomorphic-git'), import('isomorphic-git/http/node')]).then(([gitModule, httpModule]) => {
    const nodeHttp = httpModule.default;
    const http: HttpClient = { request: (request) => nodeHttp.request({ ...request, fetchOptions: { timeout: IDLE_TIMEOUT_MS } } as typeof request) };
    return { git: gitModule.default, http };
  });
  return loaded;
}

/**
 * An event's Git repository (team/sync/repo.git, bare): commits are built from the shared
 * files directly (git plumbing), never from a working tree, so what is committed is exactly
 * what the team shares (no private blocks, no snapshots, team ids) and a merge result reaches
 * the library only through the stores.
 */
export class EventRepository {
  private readonly cache = {};

  constructor(readonly gitdir: string) {}

  async ensure(remoteUrl: string): Promise<void> {
    const { git } = await loadGit();
    if (!fs.existsSync(`${this.gitdir}/HEAD`)) await git.init({ fs, gitdir: this.gitdir, bare: true, defaultBranch: 'main' });
    await git.addRemote({ fs, gitdir: this.gitdir, remote: 'origin', url: remoteUrl, force: true });
  }

  exists(): boolean {
    return fs.existsSync(`${this.gitdir}/HEAD`);
  }

  head(): Promise<string | null> {
    return this.resolve(BRANCH);
  }

  tracking(): Promise<string | null> {
    return this.resolve(TRACKING);
  }

  async treeOf(commit: string): Promise<string> {
    const { git } = await loadGit();
    return (await git.readCommit({ fs, gitdir: this.gitdir, oid: commit, cache: this.cache })).commit.tree;
  }

  /** Photos already in a commit, by file name: content-addressed, so they are never read or written again. */
  async assetBlobs(commit: string | null): Promise<Map<string, string>> {
    const { git } = await loadGit();
    if (!commit) return new Map();
    const root = await git.readTree({ fs, gitdir: this.gitdir, oid: commit, cache: this.cache });
    const assets = root.tree.find((entry) => entry.path === 'assets' && entry.type === 'tree');
    if (!assets) return new Map();
    const { tree } = await git.readTree({ fs, gitdir: this.gitdir, oid: assets.oid, cache: this.cache });
    return new Map(tree.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry.oid]));
  }

  /** The tree of the shared files; photos not yet in `knownAssets` are read with `readAsset`. */
  async writeTree(files: SharedFile[], assets: string[], knownAssets: Map<string, string>, readAsset: (file: string) => Promise<Buffer>): Promise<string> {
    const { git } = await loadGit();
    const folders = new Map<string, { path: string; oid: string; type: 'blob' | 'tree'; mode: string }[]>([['', []]]);
    const add = (path: string, oid: string) => {
      const slash = path.indexOf('/');
      const folder = slash === -1 ? '' : path.slice(0, slash);
      if (!folders.has(folder)) folders.set(folder, []);
      folders.get(folder)!.push({ path: slash === -1 ? path : path.slice(slash + 1), oid, type: 'blob', mode: '100644' });
    };
    for (const file of files) add(file.path, await git.writeBlob({ fs, gitdir: this.gitdir, blob: file.bytes }));
    for (const asset of assets) add(`assets/${asset}`, knownAssets.get(asset) ?? (await git.writeBlob({ fs, gitdir: this.gitdir, blob: await readAsset(asset) })));
    const root = folders.get('')!;
    for (const [folder, entries] of folders) {
      if (folder === '') continue;
      root.push({ path: folder, oid: await git.writeTree({ fs, gitdir: this.gitdir, tree: sorted(entries) }), type: 'tree', mode: '040000' });
    }
    return git.writeTree({ fs, gitdir: this.gitdir, tree: sorted(root) });
  }

  async commit(tree: string, parents: string[], message: string, author: string): Promise<string> {
    const { git } = await loadGit();
    const person = { name: author || 'Hallnotes', email: 'hallnotes@localhost.invalid' };
    return git.commit({ fs, gitdir: this.gitdir, message, author: person, committer: person, tree, parent: parents, noUpdateBranch: true, ref: BRANCH });
  }

  async setHead(commit: string): Promise<void> {
    const { git } = await loadGit();
    await git.writeRef({ fs, gitdir: this.gitdir, ref: BRANCH, value: commit, force: true });
  }

  /** The remote's main branch after fetching it; null while the remote is empty. */
  async fetch(auth: GitAuth): Promise<string | null> {
    const { git, http } = await loadGit();
    const result = await git.fetch({ fs, http, gitdir: this.gitdir, remote: 'origin', ref: 'main', remoteRef: 'main', singleBranch: true, tags: false, onAuth: authCallback(auth), cache: this.cache });
    return result.fetchHead;
  }

  /** Sends main; throws PushRejectedError when the remote moved on meanwhile. */
  async push(auth: GitAuth): Promise<void> {
    const { git, http } = await loadGit();
    const result = await git.push({ fs, http, gitdir: this.gitdir, remote: 'origin', ref: 'main', remoteRef: 'main', onAuth: authCallback(auth), cache: this.cache });
    if (!result.ok) throw new ServiceError('io-error', `The remote refused the changes: ${result.error ?? JSON.stringify(result.refs)}`);
    await git.writeRef({ fs, gitdir: this.gitdir, ref: TRACKING, value: (await this.head())!, force: true });
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    if (ancestor === of) return true;
    const { git } = await loadGit();
    return git.isDescendent({ fs, gitdir: this.gitdir, oid: of, ancestor, depth: -1, cache: this.cache });
  }

  /** Commits on main that the remote does not have (as last fetched). */
  async commitsAhead(): Promise<number> {
    const { git } = await loadGit();
    const [head, tracking] = await Promise.all([this.head(), this.tracking()]);
    if (!head) return 0;
    const log = await git.log({ fs, gitdir: this.gitdir, ref: BRANCH, depth: 500, cache: this.cache });
    let ahead = 0;
    for (const entry of log) {
      if (tracking && (entry.oid === tracking || (await this.isAncestor(entry.oid, tracking)))) break;
      ahead++;
    }
    return ahead;
  }

  /** The files of a commit, read lazily; a blob over the caller's limit is refused once read. */
  async sourceOf(commit: string): Promise<SharedSource> {
    const { git } = await loadGit();
    const blobs = new Map<string, string>();
    const walk = async (oid: string, prefix: string, depth: number) => {
      if (depth > 2) return;
      const { tree } = await git.readTree({ fs, gitdir: this.gitdir, oid, cache: this.cache });
      for (const entry of tree) {
        const path = `${prefix}${entry.path}`;
        if (entry.type === 'tree') await walk(entry.oid, `${path}/`, depth + 1);
        else if (entry.type === 'blob') blobs.set(path, entry.oid);
        if (blobs.size > MAX_TREE_FILES) throw new ServiceError('invalid-argument', `The remote's latest commit holds more than ${MAX_TREE_FILES} files; it is not a Hallnotes event. Nothing was changed.`);
      }
    };
    await walk(await this.treeOf(commit), '', 0);
    return {
      paths: [...blobs.keys()],
      read: async (path, limit) => {
        const oid = blobs.get(path);
        if (!oid) throw new ServiceError('invalid-argument', `The remote's latest commit has no ${path}. Nothing was changed.`);
        const { blob } = await git.readBlob({ fs, gitdir: this.gitdir, oid, cache: this.cache });
        if (blob.byteLength > limit) throw new ServiceError('invalid-argument', `The remote's ${path} is larger than such a file may be. Nothing was changed.`);
        return Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
      },
    };
  }

  private async resolve(ref: string): Promise<string | null> {
    const { git } = await loadGit();
    try {
      return await git.resolveRef({ fs, gitdir: this.gitdir, ref });
    } catch (error) {
      if ((error as { code?: string }).code === 'NotFoundError') return null;
      throw error;
    }
  }
}

function sorted<T extends { path: string }>(entries: T[]): T[] {
  return [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function authCallback(auth: GitAuth) {
  // Sent only when the server asks (401); cancel rather than retry a refused token forever.
  let asked = false;
  return () => {
    if (!auth || asked) return { cancel: true };
    asked = true;
    return auth;
  };
}
