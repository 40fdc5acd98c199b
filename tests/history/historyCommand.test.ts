import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliFixture, type CliFixture } from '../cli/cliFixture';

let cli: CliFixture;
let eventId: string;
let sessionId: string;

beforeEach(async () => {
  cli = await createCliFixture();
  eventId = await cli.createEvent();
  sessionId = await cli.ok('session', 'add', eventId, '--day', '1', '--start', '09:00', '--title', 'Opening keynote');
});
afterEach(async () => {
  await cli.cleanup();
});

async function setNote(markdown: string) {
  const result = await cli.runWith({ stdin: markdown }, 'note', 'set', eventId, sessionId, '--from', '-');
  expect(result.code).toBe(0);
}

describe('hallnotes history EVENT SESSION', () => {
  it('says when a note has no snapshots yet', async () => {
    expect(await cli.ok('history', eventId, sessionId)).toBe('No snapshots of this note yet.');
  });

  it('lists the snapshots with time, words and why, and as JSON', async () => {
    await setNote('The first version of the note.');
    await setNote('Rewritten entirely.');
    const table = (await cli.ok('history', eventId, sessionId)).split('\n');
    expect(table[0]).toMatch(/^TAKEN \(UTC\)\s+WORDS\s+WHY\s+ID$/);
    expect(table).toHaveLength(2);
    expect(table[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+6\s+while editing\s+\d{8}t\d{9}z-[a-z0-9]{4}$/);

    const json = JSON.parse(await cli.ok('history', eventId, sessionId, '--json')) as unknown[];
    expect(json).toEqual([{ id: expect.stringMatching(/^\d{8}t/), takenAt: expect.any(String), reason: 'editing', words: 6 }]);
  });

  it('names a session that does not exist, and refuses a malformed id as a usage error', async () => {
    const missing = await cli.run('history', eventId, 'nosuchsession');
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('has no session with id "nosuchsession"') });
    const malformed = await cli.run('history', eventId, '../notes');
    expect(malformed).toMatchObject({ code: 2, stderr: expect.stringContaining('SESSION must be an id') });
  });
});
