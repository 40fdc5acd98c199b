import { parse } from '@wordpress/block-serialization-default-parser';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { announceMissingSite } from './helpers/realSite';
import { attributedQuote, image, note, paragraph, text } from '../export/fixtures/noteBuilders';
import { bundleCli, runCli } from './helpers/cliBundle';
import { countingFetch } from './helpers/countingFetch';
import { pngPhoto } from './helpers/pngPhoto';
import { createPublishDay, PRIVATE_TEXT, type PublishDay } from './helpers/publishLibrary';
import { startSiteProxy, type SiteProxy } from './helpers/siteProxy';
import { findWordPress, wordpressReader, type WordPressSite } from './helpers/wordpressSite';

/**
 * Publishing to a real WordPress (Debian's package, set up by scripts/ci/wordpress.sh on
 * 127.0.0.1:8088), read back through WordPress's REST API as a second client. Skips, saying
 * why, where no WordPress is running; .ci/run sets HALLNOTES_REQUIRE_WORDPRESS=1, so there a
 * missing WordPress fails instead.
 */
const found = await findWordPress();
announceMissingSite('WordPress', found.reason, 'HALLNOTES_REQUIRE_WORDPRESS');

type ParsedBlock = ReturnType<typeof parse>[number];
type WpPost = { id: number; status: string; title: { raw: string }; content: { raw: string }; excerpt: { raw: string }; featured_media: number; author: number; tags: number[]; modified_gmt: string };
type WpMedia = { id: number; source_url: string; alt_text: string; caption: { raw: string } };
type WpTag = { id: number; name: string };

describe.skipIf(!found.site)('publishing to a real WordPress', () => {
  const site = found.site as WordPressSite;
  // Made once the suite runs: the body of a skipped describe is still collected, without a site.
  let wordpress: ReturnType<typeof wordpressReader>;
  beforeAll(() => {
    wordpress = wordpressReader(site);
  });
  let day: PublishDay | null = null;
  afterEach(async () => {
    await day?.cleanup();
    day = null;
  });

  async function addDestination(publishDay: PublishDay, url = site.url) {
    return publishDay.services.publish.saveDestination({ kind: 'wordpress', name: 'CI blog', siteUrl: url, userName: site.user, secret: site.applicationPassword });
  }

  const postsTitled = (title: string) => wordpress.get<WpPost[]>(`wp/v2/posts?search=${encodeURIComponent(title)}&status=draft,publish,pending,private&context=edit&per_page=100`);
  const mediaForPhoto = (src: string) => wordpress.get<WpMedia[]>(`wp/v2/media?slug=hallnotes-${src.slice('assets/'.length, 'assets/'.length + 32)}&context=edit`);

  /** The site's user for the byline's author (the event's "Sam Reporter"), made the first time the suite runs against the site. */
  async function bylineUser(): Promise<number> {
    const name = 'Sam Reporter';
    const found = await wordpress.get<{ id: number; name: string }[]>(`wp/v2/users?search=${encodeURIComponent(name)}&context=edit`);
    const existing = found.find((user) => user.name === name);
    if (existing) return existing.id;
    const made = await wordpress.post<{ id: number }>('wp/v2/users', { username: 'sam-reporter', name, email: 'sam.reporter@hallnotes.invalid', password: `Hallnotes-${Date.now()}-byline`, roles: ['author'] });
    return made.id;
  }

  it('publishes a day as one draft: blocks that parse, both photos uploaded once and used, featured image, tags, the byline author; republishing updates it', async () => {
    const samReporter = await bylineUser();
    const counter = countingFetch(/^.*\/wp-json\//);
    day = await createPublishDay({ fetch: counter.fetch });
    const destination = await addDestination(day);
    const report = await day.services.publish.testDestination({ id: destination.id, kind: 'wordpress', name: 'CI blog', siteUrl: site.url, userName: site.user });
    expect(report).toMatchObject({ ok: true, siteName: 'Hallnotes CI' });

    const outcome = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    expect(outcome.status).toBe('sent');
    if (outcome.status === 'blocked') throw new Error(outcome.message);
    expect(outcome.job.result).toMatchObject({ created: true, uploadedPhotos: 2, reusedPhotos: 0 });
    // The run's own tag is new to the site; "open source" is created only the first time the suite runs against it.
    expect(outcome.job.result!.createdTags).toContain(day.tag);

    const title = `${day.event.title} – Day 1 Reflections`;
    const posts = await postsTitled(day.event.title);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(String(post.id)).toBe(outcome.job.result!.remoteId);
    expect(post.status).toBe('draft');
    expect(post.title.raw).toBe(title);

    // WordPress's own block parser reads every block; nothing falls back to a Classic (freeform) block.
    const blocks = flatten(parse(post.content.raw));
    const freeform = blocks.filter((block) => block.blockName === null && block.innerHTML.trim() !== '');
    expect(freeform).toEqual([]);
    const names = blocks.map((block) => block.blockName).filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(['core/paragraph', 'core/heading', 'core/quote', 'core/list', 'core/list-item', 'core/image']));
    expect(names.filter((name) => name === 'core/image')).toHaveLength(2);

    // Each photo is in the media library exactly once, with its alt text and caption, and the content points at it.
    const media = await Promise.all(day.photos.map(mediaForPhoto));
    expect(media.map((items) => items.length)).toEqual([1, 1]);
    const [[first], [second]] = media;
    expect(first).toMatchObject({ alt_text: 'Priya Raman on stage', caption: { raw: 'Priya Raman shows the cluster map' } });
    expect(post.content.raw).toContain(`src="${first.source_url}"`);
    expect(post.content.raw).toContain(`src="${second.source_url}"`);
    expect(post.content.raw).not.toContain('assets/');
    expect(post.featured_media).toBe(first.id);
    // The byline's author is a user of the site: the draft is theirs, not the publishing account's.
    expect(post.author).toBe(samReporter);
    expect(outcome.job.result!.notes).toEqual([]);

    // The quote keeps its attribution; the private note never left the machine; tags are WordPress's, not body text.
    expect(post.content.raw).toMatch(/<blockquote class="wp-block-quote">[\s\S]*We moved to stop waiting\.[\s\S]*<cite>Priya Raman, Chief Architect<\/cite>/);
    expect(post.content.raw).not.toContain(PRIVATE_TEXT);
    expect(post.content.raw).not.toContain('Tags:');
    expect(post.content.raw).not.toContain('Posted by');
    expect(post.excerpt.raw).toBe('A day about who keeps the lights on.');
    const tags = await wordpress.get<WpTag[]>(`wp/v2/tags?include=${post.tags.join(',')}`);
    expect(tags.map((tag) => tag.name).sort()).toEqual(['open source', day.tag].sort());

    // Unchanged post, published again: no photo is sent again and the draft gets one update.
    counter.requests.length = 0;
    const again = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    expect(again.status).toBe('sent');
    expect(counter.requests.filter((request) => request.startsWith('POST wp/v2/media'))).toEqual([]);
    expect(counter.requests.filter((request) => request.startsWith('POST'))).toEqual([`POST wp/v2/posts/${post.id}`]);

    // Edit a note, publish again: still one post and two media items, and the change is there.
    await day.services.notes.save(
      day.event.id,
      day.ids.keynote,
      note(paragraph(text('Raman opened with 4,300 clusters in production.')), attributedQuote({ name: 'Priya Raman', role: 'Chief Architect' }, '09:12', text('We moved to stop waiting.')), image(day.photos[0], 'Priya Raman on stage', 'Priya Raman shows the cluster map')),
    );
    const edited = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    expect(edited.status === 'sent' && edited.job.result).toMatchObject({ created: false, uploadedPhotos: 0, reusedPhotos: 2, createdTags: [] });
    const afterEdit = await postsTitled(day.event.title);
    expect(afterEdit.map((candidate) => candidate.id)).toEqual([post.id]);
    expect(afterEdit[0].content.raw).toContain('4,300 clusters');
    expect(afterEdit[0].content.raw).not.toContain('4,200 clusters');
    expect((await Promise.all(day.photos.map(mediaForPhoto))).map((items) => items.length)).toEqual([1, 1]);

    // The editor features the panel's photo instead, then none: the draft follows, nothing is uploaded again.
    counter.requests.length = 0;
    await day.services.publish.savePostSettings(day.event.id, 1, { featuredPhoto: { kind: 'photo', file: day.photos[1].slice('assets/'.length) } });
    expect((await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id })).status).toBe('sent');
    expect((await wordpress.get<WpPost>(`wp/v2/posts/${post.id}?context=edit`)).featured_media).toBe(second.id);
    await day.services.publish.savePostSettings(day.event.id, 1, { featuredPhoto: { kind: 'none' } });
    expect((await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id })).status).toBe('sent');
    expect((await wordpress.get<WpPost>(`wp/v2/posts/${post.id}?context=edit`)).featured_media).toBe(0);
    expect(counter.requests.filter((request) => request.startsWith('POST wp/v2/media'))).toEqual([]);
    expect((await Promise.all(day.photos.map(mediaForPhoto))).map((items) => items.length)).toEqual([1, 1]);

    // The record of what was published lives with the event, in the library.
    const records = JSON.parse(await readFile(join(day.root, 'library', 'events', day.event.id, 'publish', 'published.json'), 'utf8'));
    expect(records.posts['day-1'][destination.id]).toMatchObject({ remoteId: String(post.id) });
    expect(Object.keys(records.photos[destination.id]).sort()).toEqual(day.photos.map((src) => src.slice('assets/'.length)).sort());
  }, 60_000);

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

    /** `hallnotes publish` as a real process; the hook may kill it the moment WordPress has acted on a request. */
    async function publishWithCli(publishDay: PublishDay, killWhen?: (request: { method: string; path: string }) => boolean) {
      const run = runCli(cli.path, ['publish', publishDay.event.id, '--day', '1', '--to', 'CI blog', '--library', join(publishDay.root, 'library'), '--json'], { HALLNOTES_CONFIG_DIR: publishDay.configFolder });
      proxy.setHook(
        killWhen
          ? (request) => {
              if (!killWhen(request)) return 'pass';
              run.child.kill('SIGKILL');
              return 'drop';
            }
          : null,
      );
      const result = await run.done;
      proxy.setHook(null);
      return result;
    }

    it('killed after WordPress stored the second photo: the restart uploads nothing twice and makes one post', async () => {
      day = await createPublishDay();
      await addDestination(day, proxy.url);
      let mediaUploads = 0;
      const killed = await publishWithCli(day, ({ method, path }) => method === 'POST' && path.includes('wp/v2/media') && ++mediaUploads === 2);
      expect(killed.signal).toBe('SIGKILL');
      expect((await Promise.all(day.photos.map(mediaForPhoto))).map((items) => items.length)).toEqual([1, 1]);
      expect(await postsTitled(day.event.title)).toEqual([]);

      const restarted = await publishWithCli(day);
      expect(restarted, restarted.stderr).toMatchObject({ code: 0 });
      expect(JSON.parse(restarted.stdout)).toMatchObject({ status: 'sent', job: { result: { created: true, uploadedPhotos: 0, reusedPhotos: 2 } } });
      expect(await postsTitled(day.event.title)).toHaveLength(1);
      expect((await Promise.all(day.photos.map(mediaForPhoto))).map((items) => items.length)).toEqual([1, 1]);
    }, 90_000);

    it('killed after WordPress created the draft but before Hallnotes heard: the restart finds that draft instead of making a second', async () => {
      day = await createPublishDay();
      await addDestination(day, proxy.url);
      const killed = await publishWithCli(day, ({ method, path }) => method === 'POST' && /wp\/v2\/posts(\?|$)/.test(path));
      expect(killed.signal).toBe('SIGKILL');
      const [orphan] = await postsTitled(day.event.title);
      expect(orphan).toBeDefined();

      const restarted = await publishWithCli(day);
      expect(restarted, restarted.stderr).toMatchObject({ code: 0 });
      const posts = await postsTitled(day.event.title);
      expect(posts.map((post) => post.id)).toEqual([orphan.id]);
      // The marker that found it is gone: WordPress names the post from its title when it is published.
      const [post] = await wordpress.get<{ slug: string }[]>(`wp/v2/posts?include=${orphan.id}&status=draft&context=edit`);
      expect(post.slug).toBe('');
    }, 90_000);
  });

  it('says exactly what is wrong: a server that strips Authorization, a wrong Application Password, a login password', async () => {
    day = await createPublishDay();
    const test = (siteUrl: string, secret: string) => day!.services.publish.testDestination({ kind: 'wordpress', name: 'CI blog', siteUrl, userName: site.user, secret });
    const stripped = await test(site.strippingUrl, site.applicationPassword);
    expect(stripped).toMatchObject({ ok: false, problem: 'authorization-stripped' });
    expect(stripped.message).toContain('removes the Authorization header');
    expect(await test(site.url, 'abcd efgh ijkl mnop qrst uvwx')).toMatchObject({ ok: false, problem: 'wrong-credentials', message: expect.stringContaining('refused the Application Password') });
    expect(await test(site.url, 'my-login-password!')).toMatchObject({ ok: false, problem: 'wrong-credentials', message: expect.stringContaining('not an Application Password') });
    const closed = await closedPort();
    expect(await test(`http://127.0.0.1:${closed}`, site.applicationPassword)).toMatchObject({ ok: false, problem: 'offline', message: `Could not reach 127.0.0.1:${closed}: nothing answered: the connection was refused.` });
  });

  it('stops before overwriting edits made in WordPress, and offers a new draft when the old one was deleted there', async () => {
    day = await createPublishDay();
    const destination = await addDestination(day);
    const publish = () => day!.services.publish.publish({ eventId: day!.event.id, day: 1, destinationId: destination.id });
    const first = await publish();
    if (first.status !== 'sent') throw new Error(JSON.stringify(first));
    const id = first.job.result!.remoteId;

    await wordpress.post(`wp/v2/posts/${id}`, { content: '<!-- wp:paragraph -->\n<p>The editor rewrote this.</p>\n<!-- /wp:paragraph -->' });
    const edited = await publish();
    expect(edited).toMatchObject({ status: 'needs-decision', job: { problem: 'remote-edited' } });
    expect((await wordpress.get<WpPost>(`wp/v2/posts/${id}?context=edit`)).content.raw).toContain('The editor rewrote this.');
    const overwritten = await day.services.publish.decide((edited as { job: { id: string } }).job.id, 'overwrite');
    expect(overwritten).toMatchObject({ state: 'done' });
    expect((await wordpress.get<WpPost>(`wp/v2/posts/${id}?context=edit`)).content.raw).toContain('We moved to stop waiting.');

    await wordpress.delete(`wp/v2/posts/${id}?force=true`);
    const deleted = await publish();
    expect(deleted).toMatchObject({ status: 'needs-decision', job: { problem: 'remote-deleted' } });
    const recreated = await day.services.publish.decide((deleted as { job: { id: string } }).job.id, 'create-new');
    expect(recreated).toMatchObject({ state: 'done', result: { created: true, reusedPhotos: 2, uploadedPhotos: 0 } });
    expect((await postsTitled(day.event.title)).map((post) => String(post.id))).toEqual([recreated!.result!.remoteId]);
  }, 60_000);

  it("a photo over the site's upload limit is named, with its size, and the photos before it stay uploaded", async () => {
    day = await createPublishDay();
    const destination = await addDestination(day);
    // Debian's PHP takes uploads up to 2 MB (upload_max_filesize); noise does not compress.
    const big = await day.services.assets.store({ eventId: day.event.id, fileName: 'crowd.png', dataBase64: pngPhoto({ width: 1000, height: 800, noise: true }).toString('base64') });
    await day.services.notes.save(day.event.id, day.ids.talk, note(paragraph(text('The hall was full.')), image(big.src, 'The crowd', 'A full hall for the last talk')));
    const outcome = await day.services.publish.publish({ eventId: day.event.id, day: 1, destinationId: destination.id });
    expect(outcome).toMatchObject({ status: 'failed', job: { problem: 'too-large' } });
    const message = (outcome as { job: { message: string } }).job.message;
    expect(message).toContain('“A full hall for the last talk”');
    expect(message).toMatch(/2\.\d MB, as too large/);
    expect(message).toContain("upload_max_filesize");
    expect((await Promise.all(day.photos.map(mediaForPhoto))).map((items) => items.length)).toEqual([1, 1]);
    expect(await postsTitled(day.event.title)).toEqual([]);
  }, 60_000);
});

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function flatten(blocks: ParsedBlock[]): ParsedBlock[] {
  return blocks.flatMap((block) => [block, ...flatten(block.innerBlocks)]);
}

