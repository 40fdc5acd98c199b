import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkNode, noteState } from '../helpers/noteStates';
import { createPostLibrary, notePath, type PostLibrary } from './postLibrary';

let library: PostLibrary;
beforeEach(async () => {
  library = await createPostLibrary();
});
afterEach(() => library.cleanup());

const postFile = (day: string) => join(library.root, 'events', library.event.id, 'posts', day);

describe('a post before anything is saved', () => {
  it('defaults to the event title and day, the event author and the covered sessions in programme order', async () => {
    const post = await library.services.posts.get(library.event.id, 1);
    expect(post.defaults).toEqual({
      title: 'Web Summit – Day 1 Reflections',
      byline: 'Posted by Jane Doe',
      sessionIds: [library.ids.keynote, library.ids.panel],
    });
    expect(post.settings).toEqual({ title: '', byline: '', tags: [], sessionIds: null, style: 'headings' });
    expect(post.savedAt).toBeNull();
  });

  it('has a whole-event post covering every day', async () => {
    const post = await library.services.posts.get(library.event.id, null);
    expect(post.defaults.title).toBe('Web Summit – Reflections');
    expect(post.defaults.sessionIds).toEqual([library.ids.keynote, library.ids.panel, library.ids.dayTwo]);
  });

  it('refuses a day the event does not have', async () => {
    await expect(library.services.posts.get(library.event.id, 3)).rejects.toThrow('"Web Summit" has 2 days; there is no Day 3');
  });
});

describe('saving a post', () => {
  it('writes only the post file: event.json and the notes are left alone', async () => {
    const eventFile = join(library.root, 'events', library.event.id, 'event.json');
    const keynoteNote = notePath(library.root, library.event.id, library.ids.keynote);
    const before = await Promise.all([readFile(eventFile, 'utf8'), stat(eventFile), readFile(keynoteNote, 'utf8'), stat(keynoteNote)]);

    await library.services.posts.save(library.event.id, 1, { title: 'Day one, told', intro: noteState('Hello from Lisbon.') });

    const after = await Promise.all([readFile(eventFile, 'utf8'), stat(eventFile), readFile(keynoteNote, 'utf8'), stat(keynoteNote)]);
    expect(after[0]).toBe(before[0]);
    expect(after[1].mtimeMs).toBe(before[1].mtimeMs);
    expect(after[2]).toBe(before[2]);
    expect(after[3].mtimeMs).toBe(before[3].mtimeMs);
    expect(await readdir(join(library.root, 'events', library.event.id, 'posts'))).toEqual(['day-1.json']);
  });

  it('merges changes, so the settings form and the intro editor saving at once lose nothing', async () => {
    const { posts } = library.services;
    await Promise.all([
      posts.save(library.event.id, 1, { title: 'Day one, told' }),
      posts.save(library.event.id, 1, { intro: noteState('Hello from Lisbon.') }),
      posts.save(library.event.id, 1, { tags: ['cloud', ' data '], style: 'flowing' }),
      posts.save(library.event.id, 1, { closing: noteState('See you tomorrow.') }),
    ]);
    const post = await posts.get(library.event.id, 1);
    expect(post.settings).toMatchObject({ title: 'Day one, told', tags: ['cloud', 'data'], style: 'flowing' });
    expect(JSON.stringify(post.intro)).toContain('Hello from Lisbon.');
    expect(JSON.stringify(post.closing)).toContain('See you tomorrow.');
  });

  it('keeps days apart and the whole-event post in its own file', async () => {
    const { posts } = library.services;
    await posts.save(library.event.id, 1, { title: 'One' });
    await posts.save(library.event.id, 2, { title: 'Two' });
    await posts.save(library.event.id, null, { title: 'All' });
    expect((await readdir(join(library.root, 'events', library.event.id, 'posts'))).sort()).toEqual(['day-1.json', 'day-2.json', 'whole-event.json']);
    expect((await posts.get(library.event.id, 2)).settings.title).toBe('Two');
  });

  it('stores a chosen order of sessions, and goes back to the default with null', async () => {
    const { posts } = library.services;
    const { ids } = library;
    const saved = await posts.save(library.event.id, 1, { sessionIds: [ids.panel, ids.workshop, ids.keynote] });
    expect(saved.post.settings.sessionIds).toEqual([ids.panel, ids.workshop, ids.keynote]);
    const reset = await posts.save(library.event.id, 1, { sessionIds: null });
    expect(reset.post.settings.sessionIds).toBeNull();
  });

  it('follows a renamed event while the title is left at its default', async () => {
    await library.services.posts.save(library.event.id, 1, { tags: ['x'] });
    await library.services.events.update(library.event.id, { title: 'Web Summit Lisbon' });
    expect((await library.services.posts.get(library.event.id, 1)).defaults.title).toBe('Web Summit Lisbon – Day 1 Reflections');
  });

  it('refuses sessions from another day, unknown ids and repeats, naming them', async () => {
    const { posts } = library.services;
    const { ids } = library;
    await expect(posts.save(library.event.id, 1, { sessionIds: [ids.dayTwo] })).rejects.toThrow(`no session "${ids.dayTwo}" on Day 1`);
    await expect(posts.save(library.event.id, 1, { sessionIds: ['s-gone'] })).rejects.toThrow('no session "s-gone"');
    await expect(posts.save(library.event.id, 1, { sessionIds: [ids.panel, ids.panel] })).rejects.toThrow('listed twice');
    await expect(posts.save(library.event.id, 1, { title: 'x'.repeat(301) })).rejects.toThrow('title must be at most 300 characters');
  });

  it('unwraps unsafe links in the intro, as it does in notes', async () => {
    const { post } = await library.services.posts.save(library.event.id, 1, { intro: noteState([linkNode('javascript:alert(1)', 'click me')]) });
    expect(JSON.stringify(post.intro)).not.toContain('javascript:');
    expect(JSON.stringify(post.intro)).toContain('click me');
  });
});

describe('a damaged post file', () => {
  it('is moved to quarantine with a message naming the post, and the post starts over from its defaults', async () => {
    await library.services.posts.save(library.event.id, 1, { title: 'Mine' });
    await writeFile(postFile('day-1.json'), '{"format": 1, "day": 1, "tit');
    await expect(library.services.posts.get(library.event.id, 1)).rejects.toThrow(/The post for Day 1 of "Web Summit" could not be read \(the file is not valid JSON.*moved to .*quarantine/);
    expect(await readdir(join(library.root, 'quarantine', library.event.id))).toEqual([expect.stringMatching(/day-1\.json$/)]);
    expect((await library.services.posts.get(library.event.id, 1)).settings.title).toBe('');
  });

  it('from a newer Hallnotes is refused and left untouched', async () => {
    await library.services.posts.save(library.event.id, 1, { title: 'Mine' });
    const newer = JSON.stringify({ format: 2, day: 1, whatever: true });
    await writeFile(postFile('day-1.json'), newer);
    await expect(library.services.posts.get(library.event.id, 1)).rejects.toThrow('newer version of Hallnotes');
    expect(await readFile(postFile('day-1.json'), 'utf8')).toBe(newer);
  });
});
