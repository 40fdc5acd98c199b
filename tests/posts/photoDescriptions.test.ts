import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelHandlers } from '../../electron/services/ipc/channelHandlers';
import { dispatchChannel } from '../../electron/services/ipc/dispatchChannel';
import { image, note, paragraph, text } from '../export/fixtures/noteBuilders';
import { createPostLibrary, notePath, PHOTO, type PostLibrary } from './postLibrary';

let library: PostLibrary;
beforeEach(async () => {
  library = await createPostLibrary();
  await library.services.notes.save(
    library.event.id,
    library.ids.panel,
    note(paragraph(text('The panel, in one picture:')), image(PHOTO, '', ''), paragraph(text('Storage is 40% of budgets.')), image(PHOTO, '', '')),
  );
});
afterEach(() => library.cleanup());

const attention = async () => (await library.services.postResolver.resolve(library.event.id, 1)).attention;
const describePhoto = (argument: Record<string, unknown>) =>
  dispatchChannel(createChannelHandlers(library.services, { onFlushComplete: () => undefined }), 'posts:describe-photo', { eventId: library.event.id, ...argument });

describe('a photo without a description', () => {
  it('is listed once per photo of a session, with the photo, so the reporter can describe it there', async () => {
    const items = (await attention()).filter((item) => item.kind === 'photo-without-description');
    expect(items).toEqual([
      {
        kind: 'photo-without-description',
        sessionId: library.ids.panel,
        photo: { src: PHOTO },
        message: '“Who pays for the data?” has a photo with no description or caption: readers who cannot see it get nothing.',
      },
    ]);
  });

  it('is not listed when it has a caption (the caption is its alt text) or a description', async () => {
    await library.services.notes.save(library.event.id, library.ids.panel, note(image(PHOTO, '', 'The panel on stage'), image(PHOTO, 'Four people on a stage', '')));
    expect((await attention()).filter((item) => item.kind === 'photo-without-description')).toEqual([]);
  });

  it('is described from the post: the note keeps every word, each use of the photo gets the text, and the export carries it', async () => {
    const result = await describePhoto({ sessionId: library.ids.panel, src: PHOTO, alt: '  Four panellists on a stage,\nlaughing ' });
    expect(result).toEqual({ ok: true, value: { described: 2 } });
    const stored = JSON.parse(await readFile(notePath(library.root, library.event.id, library.ids.panel), 'utf8'));
    expect(stored.editorState.root.children.map((node: { type: string; alt?: string }) => (node.type === 'image' ? node.alt : node.type))).toEqual([
      'paragraph',
      'Four panellists on a stage, laughing',
      'paragraph',
      'Four panellists on a stage, laughing',
    ]);
    expect(JSON.stringify(stored)).toContain('Storage is 40% of budgets.');
    expect((await attention()).some((item) => item.kind === 'photo-without-description')).toBe(false);
    const exported = await library.services.exporter.render(library.event.id, 1, { format: 'html', fragment: true, frontMatter: false });
    expect(exported).toMatchObject({ status: 'rendered' });
    expect(exported.status === 'rendered' && exported.text).toContain(`<img src="${PHOTO}" alt="Four panellists on a stage, laughing">`);
  });

  it('keeps a description already given to another use of the same photo', async () => {
    await library.services.notes.save(library.event.id, library.ids.panel, note(image(PHOTO, 'Taken from the back', ''), image(PHOTO, '', '')));
    expect(await describePhoto({ sessionId: library.ids.panel, src: PHOTO, alt: 'The panel' })).toEqual({ ok: true, value: { described: 1 } });
    const stored = JSON.parse(await readFile(notePath(library.root, library.event.id, library.ids.panel), 'utf8'));
    expect(stored.editorState.root.children.map((node: { alt: string }) => node.alt)).toEqual(['Taken from the back', 'The panel']);
  });

  it('says clearly what is wrong and changes nothing: no text, a photo the note no longer shows, an unknown session', async () => {
    const before = await readFile(notePath(library.root, library.event.id, library.ids.panel), 'utf8');
    expect(await describePhoto({ sessionId: library.ids.panel, src: PHOTO, alt: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('alt must not be empty') } });
    expect(await describePhoto({ sessionId: library.ids.keynote, src: `assets/${'f'.repeat(64)}.jpg`, alt: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `The note for “Opening keynote” no longer shows the photo assets/${'f'.repeat(64)}.jpg; open the note to check it.` },
    });
    expect(await describePhoto({ sessionId: 'nosuchsession', src: PHOTO, alt: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await readFile(notePath(library.root, library.event.id, library.ids.panel), 'utf8')).toBe(before);
  });
});

describe('a photo in the intro or closing without a description', () => {
  const postPath = () => join(library.root, 'events', library.event.id, 'posts', 'day-1.json');
  beforeEach(async () => {
    await library.services.posts.save(library.event.id, 1, {
      title: 'Day one, seen from the back row',
      intro: note(paragraph(text('Day one, in one picture:')), image(PHOTO, '', '')),
      closing: note(image(PHOTO, '', ''), paragraph(text('See you tomorrow.'))),
    });
  });

  it('gets the same Alt text prompt as a session photo, naming where it is, and no advice to write a caption instead', async () => {
    const items = (await attention()).filter((item) => item.kind === 'photo-without-description' && item.sessionId === null);
    expect(items).toEqual([
      { kind: 'photo-without-description', sessionId: null, photo: { src: PHOTO, part: 'intro' }, message: 'The intro has a photo with no description or caption: readers who cannot see it get nothing.' },
      { kind: 'photo-without-description', sessionId: null, photo: { src: PHOTO, part: 'closing' }, message: 'The closing has a photo with no description or caption: readers who cannot see it get nothing.' },
    ]);
  });

  it('is described from the post: only that part changes, the post keeps its other words and settings, and the export carries the text', async () => {
    expect(await describePhoto({ day: 1, part: 'intro', src: PHOTO, alt: ' The hall \n from the back row ' })).toEqual({ ok: true, value: { described: 1 } });
    const stored = JSON.parse(await readFile(postPath(), 'utf8'));
    expect(stored.title).toBe('Day one, seen from the back row');
    expect(stored.intro.root.children[1]).toMatchObject({ type: 'image', src: PHOTO, alt: 'The hall from the back row' });
    expect(JSON.stringify(stored.intro)).toContain('Day one, in one picture:');
    expect(stored.closing.root.children[0]).toMatchObject({ type: 'image', alt: '' });
    expect((await attention()).filter((item) => item.kind === 'photo-without-description' && item.sessionId === null).map((item) => item.photo)).toEqual([{ src: PHOTO, part: 'closing' }]);
    const exported = await library.services.exporter.render(library.event.id, 1, { format: 'html', fragment: true, frontMatter: false });
    expect(exported.status === 'rendered' && exported.text).toContain(`<img src="${PHOTO}" alt="The hall from the back row">`);
  });

  it('describes the whole event’s closing as well as a day’s', async () => {
    await library.services.posts.save(library.event.id, null, { closing: note(image(PHOTO, '', '')) });
    expect(await describePhoto({ day: null, part: 'closing', src: PHOTO, alt: 'The empty hall' })).toEqual({ ok: true, value: { described: 1 } });
    expect((await library.services.posts.get(library.event.id, null)).closing?.root.children[0]).toMatchObject({ alt: 'The empty hall' });
  });

  it('says clearly what is wrong and changes nothing: a part that no longer shows the photo, a day the event lacks, both a session and a part, neither', async () => {
    const before = await readFile(postPath(), 'utf8');
    expect(await describePhoto({ day: 2, part: 'intro', src: PHOTO, alt: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: `The intro of the post for Day 2 no longer shows the photo ${PHOTO}; look at the intro to check it.` },
    });
    expect(await describePhoto({ day: 5, part: 'intro', src: PHOTO, alt: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('there is no Day 5') } });
    expect(await describePhoto({ sessionId: library.ids.panel, day: 1, part: 'intro', src: PHOTO, alt: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('either a session, or the post’s day and part') },
    });
    expect(await describePhoto({ src: PHOTO, alt: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await readFile(postPath(), 'utf8')).toBe(before);
  });
});
