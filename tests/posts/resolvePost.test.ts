import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { image, link, note, paragraph, privateNote, text } from '../export/fixtures/noteBuilders';
import { noteState } from '../helpers/noteStates';
import { createPostLibrary, notePath, PANEL_NOTE_WITH_TK, PHOTO, PRIVATE_TEXT, writeRawNote, type PostLibrary } from './postLibrary';

let library: PostLibrary;
beforeEach(async () => {
  library = await createPostLibrary();
});
afterEach(() => library.cleanup());

const resolve = (day: number | null = 1) => library.services.postResolver.resolve(library.event.id, day);
const messages = async (day: number | null = 1) => (await resolve(day)).attention.map((item) => item.message);

describe('resolving a post', () => {
  it('gives the serializers the covered sessions with their notes, the defaults and the day’s date', async () => {
    const { input, problems } = await resolve();
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ title: 'Web Summit – Day 1 Reflections', byline: 'Posted by Jane Doe', author: 'Jane Doe', date: '2026-11-02', style: 'headings', tags: [] });
    expect(input.sections.map((section) => section.session.title)).toEqual(['Opening keynote', 'Who pays for the data?']);
    expect(JSON.stringify(input.sections[1].note)).toContain('Storage is 40% of budgets');
  });

  it('follows the chosen order and settings, and skips sessions deleted since', async () => {
    const { ids } = library;
    await library.services.posts.save(library.event.id, 1, { sessionIds: [ids.workshop, ids.panel, ids.keynote], title: 'My day', byline: 'By J.', style: 'flowing', intro: noteState('Hi.') });
    await library.services.events.removeSession(library.event.id, ids.workshop);
    const { input } = await resolve();
    expect(input.sections.map((section) => section.session.id)).toEqual([ids.panel, ids.keynote]);
    expect(input).toMatchObject({ title: 'My day', byline: 'By J.', style: 'flowing' });
    expect(JSON.stringify(input.intro)).toContain('Hi.');
  });

  it('dates the whole-event post on the last day', async () => {
    expect((await resolve(null)).input.date).toBe('2026-11-03');
  });

  it('exports the rest when a note is damaged, naming the broken one, and quarantines it', async () => {
    await writeFile(notePath(library.root, library.event.id, library.ids.panel), '{"format":1,"sessionId":');
    const { input, problems, attention } = await resolve();
    expect(input.sections.map((section) => section.note === null)).toEqual([false, true]);
    expect(problems).toEqual([expect.stringMatching(/^The note for "Who pays for the data\?" could not be read .* “Who pays for the data\?” is exported without its note\.$/)]);
    expect(attention.some((item) => item.kind === 'empty-note')).toBe(false);
    expect(await readdir(join(library.root, 'quarantine', library.event.id))).toHaveLength(1);
  });
});

describe('what needs attention before export', () => {
  it('lists TK markers, speakers without a role and nothing from private notes', async () => {
    await library.services.notes.save(library.event.id, library.ids.panel, PANEL_NOTE_WITH_TK);
    const found = await messages();
    expect(found).toContain('“Who pays for the data?” still has a TK marker to check.');
    expect(found).toContain('“Who pays for the data?”: Sam Moderator has no role.');
    expect(found.join('\n')).not.toContain('Opening keynote” still has');
    expect(found.join('\n')).not.toContain(PRIVATE_TEXT);
  });

  it('lists covered sessions with empty notes', async () => {
    await rm(notePath(library.root, library.event.id, library.ids.panel));
    expect(await messages()).toContain('“Who pays for the data?” is marked covered but its note is empty.');
    await library.services.notes.save(library.event.id, library.ids.panel, note(privateNote(paragraph(text('only for me')))));
    expect(await messages()).toContain('“Who pays for the data?” is marked covered but its note is empty.');
  });

  it('lists links in the stored note that the export will drop', async () => {
    await writeRawNote(library.root, library.event.id, library.ids.panel, note(paragraph(link('javascript:alert(1)', 'click'), text(' and '), link('ftp://files.example/x', 'files'))));
    const found = await messages();
    expect(found).toContain('“Who pays for the data?” links to “javascript:alert(1)”, which is not an http(s) or mailto address; the post keeps the text without the link.');
    expect(found).toContain('“Who pays for the data?” links to “ftp://files.example/x”, which is not an http(s) or mailto address; the post keeps the text without the link.');
  });

  it('lists photos missing from the assets folder, and photos from outside it', async () => {
    expect((await resolve()).attention.filter((item) => item.kind === 'missing-image')).toEqual([]);
    await rm(join(library.root, 'events', library.event.id, PHOTO));
    await writeRawNote(library.root, library.event.id, library.ids.panel, note(image('../../../etc/passwd', 'x', 'A caption'), paragraph(text('Text.'))));
    const found = await messages();
    expect(found).toContain(`“Opening keynote” shows the photo ${PHOTO}, which is missing from the event's assets folder.`);
    expect(found).toContain("“Who pays for the data?” has a photo (../../../etc/passwd) outside the event's assets folder; the post leaves it out.");
  });

  it('checks the intro and closing too', async () => {
    await library.services.posts.save(library.event.id, 1, { intro: noteState('TK: add the venue'), closing: noteState('TK TK') });
    const found = await messages();
    expect(found).toContain('The intro still has a TK marker to check.');
    expect(found).toContain('The closing still has 2 TK markers to check.');
  });

  it('once sessions are picked by hand, names covered sessions left out', async () => {
    expect((await resolve()).attention.some((item) => item.kind === 'covered-not-included')).toBe(false);
    await library.services.posts.save(library.event.id, 1, { sessionIds: [library.ids.keynote] });
    const left = (await resolve()).attention.filter((item) => item.kind === 'covered-not-included');
    expect(left).toEqual([{ kind: 'covered-not-included', sessionId: library.ids.panel, message: '“Who pays for the data?” is marked covered but is not in the post.' }]);
  });
});
