import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../../../electron/services/createServices';
import type { PublishSetup } from '../../../electron/services/publish/publishService';
import type { EventFile } from '../../../shared/model/event';
import { randomId } from '../../../electron/services/library/ids';
import { attributedQuote, image, list, note, paragraph, privateNote, text } from '../../export/fixtures/noteBuilders';
import { createEventWithSessions, createFakePreferenceBackend, eventDraft } from '../../helpers/tempLibrary';
import { pngPhoto } from './pngPhoto';

export const PRIVATE_TEXT = 'ring the organiser on +49 170 1234567';

export type PublishDay = {
  root: string;
  configFolder: string;
  services: Services;
  event: EventFile;
  ids: { keynote: string; panel: string; talk: string };
  /** The two photos' srcs as the notes store them, in reading order. */
  photos: string[];
  tag: string;
  cleanup(): Promise<void>;
};

/**
 * A real conference day to publish: a covered keynote (a photo, a quote attributed to the
 * speaker, a private note), a covered panel (a second photo, a list) and a covered talk, with
 * an intro, tags (one unique to this run, so WordPress has to create it) and a title unique to
 * this run, so a shared site can be searched for exactly this post.
 */
export async function createPublishDay(publishing: Omit<PublishSetup, 'configFolder'> = {}, options: { photoSeeds?: [number, number] } = {}): Promise<PublishDay> {
  const root = await mkdtemp(join(tmpdir(), 'hallnotes-publish-'));
  const configFolder = join(root, 'config');
  const libraryPath = join(root, 'library');
  const services = createServices({ libraryPath, preferences: createFakePreferenceBackend(), publishing: { ...publishing, configFolder } });
  const run = randomId(8);
  const event = await createEventWithSessions(
    services,
    [
      { day: 1, start: '09:00', title: 'Opening keynote', kind: 'keynote', status: 'covered', speakers: [{ name: 'Priya Raman', role: 'Chief Architect', organisation: 'Northwind' }] },
      { day: 1, start: '10:00', title: 'Who funds the commons?', kind: 'panel', status: 'covered', speakers: [{ name: 'Tomás Herrera', role: 'Maintainer', organisation: 'OpenRail' }] },
      { day: 1, start: '11:30', title: 'Lightning talk', status: 'covered', speakers: [{ name: 'Lee Speaker', role: 'CTO', organisation: 'Acme' }] },
    ],
    eventDraft({ title: `Hallnotes CI Summit ${run}`, startDate: '2026-09-14', endDate: '2026-09-14', timezone: 'Europe/Berlin', author: 'Sam Reporter' }),
  );
  const find = (title: string) => event.sessions.find((session) => session.title === title)!.id;
  const ids = { keynote: find('Opening keynote'), panel: find('Who funds the commons?'), talk: find('Lightning talk') };
  // Noise unless seeds are given: photos new to a site that earlier runs published to.
  const store = async (seed: number | undefined) =>
    (await services.assets.store({ eventId: event.id, fileName: `slide-${seed ?? 'noise'}.png`, dataBase64: pngPhoto({ width: 48, height: 32, seed, noise: seed === undefined }).toString('base64') })).src;
  const photos = [await store(options.photoSeeds?.[0]), await store(options.photoSeeds?.[1])];

  await services.notes.save(
    event.id,
    ids.keynote,
    note(
      paragraph(text('Raman opened with 4,200 clusters in production.')),
      attributedQuote({ name: 'Priya Raman', role: 'Chief Architect' }, '09:12', text('We moved to stop waiting.')),
      image(photos[0], 'Priya Raman on stage', 'Priya Raman shows the cluster map'),
      privateNote(paragraph(text(PRIVATE_TEXT))),
    ),
  );
  await services.notes.save(event.id, ids.panel, note(paragraph(text('Most critical projects have one maintainer.')), list('bullet', ['Fund the maintainers', 'Share the on-call']), image(photos[1], 'The panel', 'Four maintainers, one microphone')));
  await services.notes.save(event.id, ids.talk, note(paragraph(text('Five minutes on reproducible builds.'))));
  const tag = `ci-${run}`;
  await services.posts.save(event.id, 1, { tags: ['open source', tag], intro: note(paragraph(text('A day about who keeps the lights on.'))) });
  return {
    root,
    configFolder,
    services,
    event,
    ids,
    photos,
    tag,
    cleanup: async () => {
      services.publish.stopOutbox();
      await services.writes.drain();
      await rm(root, { recursive: true, force: true });
    },
  };
}
