import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noteToBlocks } from '../../shared/export/noteToBlocks';
import { isAssetSrc } from '../../shared/note/assetPath';
import { createCliFixture, type CliFixture } from '../cli/cliFixture';
import { image, note } from '../export/fixtures/noteBuilders';

/** Rules stated once and imported everywhere they apply; each test shows two places agreeing. */

describe('the photo path rule', () => {
  const HASH = 'ab'.repeat(32);
  it.each([
    [`assets/${HASH}.jpg`],
    [`assets/${HASH}.png`],
    ['assets/slide.svg'],
    ['assets/notes/slide.html'],
    [`assets/${HASH}.jpg.html`],
    [`assets/${HASH.toUpperCase()}.jpg`],
    ['assets/..'],
    [`assets/x/../${HASH}.jpg`],
  ])('the export shows %s exactly when the note model accepts it as a stored photo', (src) => {
    const shown = noteToBlocks(note(image(src, 'alt', '')), { headingShift: 0 }).some((block) => block.kind === 'image');
    expect(shown).toBe(isAssetSrc(src));
  });
});

describe('the one-line text rule', () => {
  let cli: CliFixture;
  beforeEach(async () => {
    cli = await createCliFixture();
  });
  afterEach(() => cli.cleanup());

  it('cleans a typed title and an imported title the same way', async () => {
    // Direction overrides, a C1 control, a bell and a byte-order mark: invisible, or worse, reordering what is shown.
    const raw = 'Cloud \u202egnitupmoc\u202c costs\u0085 today\u0007\ufeff';
    const typedEvent = await cli.createEvent();
    await cli.ok('session', 'add', typedEvent, '--day', '1', '--start', '09:00', '--title', raw, '--status', 'covered');
    const typedHeading = (await cli.ok('export', typedEvent, '--day', '1', '--format', 'markdown')).split('\n').find((line) => line.startsWith('## '));

    await writeFile(join(cli.root, 'programme.csv'), `date,start,end,title,speakers,room,kind\n2026-11-10,09:00,09:45,"${raw}",,Hall A,keynote\n`);
    await cli.ok('import', 'programme.csv', '--timezone', 'Europe/Lisbon');
    const events = JSON.parse(await cli.ok('event', 'list', '--json')) as { id: string; title: string }[];
    const imported = events.find((event) => event.id !== typedEvent)!;
    const [importedSession] = JSON.parse(await cli.ok('session', 'list', imported.id, '--json')) as { title: string }[];

    expect(importedSession.title).toBe('Cloud gnitupmoc costs today');
    expect(typedHeading).toBe(`## ${importedSession.title}`);
  });
});
