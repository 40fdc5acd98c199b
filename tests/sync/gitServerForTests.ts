import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitExecPath, startGitHttpServer, type RunningGitServer } from '../../scripts/ci/gitHttpServer.mjs';

export type TestGitServer = { url: string; newRepositoryUrl(): string; close(): Promise<void> };

/**
 * A real smart-HTTP Git server for the sync tests: the one .ci/run started (HALLNOTES_GIT_SERVER_URL),
 * else one started here in front of this machine's `git http-backend`. Null, with the reason
 * printed, where git is not installed; under HALLNOTES_REQUIRE_GIT_SERVER=1 (CI) that is a failure.
 */
export async function gitServerForTests(suite: string): Promise<TestGitServer | null> {
  const given = process.env.HALLNOTES_GIT_SERVER_URL;
  if (given) return { url: given, newRepositoryUrl: () => repositoryUrl(given), close: async () => undefined };
  if (!gitExecPath()) {
    const reason = `${suite}: skipped, no real Git server: git http-backend is not installed (Debian: apt-get install git) and HALLNOTES_GIT_SERVER_URL is not set.`;
    if (process.env.HALLNOTES_REQUIRE_GIT_SERVER === '1') throw new Error(`${reason} HALLNOTES_REQUIRE_GIT_SERVER=1 makes that a failure.`);
    console.log(reason);
    return null;
  }
  const root = await mkdtemp(join(tmpdir(), 'hallnotes-git-server-'));
  const server: RunningGitServer = await startGitHttpServer({ root });
  return {
    url: server.url,
    newRepositoryUrl: () => repositoryUrl(server.url),
    close: async () => {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

function repositoryUrl(base: string): string {
  return `${base.replace(/\/$/, '')}/team-${randomBytes(5).toString('hex')}.git`;
}
