import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/createServices';
import { createCliFixture, type CliFixture } from '../cli/cliFixture';
import { createFakePreferenceBackend } from '../helpers/tempLibrary';

let cli: CliFixture;
let eventId: string;

beforeEach(async () => {
  cli = await createCliFixture();
  eventId = await cli.createEvent();
});
afterEach(async () => {
  await cli.cleanup();
});

describe('hallnotes trash', () => {
  it('lists a deleted event, restores it by the listed id, and says so', async () => {
    expect(await cli.ok('trash', 'list')).toBe('The trash is empty.');
    await createServices({ libraryPath: cli.library, preferences: createFakePreferenceBackend() }).events.delete(eventId);

    const listing = (await cli.ok('trash', 'list')).split('\n');
    expect(listing[0]).toMatch(/^DELETED \(UTC\)\s+KIND\s+TITLE\s+DETAIL\s+ID$/);
    expect(listing[1]).toMatch(/event\s+Web Summit 2026\s+0 session\(s\)\s+events\/\S+$/);
    const [entry] = JSON.parse(await cli.ok('trash', 'list', '--json')) as { id: string }[];

    expect(await cli.ok('trash', 'restore', entry.id)).toBe(`Put event "Web Summit 2026" (${eventId}) back.`);
    expect(await cli.ok('event', 'list')).toContain(eventId);
    expect(await cli.run('trash', 'restore', entry.id)).toMatchObject({ code: 1, stderr: expect.stringContaining('may have been restored or emptied already') });
  });

  it('empties the trash and refuses an id that is not one of its entries', async () => {
    expect(await cli.ok('trash', 'empty')).toBe('The trash was already empty.');
    expect(await cli.run('trash', 'restore', '../events/x')).toMatchObject({ code: 2, stderr: expect.stringContaining('ID must be an id printed by "hallnotes trash list"') });
    expect(await cli.run('trash', 'restore')).toMatchObject({ code: 2, stderr: expect.stringContaining('missing ID') });
  });
});
