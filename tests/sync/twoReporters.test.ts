import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noteState } from '../helpers/noteStates';
import { noteText, noteWithPrivate, nthSession, reporterWithProgramme, sessionBySource, writeNote, type Reporter } from '../helpers/teamLibraries';
import { gitServerForTests } from './gitServerForTests';

const server = await gitServerForTests('two-library sync');
afterAll(() => server?.close());

let ada: Reporter;
let ben: Reporter;
let remoteUrl: string;

beforeEach(async () => {
  ada = await reporterWithProgramme('Ada Lovelace');
  ben = await reporterWithProgramme('Ben Okafor');
  remoteUrl = server!.newRepositoryUrl();
});
afterEach(async () => {
  await ada.cleanup();
  await ben.cleanup();
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const run = promisify(execFile);

/**
 * The remote as the system git sees it: a fresh clone, checked with fsck, with every file's
 * text. (Asynchronous: the test's git server runs in this process and must keep answering.)
 */
async function cloneRemote(): Promise<{ files: Map<string, string>; commits: string[]; merges: number; cleanup(): Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'hallnotes-clone-'));
  const clone = join(folder, 'clone');
  await run('git', ['clone', '--quiet', remoteUrl, clone]);
  const git = async (...args: string[]) => (await run('git', args, { cwd: clone })).stdout;
  await git('fsck', '--strict', '--no-dangling');
  const files = new Map<string, string>();
  async function walk(path: string, prefix: string) {
    for (const name of await readdir(path)) {
      if (name === '.git') continue;
      const full = join(path, name);
      if ((await stat(full)).isDirectory()) await walk(full, `${prefix}${name}/`);
      else files.set(`${prefix}${name}`, await readFile(full, 'latin1'));
    }
  }
  await walk(clone, '');
  const commits = (await git('rev-list', '--all')).trim().split('\n');
  const merges = (await git('rev-list', '--merges', '--all')).trim().split('\n').filter(Boolean).length;
  return { files, commits, merges, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

describe.skipIf(server === null)('two reporters sync one event through a real Git server', () => {
  it('each ends with all notes, the shared session keeps both versions, nothing is lost, and a third sync changes nothing', async () => {
    const [adaTalk, sharedTalk, benTalk, photoTalk] = await Promise.all([0, 1, 2, 3].map((index) => nthSession(ada.services, ada.event.id, index)));
    const atBen = async (session: { sourceId?: string }) => (await sessionBySource(ben.services, ben.event.id, session.sourceId)).id;
    await writeNote(ada.services, ada.event.id, adaTalk.id, 'Ada’s notes on the first talk.');
    await ada.services.notes.save(ada.event.id, sharedTalk.id, noteWithPrivate('Ada on the talk both attended.', 'Ada’s private reminder: call 555-0100'));
    await writeNote(ben.services, ben.event.id, await atBen(benTalk), 'Ben’s notes on the third talk.');
    await writeNote(ben.services, ben.event.id, await atBen(sharedTalk), 'Ben on the talk both attended.');
    const photo = await ben.services.assets.store({ eventId: ben.event.id, fileName: 'slide.png', dataBase64: PNG.toString('base64') });
    const withPhoto = noteState('The slide that mattered:');
    withPhoto.root.children.push({ type: 'image', version: 1, src: photo.src, alt: 'The slide', caption: 'Growth' });
    await ben.services.notes.save(ben.event.id, await atBen(photoTalk), withPhoto);
    await ben.services.events.updateSession(ben.event.id, await atBen(benTalk), { status: 'covered' });

    const first = await ada.services.sync.sync(ada.event.id, { remoteUrl });
    expect(first).toMatchObject({ state: 'synced', remoteUrl, pendingCommits: 0, message: null });
    const second = await ben.services.sync.sync(ben.event.id, { remoteUrl });
    expect(second.state).toBe('synced');
    expect(second.cameIn!.notesAdded.map((change) => change.sessionTitle)).toEqual([adaTalk.title]);
    expect(second.cameIn!.notesBothChanged).toEqual([expect.objectContaining({ sessionTitle: sharedTalk.title, author: 'Ada Lovelace' })]);
    const third = await ada.services.sync.sync(ada.event.id);
    expect(third.state).toBe('synced');
    expect(third.cameIn!.notesAdded.map((change) => change.sessionTitle).sort()).toEqual([benTalk.title, photoTalk.title].sort());

    // Everybody has every note; the session both wrote shows each one's own, with the other's beside it.
    expect(await noteText(ada.services, ada.event.id, adaTalk.id)).toBe('Ada’s notes on the first talk.');
    expect(await noteText(ada.services, ada.event.id, benTalk.id)).toBe('Ben’s notes on the third talk.');
    expect(await noteText(ada.services, ada.event.id, photoTalk.id)).toBe('The slide that mattered:\nGrowth');
    expect(await ada.services.assets.read(ada.event.id, photo.src.slice('assets/'.length))).toMatchObject({ mediaType: 'image/png' });
    expect(await noteText(ben.services, ben.event.id, await atBen(adaTalk))).toBe('Ada’s notes on the first talk.');
    expect(await noteText(ada.services, ada.event.id, sharedTalk.id)).toBe('Ada on the talk both attended.\nAda’s private reminder: call 555-0100');
    expect(await noteText(ben.services, ben.event.id, await atBen(sharedTalk))).toBe('Ben on the talk both attended.');
    expect((await ada.services.exchange.incomingVersions(ada.event.id, sharedTalk.id)).map((version) => version.author)).toEqual(['Ben Okafor']);
    expect((await ben.services.exchange.incomingVersions(ben.event.id, await atBen(sharedTalk))).map((version) => version.author)).toEqual(['Ada Lovelace']);
    expect((await ada.services.events.get(ada.event.id)).sessions.find((session) => session.id === benTalk.id)!.status).toBe('covered');

    // Once both have everything, syncing again changes nothing: no new commit, nothing came in.
    await ben.services.sync.sync(ben.event.id);
    const remoteBefore = await cloneRemote();
    for (const reporter of [ada, ben, ada, ben]) {
      const again = await reporter.services.sync.sync(reporter.event.id);
      expect(again.state).toBe('synced');
      expect(again.cameIn!.changed).toBe(false);
    }
    const remoteAfter = await cloneRemote();
    expect(remoteAfter.commits).toEqual(remoteBefore.commits);

    // What was pushed: a proper history with merges, every note, no private block, no conflict marker.
    expect(remoteAfter.merges).toBeGreaterThanOrEqual(1);
    const everything = [...remoteAfter.files.values()].join('\n');
    expect(everything).toContain('Ben on the talk both attended.');
    expect(everything).toContain('Ada on the talk both attended.');
    expect(everything).not.toContain('555-0100');
    expect(everything).not.toMatch(/^(<{7}|>{7}|={7})/m);
    expect([...remoteAfter.files.keys()].some((path) => path.startsWith('history/') || path.startsWith('team/'))).toBe(false);
    await remoteBefore.cleanup();
    await remoteAfter.cleanup();
  });

  it('a choice made by one reporter reaches the other at the next sync', async () => {
    const talk = await nthSession(ada.services, ada.event.id, 4);
    const benTalk = (await sessionBySource(ben.services, ben.event.id, talk.sourceId)).id;
    await writeNote(ada.services, ada.event.id, talk.id, 'Ada’s version.');
    await writeNote(ben.services, ben.event.id, benTalk, 'Ben’s version.');
    await ada.services.sync.sync(ada.event.id, { remoteUrl });
    await ben.services.sync.sync(ben.event.id, { remoteUrl });
    await ada.services.sync.sync(ada.event.id);
    const [theirs] = await ada.services.exchange.incomingVersions(ada.event.id, talk.id);
    await ada.services.exchange.resolve(ada.event.id, talk.id, theirs.versionId, 'theirs');
    await ada.services.sync.sync(ada.event.id);
    const atBen = await ben.services.sync.sync(ben.event.id);
    expect(atBen.cameIn!.notesBothChanged).toEqual([]);
    expect(await ben.services.exchange.incomingVersions(ben.event.id, benTalk)).toEqual([]);
    expect(await noteText(ada.services, ada.event.id, talk.id)).toBe('Ben’s version.');
    expect(await noteText(ben.services, ben.event.id, benTalk)).toBe('Ben’s version.');
  });
});
