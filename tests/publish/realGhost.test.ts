import GhostAdminAPI from '@tryghost/admin-api';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { image, note, paragraph, text } from '../export/fixtures/noteBuilders';
import { bundleCli, runCli } from './helpers/cliBundle';
import { countingFetch } from './helpers/countingFetch';
import { findGhost, type GhostSite } from './helpers/ghostSite';
import { createPublishDay, PRIVATE_TEXT, type PublishDay } from './helpers/publishLibrary';
import { announceMissingSite } from './helpers/realSite';
import { startSiteProxy, type SiteProxy } from './helpers/siteProxy';

/**
 * Publishing to a real Ghost 5 (the npm package with its SQLite database, run by
 * scripts/ci/ghost.sh on 127.0.0.1:8090), read back through the Admin API with Ghost's own
 * client as a second one. Skips, saying why, where no Ghost is running; .ci/run sets
 * HALLNOTES_REQUIRE_GHOST=1, so there it fails instead.
 */
const found = await findGhost();
announceMissingSite('Ghost', found.reason, 'HALLNOTES_REQUIRE_GHOST');

type GhostPost = { id: string; status: string; title: string; html: string; custom_excerpt: string | null; feature_image: string | null; feature_image_alt: string | null; updated_at: string; tags: { name: string; slug: string }[]; authors: { name: string }[] };

describe.skipIf(!found.site)('publishing to a real Ghost', () => {
  const site = found.site as GhostSite;
  // Made once the suite runs: the body of a skipped describe is still collected, without a site.
  let ghost: ReturnType<typeof GhostAdminAPI>;
  beforeAll(() => {
    ghost = GhostAdminAPI({ url: site.url, key: site.adminApiKey, version: 'v5.0' });
  });
  let day: PublishDay | null = null;
  afterEach(async () => {
    await day?.cleanup();
    day = null;
  });

  const addDestination = (publishDay: PublishDay, url = site.url, secret = site.adminApiKey) =>
    publishDay.services.publish.saveDestination({ kind: 'ghost', name: 'CI Ghost', siteUrl: url, secret });
  const postsTagged = async (tag: string) => (await ghost.posts.browse({ filter: `tag:${tag}`, formats: 'html', limit: 'all' })) as unknown as GhostPost[];

  it('publishes a day as a draft with uploaded photos, feature image and tags; republishing updates it with one request', async () => {
    const counter = countingFetch(/^.*\/ghost\/api\/admin\//);
    day = await createPublishDay({ fetch: counter.fetch });
    const destination = await addDestination(day);
    expect(await day.services.publish.testDestination({ id: destination.id, kind: 'ghost', name: 'CI Ghost', siteUrl: site.url })).toMatchObject({ ok: true, siteName: 'Hallnotes CI Ghost' });

    const outcome = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    if (outcome.status !== 'sent') throw new Error(JSON.stringify(outcome));
    expect(outcome.job.result).toMatchObject({ created: true, uploadedPhotos: 2, reusedPhotos: 0 });
    expect(outcome.job.result!.createdTags).toContain(day.tag);
    expect(counter.requests.filter((request) => request === 'POST posts/')).toHaveLength(1);

    const posts = await postsTagged(day.tag);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post).toMatchObject({ id: outcome.job.result!.remoteId, status: 'draft', title: `${day.event.title} – Day 1 Reflections` });
    const images = [...post.html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((match) => match[1]);
    expect(images).toHaveLength(2);
    for (const url of images) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8090\/content\/images\//);
    expect(post.feature_image).toBe(images[0]);
    expect(post.feature_image_alt).toBe('Priya Raman on stage');
    expect(post.html).toContain('We moved to stop waiting.');
    expect(post.html).toContain('Priya Raman, Chief Architect');
    expect(post.html).not.toContain(PRIVATE_TEXT);
    expect(post.html).not.toContain('assets/');
    expect(post.html).not.toContain('Tags:');
    expect(post.custom_excerpt).toBe('A day about who keeps the lights on.');
    expect(post.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(['open source', day.tag]));
    // The marker is an internal tag: readers never see it.
    expect(post.tags.filter((tag) => tag.name.startsWith('#hallnotes-'))).toHaveLength(1);

    counter.requests.length = 0;
    const again = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    expect(again).toMatchObject({ status: 'sent', job: { result: { created: false, uploadedPhotos: 0, reusedPhotos: 2 } } });
    expect(counter.requests.filter((request) => request.startsWith('POST') || request.startsWith('PUT'))).toEqual([`PUT posts/${post.id}/`]);
    expect((await postsTagged(day.tag)).map((candidate) => candidate.id)).toEqual([post.id]);

    // The editor features the panel's photo: feature_image follows, no image is uploaded again.
    counter.requests.length = 0;
    await day.services.publish.savePostSettings(day.event.id, 1, { featuredPhoto: { kind: 'photo', file: day.photos[1].slice('assets/'.length) } });
    expect((await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id })).status).toBe('sent');
    expect((await postsTagged(day.tag))[0]).toMatchObject({ feature_image: images[1], feature_image_alt: 'The panel' });
    expect(counter.requests.filter((request) => request.startsWith('POST images'))).toEqual([]);

    // The byline's author: no staff user of this Ghost is "Sam Reporter", so the owner stays the author and the result says so; once the byline names the owner, the draft credits them.
    expect(outcome.job.result!.notes).toEqual([expect.stringContaining('No staff user of 127.0.0.1:8090 is called “Sam Reporter”, so the draft\'s author is left as Ghost set it')]);
    expect(outcome.job.message).toContain('No staff user of 127.0.0.1:8090 is called “Sam Reporter”');
    await day.services.events.update(day.event.id, { author: 'hallnotes ci' });
    const credited = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    expect(credited).toMatchObject({ status: 'sent', job: { result: { notes: [] } } });
    expect((await postsTagged(day.tag))[0].authors.map((author) => author.name)).toEqual(['Hallnotes CI']);
  }, 60_000);

  it('an edit made in Ghost since is not overwritten unasked; a draft deleted there can be made again', async () => {
    day = await createPublishDay();
    const destination = await addDestination(day);
    const publish = () => day!.services.publish.publish({ eventId: day!.event.id, day: 1, destinationId: destination.id });
    const first = await publish();
    if (first.status !== 'sent') throw new Error(JSON.stringify(first));
    const id = first.job.result!.remoteId;
    const current = (await ghost.posts.read({ id })) as unknown as GhostPost;
    await ghost.posts.edit({ id, updated_at: current.updated_at, title: 'Retitled by the editor' });

    const edited = await publish();
    expect(edited).toMatchObject({ status: 'needs-decision', job: { problem: 'remote-edited' } });
    expect(((await ghost.posts.read({ id })) as unknown as GhostPost).title).toBe('Retitled by the editor');
    const overwritten = await day.services.publish.decide((edited as { job: { id: string } }).job.id, 'overwrite');
    expect(overwritten).toMatchObject({ state: 'done' });
    expect(((await ghost.posts.read({ id })) as unknown as GhostPost).title).toBe(`${day.event.title} – Day 1 Reflections`);

    await ghost.posts.delete({ id });
    const deleted = await publish();
    expect(deleted).toMatchObject({ status: 'needs-decision', job: { problem: 'remote-deleted' } });
    const recreated = await day.services.publish.decide((deleted as { job: { id: string } }).job.id, 'create-new');
    expect(recreated).toMatchObject({ state: 'done', result: { created: true, uploadedPhotos: 0, reusedPhotos: 2 } });
    expect((await postsTagged(day.tag)).map((post) => post.id)).toEqual([recreated!.result!.remoteId]);
  }, 60_000);

  it('says what is wrong with a key, and names a proxy that drops the Authorization header', async () => {
    day = await createPublishDay();
    const [keyId] = site.adminApiKey.split(':');
    const test = (siteUrl: string, secret: string) => day!.services.publish.testDestination({ kind: 'ghost', name: 'CI Ghost', siteUrl, secret });
    expect(await test(site.url, `${keyId}:${'0'.repeat(64)}`)).toMatchObject({ ok: false, problem: 'wrong-credentials', message: expect.stringContaining('part after the colon') });
    expect(await test(site.url, `${'a'.repeat(24)}:${'0'.repeat(64)}`)).toMatchObject({ ok: false, problem: 'wrong-credentials', message: expect.stringContaining('does not know this Admin API key') });
    expect(await test(site.url, 'not-a-key')).toMatchObject({ ok: false, problem: 'wrong-credentials', message: expect.stringContaining('not a Ghost Admin API key') });
    const stripping = await startSiteProxy(site.url, { dropHeaders: ['authorization'] });
    try {
      expect(await test(stripping.url, site.adminApiKey)).toMatchObject({ ok: false, problem: 'authorization-stripped' });
    } finally {
      await stripping.stop();
    }
  }, 30_000);

  describe('a publisher killed half-way', () => {
    let cli: Awaited<ReturnType<typeof bundleCli>>;
    let proxy: SiteProxy;
    beforeAll(async () => {
      cli = await bundleCli();
      proxy = await startSiteProxy(site.url);
    });
    afterAll(async () => {
      await proxy?.stop();
      await cli?.remove();
    });

    it('killed after Ghost created the draft: the restart finds it by its internal tag, one post', async () => {
      day = await createPublishDay();
      await addDestination(day, proxy.url);
      const args = ['publish', day.event.id, '--day', '1', '--to', 'CI Ghost', '--library', join(day.root, 'library'), '--json'];
      const env = { HALLNOTES_CONFIG_DIR: day.configFolder };
      const first = runCli(cli.path, args, env);
      proxy.setHook(({ method, path }) => {
        if (method !== 'POST' || !path.startsWith('/ghost/api/admin/posts/')) return 'pass';
        first.child.kill('SIGKILL');
        return 'drop';
      });
      expect((await first.done).signal).toBe('SIGKILL');
      proxy.setHook(null);
      const [orphan] = await postsTagged(day.tag);
      expect(orphan).toBeDefined();

      const restarted = await runCli(cli.path, args, env).done;
      expect(restarted, restarted.stderr).toMatchObject({ code: 0 });
      expect((await postsTagged(day.tag)).map((post) => post.id)).toEqual([orphan.id]);
    }, 90_000);
  });

  it('a note edited after the first publish reaches the same Ghost draft', async () => {
    day = await createPublishDay();
    const destination = await addDestination(day);
    const first = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    if (first.status !== 'sent') throw new Error(JSON.stringify(first));
    await day.services.notes.save(day.event.id, day.ids.talk, note(paragraph(text('Six minutes on reproducible builds.')), image(day.photos[1], 'The panel', 'Four maintainers, one microphone')));
    const second = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    expect(second).toMatchObject({ status: 'sent', job: { result: { remoteId: first.job.result!.remoteId, uploadedPhotos: 0 } } });
    const [post] = await postsTagged(day.tag);
    expect(post.html).toContain('Six minutes on reproducible builds.');
  }, 60_000);
});
