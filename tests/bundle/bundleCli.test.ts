import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliFixture, type CliFixture } from '../cli/cliFixture';

const PROGRAMME = fileURLToPath(new URL('../fixtures/schedules/kielux_2020.ics', import.meta.url));
let ada: CliFixture;
let ben: CliFixture;

beforeEach(async () => {
  ada = await createCliFixture();
  ben = await createCliFixture();
});
afterEach(async () => {
  await ada.cleanup();
  await ben.cleanup();
});

async function importedEvent(cli: CliFixture): Promise<{ eventId: string; sessions: { id: string; title: string }[] }> {
  const summary = JSON.parse(await cli.ok('import', PROGRAMME, '--json'));
  return { eventId: summary.eventId, sessions: JSON.parse(await cli.ok('session', 'list', summary.eventId, '--json')) };
}

describe('hallnotes bundle', () => {
  it('exports one library’s event and imports it into another’s copy of the same programme, with a dry run first', async () => {
    const atBen = await importedEvent(ben);
    const atAda = await importedEvent(ada);
    await ben.runWith({ stdin: '# Ben was here\n\nThe room was full.\n' }, 'note', 'set', atBen.eventId, atBen.sessions[2].id, '--from', '-');
    const out = join(ben.root, 'ben.hallnotes');
    const exported = await ben.run('bundle', 'export', atBen.eventId, '--out', out);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/^Wrote .*ben\.hallnotes \([\d.]+ MB\): \d+ sessions, 1 notes, 0 photos; private notes left out\.\n$/);

    const dry = await ada.run('bundle', 'import', out, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Would import ${out} (“18. Kieler Open Source und Linux Tage”, exported by`);
    expect(dry.stdout).toContain(`into “18. Kieler Open Source und Linux Tage” (${atAda.eventId}), matched by its programme.`);
    expect(dry.stdout).toContain(`Notes added: “${atAda.sessions[2].title}”`);
    expect((await ada.run('note', 'get', atAda.eventId, atAda.sessions[2].id)).stdout).toBe('');

    const imported = JSON.parse(await ada.ok('bundle', 'import', out, '--json'));
    expect(imported).toMatchObject({ eventId: atAda.eventId, dryRun: false, target: { kind: 'same-event', matchedBy: 'programme' } });
    expect(await ada.ok('note', 'get', atAda.eventId, atAda.sessions[2].id)).toBe('# Ben was here\n\nThe room was full.');
    expect((await ada.run('bundle', 'import', out)).stdout).toContain('Nothing new.');
  });

  it('refuses a bundle of another event into the wrong event, exit status 1, one line saying why', async () => {
    const other = await ben.createEvent();
    const out = join(ben.root, 'other.hallnotes');
    await ben.ok('bundle', 'export', other, '--out', out);
    const { eventId } = await importedEvent(ada);
    const refused = await ada.run('bundle', 'import', out, '--event', eventId);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^hallnotes: This bundle holds "Web Summit 2026" \(web-summit-2026-[a-z0-9]+\), another event than "18\. Kieler Open Source und Linux Tage" .*nothing was imported\..*\n$/);
  });

  it('a file that is not a bundle is refused by name', async () => {
    const refused = await ada.run('bundle', 'import', PROGRAMME);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`hallnotes: The bundle ${PROGRAMME} is not a zip file, or it is cut short (truncated); nothing was imported.\n`);
  });

  it('says what is missing from the command line (exit status 2)', async () => {
    const missing = await ada.run('bundle', 'export', 'some-event');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing required option --out');
    expect((await ada.run('bundle', '--help')).stdout).toContain('Private notes are left out unless --include-private');
  });
});
