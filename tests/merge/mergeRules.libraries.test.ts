import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noteStateText } from '../../shared/note/noteText';
import { noteState } from '../helpers/noteStates';
import { handOver, noteText, noteWithPrivate, nthSession, reporterWithProgramme, sessionBySource, writeNote, type Reporter } from '../helpers/teamLibraries';

let ada: Reporter;
let ben: Reporter;

beforeEach(async () => {
  ada = await reporterWithProgramme('Ada Lovelace');
  ben = await reporterWithProgramme('Ben Okafor');
});
afterEach(async () => {
  await ada.cleanup();
  await ben.cleanup();
});

async function benSessionOf(index: number) {
  const adaSession = await nthSession(ada.services, ada.event.id, index);
  return { atAda: adaSession, atBen: await sessionBySource(ben.services, ben.event.id, adaSession.sourceId) };
}

describe('a note only one side changed is taken', () => {
  it('again and again: Ben edits the note Ada took from him, the next bundle brings the edit, her previous version stays in History', async () => {
    const talk = await benSessionOf(4);
    await writeNote(ben.services, ben.event.id, talk.atBen.id, 'First take.');
    await handOver(ben, ada);
    await writeNote(ben.services, ben.event.id, talk.atBen.id, 'First take, with the numbers.');
    const second = await handOver(ben, ada);
    expect(second.report.notesUpdated).toEqual([{ sessionId: talk.atAda.id, sessionTitle: talk.atAda.title, author: 'Ben Okafor' }]);
    expect(second.report.notesBothChanged).toEqual([]);
    expect(await noteText(ada.services, ada.event.id, talk.atAda.id)).toBe('First take, with the numbers.');
    expect(await ada.services.history.list(ada.event.id, talk.atAda.id)).toContainEqual(expect.objectContaining({ reason: 'before-merge' }));
  });

  it('the other way: Ada edits what she took from Ben, and Ben gets her edit without a second version', async () => {
    const talk = await benSessionOf(5);
    await writeNote(ben.services, ben.event.id, talk.atBen.id, 'Ben’s draft.');
    await handOver(ben, ada);
    await writeNote(ada.services, ada.event.id, talk.atAda.id, 'Ben’s draft, tidied by Ada.');
    const back = await handOver(ada, ben);
    expect(back.report.notesUpdated.map((change) => change.author)).toEqual(['Ada Lovelace']);
    expect(await noteText(ben.services, ben.event.id, talk.atBen.id)).toBe('Ben’s draft, tidied by Ada.');
    expect(await ben.services.exchange.incomingVersions(ben.event.id, talk.atBen.id)).toEqual([]);
  });
});

describe('a note both sides changed keeps both until the reporter chooses', () => {
  async function bothWrote() {
    const talk = await benSessionOf(6);
    await writeNote(ada.services, ada.event.id, talk.atAda.id, 'Ada’s notes.');
    await writeNote(ben.services, ben.event.id, talk.atBen.id, 'Ben’s notes.');
    await handOver(ben, ada);
    await handOver(ada, ben);
    return talk;
  }

  it('each side shows its own and has the other’s as a "from <author>" version', async () => {
    const talk = await bothWrote();
    expect(await noteText(ada.services, ada.event.id, talk.atAda.id)).toBe('Ada’s notes.');
    expect(await noteText(ben.services, ben.event.id, talk.atBen.id)).toBe('Ben’s notes.');
    expect((await ada.services.exchange.incomingVersions(ada.event.id, talk.atAda.id)).map((version) => version.author)).toEqual(['Ben Okafor']);
    expect((await ben.services.exchange.incomingVersions(ben.event.id, talk.atBen.id)).map((version) => version.author)).toEqual(['Ada Lovelace']);
    expect(await ada.services.exchange.sessionsWithIncoming(ada.event.id)).toEqual([talk.atAda.id]);
  });

  it('"Use theirs" makes the note theirs (hers goes to History), and the choice reaches the colleague', async () => {
    const talk = await bothWrote();
    const [version] = await ada.services.exchange.incomingVersions(ada.event.id, talk.atAda.id);
    await ada.services.exchange.resolve(ada.event.id, talk.atAda.id, version.versionId, 'theirs');
    expect(await noteText(ada.services, ada.event.id, talk.atAda.id)).toBe('Ben’s notes.');
    expect(await ada.services.exchange.incomingVersions(ada.event.id, talk.atAda.id)).toEqual([]);
    const snapshots = await ada.services.history.list(ada.event.id, talk.atAda.id);
    const before = snapshots.find((snapshot) => snapshot.reason === 'before-merge')!;
    expect(noteStateText((await ada.services.history.get(ada.event.id, talk.atAda.id, before.id)).editorState)).toBe('Ada’s notes.');

    const back = await handOver(ada, ben);
    expect(back.report.notesBothChanged).toEqual([]);
    expect(await noteText(ben.services, ben.event.id, talk.atBen.id)).toBe('Ben’s notes.');
    expect(await ben.services.exchange.incomingVersions(ben.event.id, talk.atBen.id)).toEqual([]);
  });

  it('"Keep mine" sets theirs aside here and, once exchanged, there', async () => {
    const talk = await bothWrote();
    const [version] = await ada.services.exchange.incomingVersions(ada.event.id, talk.atAda.id);
    await ada.services.exchange.resolve(ada.event.id, talk.atAda.id, version.versionId, 'mine');
    expect(await noteText(ada.services, ada.event.id, talk.atAda.id)).toBe('Ada’s notes.');
    const back = await handOver(ada, ben);
    expect(back.report.notesUpdated.map((change) => change.author)).toEqual(['Ada Lovelace']);
    expect(await noteText(ben.services, ben.event.id, talk.atBen.id)).toBe('Ada’s notes.');
    const benHistory = await ben.services.history.list(ben.event.id, talk.atBen.id);
    const kept = benHistory.find((snapshot) => snapshot.reason === 'before-merge')!;
    expect(noteStateText((await ben.services.history.get(ben.event.id, talk.atBen.id, kept.id)).editorState)).toBe('Ben’s notes.');
  });
});

describe('agenda fields merge per field', () => {
  it('Ada’s new room and Ben’s corrected title both arrive; nothing else changes', async () => {
    const talk = await benSessionOf(7);
    await ada.services.events.updateSession(ada.event.id, talk.atAda.id, { room: 'Hall 3 (moved)' });
    await ben.services.events.updateSession(ben.event.id, talk.atBen.id, { title: 'The corrected title' });
    const result = await handOver(ben, ada);
    expect(result.report.sessionsUpdated).toEqual([{ sessionTitle: 'The corrected title', fields: ['title'] }]);
    const merged = (await ada.services.events.get(ada.event.id)).sessions.find((session) => session.id === talk.atAda.id)!;
    expect(merged).toMatchObject({ room: 'Hall 3 (moved)', title: 'The corrected title', start: talk.atAda.start });
  });

  it('the same field changed on both sides: the later change wins and the replaced value is reported', async () => {
    const talk = await benSessionOf(8);
    await ada.services.events.updateSession(ada.event.id, talk.atAda.id, { status: 'covered' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ben.services.events.updateSession(ben.event.id, talk.atBen.id, { status: 'skipped' });
    const atAda = await handOver(ben, ada);
    expect(atAda.report.fieldsReplaced).toEqual([{ sessionTitle: talk.atAda.title, field: 'status', yours: 'covered', theirs: 'skipped' }]);
    expect((await handOver(ada, ben)).report.fieldsReplaced).toEqual([]);
    await ada.services.events.updateSession(ada.event.id, talk.atAda.id, { status: 'live' });
    const result = await handOver(ben, ada);
    expect(result.report.fieldsReplaced).toEqual([]);
    expect((await ada.services.events.get(ada.event.id)).sessions.find((session) => session.id === talk.atAda.id)!.status).toBe('live');
    const back = await handOver(ada, ben);
    expect(back.report.sessionsUpdated).toEqual([{ sessionTitle: talk.atBen.title, fields: ['status'] }]);
  });

  it('at the first exchange, a talk one reporter marked covered stays covered', async () => {
    const talk = await benSessionOf(9);
    await ben.services.events.updateSession(ben.event.id, talk.atBen.id, { status: 'covered' });
    await handOver(ben, ada);
    expect((await ada.services.events.get(ada.event.id)).sessions.find((session) => session.id === talk.atAda.id)!.status).toBe('covered');
    await handOver(ada, ben);
    expect((await ben.services.events.get(ben.event.id)).sessions.find((session) => session.id === talk.atBen.id)!.status).toBe('covered');
  });

  it('a session added by hand arrives with its time, speakers and id', async () => {
    const { session } = await ben.services.events.addSession(ben.event.id, { day: 1, start: '18:30', title: 'Unplanned lightning talks', speakers: [{ name: 'Chris', role: 'Host', organisation: '' }] });
    const result = await handOver(ben, ada);
    expect(result.report.sessionsAdded).toEqual(['Unplanned lightning talks']);
    expect((await ada.services.events.get(ada.event.id)).sessions).toContainEqual({ ...session });
  });
});

describe('deletions never delete the other side’s notes', () => {
  it('a session Ada deleted stays at Ben’s, with his note, and comes back to Ada with it', async () => {
    const talk = await benSessionOf(10);
    await handOver(ben, ada);
    await handOver(ada, ben);
    const { removed } = await ada.services.events.removeSession(ada.event.id, talk.atAda.id);
    await ada.services.notes.moveToTrash(ada.event.id, removed);
    await writeNote(ben.services, ben.event.id, talk.atBen.id, 'Ben was there.');
    const atBen = await handOver(ada, ben);
    expect(atBen.report.sessionsKept).toEqual([talk.atBen.title]);
    expect(await noteText(ben.services, ben.event.id, talk.atBen.id)).toBe('Ben was there.');
    const atAda = await handOver(ben, ada);
    expect(atAda.report.sessionsAdded).toEqual([talk.atAda.title]);
    const back = (await ada.services.events.get(ada.event.id)).sessions.find((session) => session.sourceId === talk.atAda.sourceId)!;
    expect(await noteText(ada.services, ada.event.id, back.id)).toBe('Ben was there.');
  });

  it('a session nobody has notes in, deleted by one, goes to the other’s trash (not erased)', async () => {
    const talk = await benSessionOf(11);
    await handOver(ben, ada);
    await handOver(ada, ben);
    const { removed } = await ada.services.events.removeSession(ada.event.id, talk.atAda.id);
    await ada.services.notes.moveToTrash(ada.event.id, removed);
    const result = await handOver(ada, ben);
    expect(result.report.sessionsRemoved).toEqual([talk.atBen.title]);
    expect((await ben.services.events.get(ben.event.id)).sessions.some((session) => session.id === talk.atBen.id)).toBe(false);
    expect((await ben.services.trash.list()).map((entry) => entry.title)).toContain(talk.atBen.title);
  });
});

describe('photos by content hash, stored once', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  it('a photo in Ben’s note arrives once, even when Ada already had the same photo', async () => {
    const talk = await benSessionOf(12);
    const stored = await ben.services.assets.store({ eventId: ben.event.id, fileName: 'slide.png', dataBase64: PNG.toString('base64') });
    await ada.services.assets.store({ eventId: ada.event.id, fileName: 'same-slide.png', dataBase64: PNG.toString('base64') });
    const withPhoto = noteState('The slide:');
    withPhoto.root.children.push({ type: 'image', version: 1, src: stored.src, alt: 'Slide', caption: '' });
    await ben.services.notes.save(ben.event.id, talk.atBen.id, withPhoto);
    const result = await handOver(ben, ada);
    expect(result.report.photosAdded).toBe(0);
    expect(await readdir(join(ada.services.paths.eventFolder(ada.event.id), 'assets'))).toEqual([stored.src.slice('assets/'.length)]);
    expect(await ada.services.assets.read(ada.event.id, stored.src.slice('assets/'.length))).not.toBeNull();
  });
});

describe('private notes', () => {
  it('never leave in a bundle unless included, and survive a teammate’s version replacing the note', async () => {
    const talk = await benSessionOf(13);
    await ben.services.notes.save(ben.event.id, talk.atBen.id, noteWithPrivate('Shared paragraph.', 'Ben’s phone: 555-0199'));
    await handOver(ben, ada);
    expect(await noteText(ada.services, ada.event.id, talk.atAda.id)).toBe('Shared paragraph.');
    await ada.services.notes.save(ada.event.id, talk.atAda.id, noteState('Shared paragraph.', 'Ada adds a line.'));
    await handOver(ada, ben);
    expect((await noteText(ben.services, ben.event.id, talk.atBen.id))!.split('\n')).toEqual(['Shared paragraph.', 'Ben’s phone: 555-0199', 'Ada adds a line.']);
  });

  it('come along in a bundle the reporter exports with them (their own backup)', async () => {
    const talk = await benSessionOf(14);
    await ben.services.notes.save(ben.event.id, talk.atBen.id, noteWithPrivate('Shared paragraph.', 'Only for Ben'));
    const outPath = join(ben.root, 'backup.hallnotes');
    const exported = await ben.services.bundles.export(ben.event.id, { outPath, includePrivate: true });
    expect(exported.includesPrivate).toBe(true);
    await ben.services.events.delete(ben.event.id);
    const restored = await ben.services.bundles.import({ path: outPath }, 'backup.hallnotes', { dryRun: false });
    expect(restored.target).toEqual({ kind: 'new-event' });
    expect((await noteText(ben.services, restored.eventId, talk.atBen.id))!.split('\n')).toEqual(['Shared paragraph.', 'Only for Ben']);
  });
});

describe('posts', () => {
  it('the editor’s intro and chosen sessions come in, named by this library’s sessions', async () => {
    const talk = await benSessionOf(15);
    await ben.services.posts.save(ben.event.id, talk.atBen.day, { intro: noteState('The day opened with rain.'), sessionIds: [talk.atBen.id] });
    const result = await handOver(ben, ada);
    expect(result.report.postsUpdated).toEqual([`Day ${talk.atAda.day}`]);
    const post = await ada.services.posts.get(ada.event.id, talk.atAda.day);
    expect(noteStateText(post.intro!)).toBe('The day opened with rain.');
    expect(post.settings.sessionIds).toEqual([talk.atAda.id]);
  });
});
