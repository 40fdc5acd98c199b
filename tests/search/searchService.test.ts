import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../electron/services/createServices';
import type { SearchResults, SearchSnippet } from '../../shared/model/search';
import { noteState } from '../helpers/noteStates';
import { createEventWithSessions, createFakePreferenceBackend, createTempLibrary, eventDraft, type TempLibrary } from '../helpers/tempLibrary';

/** Every highlighted piece of text, per field, as a reader sees it. */
function highlights(results: SearchResults): string[] {
  const marked = (snippet: SearchSnippet) => snippet.ranges.map(([start, end]) => `${snippet.field}:${snippet.text.slice(start, end)}`);
  return results.groups.flatMap((group) => group.hits.flatMap((hit) => hit.snippets.flatMap(marked)));
}

const titles = (results: SearchResults) => results.groups.flatMap((group) => group.hits.map((hit) => hit.title));

describe('search across the library', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await createTempLibrary();
  });
  afterEach(() => library.cleanup());

  async function twoEvents() {
    const { services } = library;
    const summit = await createEventWithSessions(services, [
      { day: 1, start: '09:00', title: 'Opening keynote', room: 'Main Stage', speakers: [{ name: 'Tomás Herrera', role: 'Maintainer', organisation: 'OpenRail' }] },
      { day: 1, start: '10:00', title: 'Funding panel', room: 'Hall G' },
    ]);
    const camp = await createEventWithSessions(services, [{ day: 1, start: '11:00', title: 'Sovereign cloud workshop', room: 'Room 2' }], eventDraft({ title: 'Cloud Camp' }));
    const [keynote, panel] = summit.sessions;
    await services.notes.save(summit.id, keynote.id, noteState('We moved to the cloud to stop waiting.', 'The cloud bill arrived TK.'));
    await services.notes.save(summit.id, panel.id, noteState('Funders want audits before incidents.'));
    return { summit, camp, keynote, panel };
  }

  it('finds words in notes, titles, speakers and rooms, grouped by event, with each match marked', async () => {
    const { summit, camp } = await twoEvents();
    const results = await library.services.search.query('cloud');
    expect(results.total).toBe(2);
    expect(results.groups.map((group) => group.eventTitle).sort()).toEqual(['Cloud Camp', 'Web Summit']);
    const summitGroup = results.groups.find((group) => group.eventId === summit.id)!;
    expect(summitGroup.hits.map((hit) => hit.title)).toEqual(['Opening keynote']);
    expect(results.groups.find((group) => group.eventId === camp.id)!.hits[0]).toMatchObject({ title: 'Sovereign cloud workshop', day: 1, start: '11:00', room: 'Room 2' });
    expect(highlights(results).sort()).toEqual(['note:cloud', 'note:cloud', 'title:cloud']);

    expect(titles(await library.services.search.query('tomas'))).toEqual(['Opening keynote']);
    expect(highlights(await library.services.search.query('OpenRail'))).toEqual(['speakers:OpenRail']);
    expect(titles(await library.services.search.query('hall g'))).toEqual(['Funding panel']);
  });

  it('matches every word, the start of longer words, and ignores case and accents', async () => {
    await twoEvents();
    const { search } = library.services;
    expect(titles(await search.query('KEYN'))).toEqual(['Opening keynote']);
    expect(titles(await search.query('audits incidents'))).toEqual(['Funding panel']);
    expect(titles(await search.query('audits cloud'))).toEqual([]);
    expect((await search.query('   ')).total).toBe(0);
    // Two letters match whole words only, so a short query does not flood the results.
    expect(titles(await search.query('st'))).toEqual([]);
  });

  it('says where in the note a match is, so the editor can select it', async () => {
    const { services } = library;
    const [talk] = (await createEventWithSessions(services, [{ day: 1, start: '09:00', title: 'Talk' }])).sessions;
    const event = (await services.events.list()).events[0];
    await services.notes.save(event.id, talk.id, noteState('Soundcloud links first.', 'Then the Cloud arrived.'));
    const [hit] = (await services.search.query('cloud')).groups[0].hits;
    const [snippet] = hit.snippets;
    expect(snippet).toMatchObject({ field: 'note', matchText: 'Cloud', occurrence: 1, clippedStart: false, clippedEnd: false });
    expect(snippet.text.slice(...snippet.ranges[0])).toBe('Cloud');
    // "Soundcloud" is not a match, but it holds the text once before: the editor counts the same way.
    expect(snippet.text).toBe('Soundcloud links first. Then the Cloud arrived.');
  });

  it('cuts long notes into short snippets around the matches', async () => {
    const { services } = library;
    const event = await createEventWithSessions(services, [{ day: 1, start: '09:00', title: 'Talk' }]);
    const filler = 'word '.repeat(200);
    await services.notes.save(event.id, event.sessions[0].id, noteState(`${filler}the needle is here ${filler}`));
    const [snippet] = (await services.search.query('needle')).groups[0].hits[0].snippets;
    expect(snippet.text.length).toBeLessThan(200);
    expect(snippet).toMatchObject({ clippedStart: true, clippedEnd: true, occurrence: 0 });
    expect(snippet.offset + snippet.ranges[0][0]).toBe(filler.length + 'the '.length);
  });

  it('stays current after saves, renames and deletions in this process', async () => {
    const { summit, keynote, panel } = await twoEvents();
    const { services } = library;
    expect(titles(await services.search.query('waiting'))).toEqual(['Opening keynote']);

    await services.notes.save(summit.id, keynote.id, noteState('Rewritten: platform teams own the paved road.'));
    expect(titles(await services.search.query('waiting'))).toEqual([]);
    expect(titles(await services.search.query('paved road'))).toEqual(['Opening keynote']);

    await services.events.updateSession(summit.id, panel.id, { title: 'Money for maintainers' });
    expect(titles(await services.search.query('maintainers'))).toEqual(['Money for maintainers']);
    expect(titles(await services.search.query('funding'))).toEqual([]);

    const { removed } = await services.events.removeSession(summit.id, keynote.id);
    await services.notes.moveToTrash(summit.id, removed);
    expect(titles(await services.search.query('paved'))).toEqual([]);

    await services.events.delete(summit.id);
    expect(titles(await services.search.query('maintainers'))).toEqual([]);
    expect(titles(await services.search.query('cloud'))).toEqual(['Sovereign cloud workshop']);
  });

  it('picks up notes written by another program (the CLI) on a later query', async () => {
    const { summit, panel } = await twoEvents();
    expect(titles(await library.services.search.query('reproducible'))).toEqual([]);
    const otherProcess = createServices({ libraryPath: library.root, preferences: createFakePreferenceBackend() });
    await otherProcess.notes.save(summit.id, panel.id, noteState('Reproducible builds came up twice.'));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 5000);
      // The first query after a while re-checks the files in the background; the next one sees the change.
      await library.services.search.query('reproducible');
      await vi.waitFor(async () => expect(titles(await library.services.search.query('reproducible'))).toEqual(['Funding panel']));
    } finally {
      vi.useRealTimers();
    }
  });

  it('skips a damaged note file instead of failing the search', async () => {
    const { summit, keynote } = await twoEvents();
    await writeFile(library.services.paths.noteFile(summit.id, keynote.id), '{"format": 1, "oops"');
    const results = await library.services.search.query('cloud');
    expect(titles(results)).toEqual(['Sovereign cloud workshop']);
  });
});

describe('note statistics', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await createTempLibrary();
  });
  afterEach(() => library.cleanup());

  it('counts words and TK markers per session, and follows saves', async () => {
    const { services } = library;
    const event = await createEventWithSessions(services, [
      { day: 1, start: '09:00', title: 'Written' },
      { day: 1, start: '10:00', title: 'Empty' },
    ]);
    const [written, empty] = event.sessions;
    await services.notes.save(event.id, written.id, noteState('Four words right here.', 'Revenue TK, growth (TK).'));
    expect(await services.search.stats(event.id)).toEqual({ [written.id]: { words: 8, tk: 2 }, [empty.id]: { words: 0, tk: 0 } });

    await services.notes.save(event.id, written.id, noteState('Two words.'));
    expect((await services.search.stats(event.id))[written.id]).toEqual({ words: 2, tk: 0 });
  });

  it('names an unknown event', async () => {
    await expect(library.services.search.stats('no-such-event')).rejects.toThrow(/no event with id "no-such-event"/);
  });
});
