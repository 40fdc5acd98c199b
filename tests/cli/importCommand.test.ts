import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliFixture, type CliFixture } from './cliFixture';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'schedules');

describe('hallnotes import', () => {
  let cli: CliFixture;
  beforeEach(async () => {
    cli = await createCliFixture();
  });
  afterEach(() => cli.cleanup());

  it('imports a programme into a new event whose sessions session list shows', async () => {
    const summary = JSON.parse(await cli.ok('import', join(FIXTURES, 'frab-camp2019.json'), '--json'));
    expect(summary).toMatchObject({ created: true, dryRun: false, days: 5, added: 79, updated: 0, timezone: 'Europe/Berlin' });
    const sessions = JSON.parse(await cli.ok('session', 'list', summary.eventId, '--json'));
    expect(sessions).toHaveLength(79);
  });

  it('a dry run reports the plan and writes nothing', async () => {
    const output = await cli.ok('import', join(FIXTURES, 'kielux_2020.ics'), '--dry-run');
    expect(output).toContain('Would import into a new event');
    expect(output).toContain('added 24');
    expect(JSON.parse(await cli.ok('event', 'list', '--json'))).toEqual([]);
  });

  it('re-importing the same programme into its event changes nothing', async () => {
    const { eventId } = JSON.parse(await cli.ok('import', join(FIXTURES, 'pretalx-democon.json'), '--json'));
    const again = JSON.parse(await cli.ok('import', join(FIXTURES, 'pretalx-democon.json'), '--event', eventId, '--json'));
    expect(again).toMatchObject({ created: false, added: 0, updated: 0, flagged: 0, removed: 0, unchanged: 36 });
  });

  it('rejects an invalid programme with one message naming the file, exit 1, and imports nothing', async () => {
    const result = await cli.run('import', join(FIXTURES, 'invalid-example.json'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^hallnotes: invalid-example\.json: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(await cli.ok('event', 'list', '--json'))).toEqual([]);
  });

  it('prints what the file got wrong and which sessions it concerns', async () => {
    const file = join(cli.root, 'agenda.csv');
    await writeFile(file, 'date,start,end,title\n2026-05-10,10:00,09:00,Backwards talk\n');
    const output = await cli.ok('import', file, '--dry-run');
    expect(output).toContain('Check:\n  - These sessions end before they start in the file; they were imported without an end time.\n      "Backwards talk" (2026-05-10 10:00)');
  });

  it('reads no more than a programme file may hold from a device that never ends (/dev/zero)', async () => {
    const result = await cli.run('import', '/dev/zero');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('hallnotes: /dev/zero is larger than 20 MB, the most Hallnotes reads from it; nothing was read.\n');
  });

  it('a dry run without --event says the library already holds the programme, and plans its update instead of a duplicate', async () => {
    const { eventId } = JSON.parse(await cli.ok('import', join(FIXTURES, 'kielux_2020.ics'), '--json'));
    const output = await cli.ok('import', join(FIXTURES, 'kielux_2020.ics'), '--dry-run');
    expect(output).toContain(`The library already holds this programme as event "18. Kieler Open Source und Linux Tage" (${eventId}): 24 of its sessions match, so it is updated instead of imported twice`);
    expect(output).toContain(`Would import into event "18. Kieler Open Source und Linux Tage" (${eventId})`);
    expect(output).toContain('added 0, updated 0, unchanged 24');
    // The import itself does what the dry run said.
    expect(JSON.parse(await cli.ok('import', join(FIXTURES, 'kielux_2020.ics'), '--json'))).toMatchObject({ eventId, created: false, added: 0 });
    expect(JSON.parse(await cli.ok('event', 'list', '--json'))).toHaveLength(1);
  });

  it('imports a second copy only when asked with --new-event', async () => {
    await cli.ok('import', join(FIXTURES, 'kielux_2020.ics'));
    const output = await cli.ok('import', join(FIXTURES, 'kielux_2020.ics'), '--new-event');
    expect(output).toContain('this imports a second copy');
    expect(JSON.parse(await cli.ok('event', 'list', '--json'))).toHaveLength(2);
    expect((await cli.run('import', join(FIXTURES, 'kielux_2020.ics'), '--new-event', '--event', 'abc')).code).toBe(2);
  });

  it('names a missing file', async () => {
    const result = await cli.run('import', join(cli.root, 'nowhere.ics'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nowhere.ics');
  });

  it('treats a missing FILE or a malformed --event as usage errors', async () => {
    expect((await cli.run('import')).code).toBe(2);
    const bad = join(cli.root, 'x.csv');
    await writeFile(bad, 'date,start,end,title\n');
    expect((await cli.run('import', bad, '--event', '../etc')).code).toBe(2);
  });
});
