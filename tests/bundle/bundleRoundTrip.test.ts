import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handOver, noteText, nthSession, reporterWithProgramme, sessionBySource, writeNote, type Reporter } from '../helpers/teamLibraries';

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

describe('a bundle from a colleague who imported the same programme', () => {
  it('merges into the same event: notes only they wrote come in, a note both wrote keeps both', async () => {
    const [adaOnly, shared, benOnly] = [await nthSession(ada.services, ada.event.id, 0), await nthSession(ada.services, ada.event.id, 1), await nthSession(ada.services, ada.event.id, 2)];
    await writeNote(ada.services, ada.event.id, adaOnly.id, 'Ada was in the first talk.');
    await writeNote(ada.services, ada.event.id, shared.id, 'Ada on the second talk.');
    const benShared = await sessionBySource(ben.services, ben.event.id, shared.sourceId);
    const benOwn = await sessionBySource(ben.services, ben.event.id, benOnly.sourceId);
    await writeNote(ben.services, ben.event.id, benShared.id, 'Ben on the second talk.');
    await writeNote(ben.services, ben.event.id, benOwn.id, 'Ben was in the third talk.');

    const result = await handOver(ben, ada);

    expect(result.target).toEqual({ kind: 'same-event', eventId: ada.event.id, eventTitle: ada.event.title, matchedBy: 'programme' });
    expect(result.report.notesAdded).toEqual([{ sessionId: benOnly.id, sessionTitle: benOnly.title, author: 'Ben Okafor' }]);
    expect(result.report.notesBothChanged).toEqual([{ sessionId: shared.id, sessionTitle: shared.title, author: 'Ben Okafor' }]);
    expect(await noteText(ada.services, ada.event.id, benOnly.id)).toBe('Ben was in the third talk.');
    expect(await noteText(ada.services, ada.event.id, adaOnly.id)).toBe('Ada was in the first talk.');
    expect(await noteText(ada.services, ada.event.id, shared.id)).toBe('Ada on the second talk.');
    const waiting = await ada.services.exchange.incomingVersions(ada.event.id, shared.id);
    expect(waiting.map((version) => [version.author, version.words])).toEqual([['Ben Okafor', 5]]);
    const history = await ada.services.history.list(ada.event.id, shared.id);
    expect(history).toContainEqual(expect.objectContaining({ reason: 'incoming', author: 'Ben Okafor' }));
    expect((await ada.services.events.get(ada.event.id)).sessions).toHaveLength(ada.event.sessions.length);
  });

  it('changes nothing when the same bundle is imported twice', async () => {
    const talk = await nthSession(ben.services, ben.event.id, 3);
    await writeNote(ben.services, ben.event.id, talk.id, 'Only Ben wrote this.');
    const outPath = join(ben.root, 'twice.hallnotes');
    await ben.services.bundles.export(ben.event.id, { outPath, includePrivate: false });
    const first = await ada.services.bundles.import({ path: outPath }, 'twice.hallnotes', { dryRun: false });
    expect(first.report.changed).toBe(true);
    const eventAfterFirst = await ada.services.events.get(ada.event.id);
    const second = await ada.services.bundles.import({ path: outPath }, 'twice.hallnotes', { dryRun: false });
    expect(second.report.changed).toBe(false);
    expect(await ada.services.events.get(ada.event.id)).toEqual(eventAfterFirst);
  });
});
