import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventFileSchema } from '../../shared/model/event';
import { bundleCli, type ProcessRun } from '../helpers/cliProcess';

let cli: Awaited<ReturnType<typeof bundleCli>>;
let root: string;
let env: Record<string, string>;

beforeAll(async () => {
  cli = await bundleCli('concurrent');
  root = await mkdtemp(join(tmpdir(), 'hallnotes-concurrent-'));
  env = { HALLNOTES_LIBRARY: join(root, 'library'), HALLNOTES_CONFIG_DIR: join(root, 'config') };
}, 60_000);
afterAll(async () => {
  await cli.remove();
  await rm(root, { recursive: true, force: true });
});

async function ok(args: string[]): Promise<string> {
  const result = await cli.run(args, env);
  if (result.code !== 0) throw new Error(`hallnotes ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout.trim();
}

async function agendaOnDisk(eventId: string) {
  return eventFileSchema.parse(JSON.parse(await readFile(join(env.HALLNOTES_LIBRARY, 'events', eventId, 'event.json'), 'utf8')));
}

describe('several hallnotes processes changing one event at once', () => {
  it('20 concurrent "session add" all exit 0 and leave 20 sessions', async () => {
    const eventId = await ok(['event', 'create', '--title', 'Busy Conf', '--start', '2026-09-01']);
    const runs: ProcessRun[] = await Promise.all(
      Array.from({ length: 20 }, (_, index) => cli.run(['session', 'add', eventId, '--day', '1', '--start', `${String(9 + (index % 8)).padStart(2, '0')}:00`, '--title', `Talk ${index + 1}`], env)),
    );
    expect(runs.map((run) => [run.code, run.stderr])).toEqual(runs.map(() => [0, '']));
    const ids = runs.map((run) => run.stdout.trim());
    const event = await agendaOnDisk(eventId);
    expect(event.sessions.map((session) => session.id).sort()).toEqual([...ids].sort());
    expect(event.sessions.map((session) => session.title).sort()).toEqual(Array.from({ length: 20 }, (_, index) => `Talk ${index + 1}`).sort());
    // Nothing is left holding the event.
    expect(await readdir(join(env.HALLNOTES_LIBRARY, '.locks')).catch(() => [])).toEqual([]);
  }, 120_000);
});
