import { spawn } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitExecPath, startGitHttpServer, type RunningGitServer } from '../../scripts/ci/gitHttpServer.mjs';
import { createCliFixture } from '../cli/cliFixture';
import { noteText, nthSession, reporterWithProgramme, sessionBySource, writeNote } from '../helpers/teamLibraries';
import { gitServerForTests } from './gitServerForTests';
import { startStallingProxy } from './stallingProxy';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const PROGRAMME = fileURLToPath(new URL('../fixtures/schedules/kielux_2020.ics', import.meta.url));
const run = promisify(execFile);
const server = await gitServerForTests('sync failures');
let tokenServer: RunningGitServer | null = null;
let scratch: string;
let cliBundle: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'hallnotes-sync-failures-'));
  if (gitExecPath()) tokenServer = await startGitHttpServer({ root: join(scratch, 'token-server'), token: 's3cret-token' });
  // A CLI bundle of its own (inside the repository, so its packages resolve), which a parallel `npm run build` cannot change under this test.
  cliBundle = join(repoRoot, 'build', 'test-cli', `${basename(scratch)}.mjs`);
  await build({ bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', absWorkingDir: repoRoot, entryPoints: ['electron/cli/hallnotes.ts'], outfile: cliBundle, format: 'esm', packages: 'external' });
});
afterAll(async () => {
  await tokenServer?.close();
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
  await rm(cliBundle, { force: true });
});

describe.skipIf(server === null)('sync from the command line', () => {
  it('sets the remote the first time, remembers it, and says what came in', async () => {
    const [ada, ben] = [await createCliFixture(), await createCliFixture()];
    const remote = server!.newRepositoryUrl();
    const adaEvent = JSON.parse(await ada.ok('import', PROGRAMME, '--json')).eventId;
    const benEvent = JSON.parse(await ben.ok('import', PROGRAMME, '--json')).eventId;
    const [adaSession] = JSON.parse(await ada.ok('session', 'list', adaEvent, '--json'));
    await ada.runWith({ stdin: 'Ada’s note.\n' }, 'note', 'set', adaEvent, adaSession.id, '--from', '-');
    const first = JSON.parse(await ada.ok('sync', adaEvent, '--remote', remote, '--json'));
    expect(first).toMatchObject({ state: 'synced', remoteUrl: remote, pendingCommits: 0 });
    const atBen = await ben.run('sync', benEvent, '--remote', remote);
    expect(atBen.code).toBe(0);
    expect(atBen.stdout).toContain(`Synced with ${remote}.\n  Notes added: “${adaSession.title}”`);
    expect((await ben.run('sync', benEvent)).stdout).toBe(`Synced with ${remote}.\n  Nothing new.\n`);
    await ada.cleanup();
    await ben.cleanup();
  });

  it('offline: commits here, exits 1 saying the remote cannot be reached, and pushes on the next sync', async () => {
    const cli = await createCliFixture();
    const eventId = JSON.parse(await cli.ok('import', PROGRAMME, '--json')).eventId;
    const unreachable = 'http://127.0.0.1:9/team.git';
    const offline = await cli.run('sync', eventId, '--remote', unreachable, '--json');
    expect(offline.code).toBe(1);
    expect(JSON.parse(offline.stdout)).toMatchObject({ state: 'offline', pendingCommits: 1, lastSyncedAt: null });
    expect(offline.stderr).toBe('hallnotes: 127.0.0.1:9 cannot be reached (ECONNREFUSED); everything is committed here and goes out at the next sync.\n');
    const remote = server!.newRepositoryUrl();
    expect(JSON.parse(await cli.ok('sync', eventId, '--remote', remote, '--json'))).toMatchObject({ state: 'synced', pendingCommits: 0 });
    const { stdout } = await run('git', ['ls-remote', remote]);
    expect(stdout).toMatch(/^[0-9a-f]{40}\trefs\/heads\/main$/m);
    await cli.cleanup();
  });
});

describe.skipIf(server === null)('a repository of another event', () => {
  it('is refused, saying so, and nothing is merged into this event', async () => {
    const ada = await reporterWithProgramme('Ada Lovelace');
    const other = await createCliFixture();
    const remote = server!.newRepositoryUrl();
    const otherEvent = await other.createEvent();
    await other.ok('sync', otherEvent, '--remote', remote);
    const status = await ada.services.sync.sync(ada.event.id, { remoteUrl: remote });
    expect(status.state).toBe('failed');
    expect(status.message).toBe(`The repository ${remote} holds another event ("Web Summit 2026"), not "18. Kieler Open Source und Linux Tage" nor its programme; nothing was merged. Use an empty repository, or the one of this event.`);
    expect((await ada.services.events.get(ada.event.id)).sessions).toEqual(ada.event.sessions);
    await ada.cleanup();
    await other.cleanup();
  });
});

describe.skipIf(tokenServer === null && !gitExecPath())('tokens', () => {
  it('sends the token from --token-file, keeps it in a 0600 file in the settings folder (never in the library), and names a refused token', async () => {
    const cli = await createCliFixture();
    const eventId = JSON.parse(await cli.ok('import', PROGRAMME, '--json')).eventId;
    const remote = `${tokenServer!.url}/secured.git`;

    const anonymous = await cli.run('sync', eventId, '--remote', remote);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain('asks for a token: set one in the Team panel, or pass --token-file');

    await writeFile(join(cli.root, 'wrong'), 'not-the-token\n');
    const wrong = await cli.run('sync', eventId, '--token-file', join(cli.root, 'wrong'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/refused the token \(HTTP 401\)/);

    await writeFile(join(cli.root, 'token'), 's3cret-token\n');
    expect(JSON.parse(await cli.ok('sync', eventId, '--token-file', join(cli.root, 'token'), '--json'))).toMatchObject({ state: 'synced', hasToken: true });
    // Remembered: the next sync needs no token option.
    expect((await cli.run('sync', eventId)).code).toBe(0);
    const stored = await stat(join(cli.config, 'secrets.json'));
    expect(stored.mode & 0o777).toBe(0o600);
    const libraryFiles = await listFiles(cli.library);
    for (const file of libraryFiles) expect(await import('node:fs/promises').then((fs) => fs.readFile(file, 'latin1'))).not.toContain('s3cret-token');
    await cli.cleanup();
  });
});

describe.skipIf(server === null)('a sync killed mid-push', () => {
  for (const mode of ['hold-push-request', 'hold-push-response'] as const) {
    it(`${mode === 'hold-push-request' ? 'before the remote took the push' : 'after the remote took it, before the answer'}: the retry leaves both repositories consistent and nothing lost`, async () => {
      const ada = await reporterWithProgramme('Ada Lovelace');
      const ben = await reporterWithProgramme('Ben Okafor');
      const proxy = await startStallingProxy(server!.url);
      const remote = `${proxy.url}${new URL(server!.newRepositoryUrl()).pathname}`;
      try {
        const talk = await nthSession(ben.services, ben.event.id, 1);
        await writeNote(ben.services, ben.event.id, talk.id, 'Ben’s note before the first sync.');
        expect((await ben.services.sync.sync(ben.event.id, { remoteUrl: remote })).state).toBe('synced');
        const adaTalk = await nthSession(ada.services, ada.event.id, 0);
        await writeNote(ada.services, ada.event.id, adaTalk.id, 'Ada’s note, pushed by a sync that gets killed.');
        await ada.services.writes.drain();

        proxy.mode = mode;
        const child = spawn(process.execPath, [cliBundle, 'sync', ada.event.id, '--remote', remote, '--library', ada.root], {
          cwd: repoRoot,
          env: { ...process.env, HALLNOTES_CONFIG_DIR: join(ada.root, '.config') },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const exited = new Promise<'exited'>((resolve) => child.once('exit', () => resolve('exited')));
        if ((await Promise.race([proxy.stalled, exited])) === 'exited') throw new Error(`the sync ended before its push was stalled: ${stderr}`);
        child.kill('SIGKILL');
        await exited;
        // The killed sync left its lock behind; the retry takes it over (its process is gone).
        expect(await readdir(ada.services.paths.locksFolder)).toContain(`${ada.event.id}--team.lock`);

        proxy.mode = 'pass';
        const retried = await ada.services.sync.sync(ada.event.id);
        expect(retried).toMatchObject({ state: 'synced', pendingCommits: 0 });
        expect(await noteText(ada.services, ada.event.id, (await sessionBySource(ada.services, ada.event.id, talk.sourceId)).id)).toBe('Ben’s note before the first sync.');
        expect((await ben.services.sync.sync(ben.event.id)).state).toBe('synced');
        expect(await noteText(ben.services, ben.event.id, (await sessionBySource(ben.services, ben.event.id, adaTalk.sourceId)).id)).toBe('Ada’s note, pushed by a sync that gets killed.');

        const clone = join(scratch, `clone-${mode}`);
        await run('git', ['clone', '--quiet', remote.replace(proxy.url, server!.url), clone]);
        await run('git', ['fsck', '--strict', '--no-dangling'], { cwd: clone });
        const gitdir = join(ada.services.paths.eventFolder(ada.event.id), 'team', 'sync', 'repo.git');
        await run('git', ['--git-dir', gitdir, 'fsck', '--strict', '--no-dangling']);
        const [local, pushed] = await Promise.all([run('git', ['--git-dir', gitdir, 'rev-parse', 'main']), run('git', ['rev-parse', 'main'], { cwd: clone })]);
        expect(local.stdout).toBe(pushed.stdout);
      } finally {
        await proxy.close();
        await ada.cleanup();
        await ben.cleanup();
      }
    }, 60_000);
  }
});

async function listFiles(folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const name of await readdir(folder, { recursive: true })) {
    const path = join(folder, name);
    if ((await stat(path)).isFile()) files.push(path);
  }
  return files;
}
