import type { PublishResult } from '../../../../shared/model/publish';
import { PublishError } from '../http/publishError';
import type { AuthorMatch, PhotoFile, PublishClient, RemotePhoto, RemotePost } from '../publishClient';
import { featuredPhotoOf, pointPhotosAt, type PublishablePhoto } from '../publishablePost';
import type { PublishRecords } from '../records/publishRecords';
import type { OutboxJobFile } from './outboxStore';

export type SendContext = {
  job: OutboxJobFile;
  client: PublishClient;
  records: PublishRecords;
  readPhoto: (eventId: string, photo: PublishablePhoto) => Promise<PhotoFile>;
  /** Persists the job (its progress) before a request whose effect must survive a kill. */
  saveJob: (job: OutboxJobFile) => Promise<void>;
  now: () => Date;
};

/**
 * Sends one job to its site, in an order that makes every step safe to repeat after a kill:
 * 1. the draft published before is read first: deleted there, or edited there since Hallnotes
 *    last wrote it, stops the job for the reporter to decide (unless they already did);
 * 2. tags are found or created by name, and the byline's author among the site's users;
 * 3. each photo is uploaded unless this destination already has it (by content hash: the
 *    record, else the site's own look-up), and recorded the moment it is up;
 * 4. the draft is updated, or created with the job's marker (the job notes "create started"
 *    first, so a rerun looks the draft up by its marker instead of making a second one).
 */
export async function sendJob({ job, client, records, readPhoto, saveJob, now }: SendContext): Promise<PublishResult> {
  const { eventId, day, destinationId, post } = job;
  const record = job.decision === 'create-new' ? null : await records.post(eventId, day, destinationId);
  let current: RemotePost | null = null;
  if (record) {
    current = await client.getPost(record.remoteId);
    if (!current) {
      throw new PublishError('remote-deleted', `The draft of “${post.title}” that Hallnotes published to ${job.destinationName} was deleted there (or moved to the trash). Create a new draft, or discard this publish.`);
    }
    const editedThere = current.modified !== record.remoteModified || (record.fingerprint !== '' && current.fingerprint !== record.fingerprint);
    if (job.decision !== 'overwrite' && record.remoteModified !== '' && editedThere) {
      throw new PublishError(
        'remote-edited',
        `“${post.title}” was edited on ${job.destinationName} after Hallnotes last published it (${describeModified(current.modified)}). Publishing again replaces those edits with the post as it is in Hallnotes; copy them into Hallnotes first if you want to keep them.`,
      );
    }
  } else if (job.createStarted) {
    current = await client.findDraftByMarker(job.marker);
  }

  const { created: createdTags } = await client.prepareTags(post.tags);
  const byline: AuthorMatch = post.author.trim() ? await client.findAuthor(post.author.trim()) : { author: null, note: null };

  const known = await records.photos(eventId, destinationId);
  const uploaded = new Map<string, RemotePhoto>();
  let uploadedPhotos = 0;
  let reusedPhotos = 0;
  for (const photo of post.photos) {
    const recorded = known[photo.file];
    if (recorded) {
      uploaded.set(photo.src, { id: recorded.remoteId, url: recorded.url });
      reusedPhotos++;
      continue;
    }
    const file = await readPhoto(eventId, photo);
    let remote = await client.findPhoto(photo);
    if (remote) reusedPhotos++;
    else {
      remote = await client.uploadPhoto(photo, file);
      uploadedPhotos++;
    }
    await records.savePhoto(eventId, destinationId, photo.file, { remoteId: remote.id, url: remote.url });
    uploaded.set(photo.src, remote);
  }

  const featured = featuredPhotoOf(post);
  const content = {
    title: post.title,
    body: pointPhotosAt(post.bodies[client.bodyFormat], new Map([...uploaded].map(([src, remote]) => [src, remote.url]))),
    excerpt: post.excerpt,
    tags: post.tags,
    featured: featured ? { photo: uploaded.get(featured.src) as RemotePhoto, alt: featured.alt, caption: featured.caption } : null,
    author: byline.author,
  };

  const marker = record?.marker ?? job.marker;
  let saved: RemotePost;
  if (current) saved = await client.updateDraft(current, content, marker);
  else {
    job.createStarted = true;
    await saveJob(job);
    saved = await client.createDraft(content, marker);
  }
  const created = !record;
  const remember = (remote: RemotePost | null) =>
    records.savePost(eventId, day, destinationId, {
      remoteId: saved.id,
      editUrl: client.editUrl(saved.id),
      remoteModified: remote?.modified ?? '',
      fingerprint: remote?.fingerprint ?? '',
      marker,
      publishedAt: now().toISOString(),
    });
  if (created) {
    // Recorded before the marker is cleared: from here on the record, not the marker, finds the draft.
    // An empty modified time means "being finished by Hallnotes": no edit-conflict warning for it.
    await remember(null);
    saved = await client.finishCreate(saved);
  }
  await remember(saved);
  return {
    remoteId: saved.id,
    editUrl: client.editUrl(saved.id),
    created,
    createdTags,
    uploadedPhotos,
    reusedPhotos,
    notes: [...post.notes, ...(byline.note ? [byline.note] : [])],
    finishedAt: now().toISOString(),
  };
}

function describeModified(modified: string): string {
  const stamp = /Z$|[+-]\d\d:?\d\d$/.test(modified) ? modified : `${modified}Z`;
  const date = new Date(stamp);
  return Number.isNaN(date.getTime()) ? `modified ${modified}` : `last saved there ${date.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}
