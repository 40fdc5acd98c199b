import { readFile } from 'node:fs/promises';
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
