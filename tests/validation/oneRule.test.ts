import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markdownToNoteState } from '../../electron/services/notes/markdownNotes';
import { readProgrammeFile } from '../../renderer/features/import/readProgrammeFile';
import { AS_STORED, noteToBlocks } from '../../shared/export/noteToBlocks';
import { MAX_PROGRAMME_BYTES } from '../../shared/model/importSummary';
import { isAssetSrc } from '../../shared/note/assetPath';
import { createCliFixture, type CliFixture } from '../cli/cliFixture';
import { image, note } from '../export/fixtures/noteBuilders';
import { createEventWithSessions, createTempLibrary, eventDraft, type TempLibrary } from '../helpers/tempLibrary';

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
    const shown = noteToBlocks(note(image(src, 'alt', '')), AS_STORED).some((block) => block.kind === 'image');
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

describe('the size in messages', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await createTempLibrary();
  });
  afterEach(() => library.cleanup());

  it('is written the same way by the photo store, the Markdown reader and the programme picker', async () => {
    const event = await createEventWithSessions(library.services, [], eventDraft());
    const photo = Buffer.alloc(26 * 1024 * 1024);
    const stored = library.services.assets.store({ eventId: event.id, fileName: 'slide.png', dataBase64: photo.toString('base64') });
    await expect(stored).rejects.toThrow('"slide.png" is 26 MB; a photo can be at most 25 MB.');

    expect(() => markdownToNoteState('a'.repeat(10 * 1024 * 1024 + 1))).toThrow('The Markdown is 10.1 MB; a note can be made from at most 10 MB.');

    const programme = new File([new Uint8Array(MAX_PROGRAMME_BYTES + 1)], 'schedule.xml');
    expect(await readProgrammeFile(programme)).toEqual({ ok: false, message: 'schedule.xml: the file is 20.1 MB; a programme file may be at most 20 MB.' });
  });
});
