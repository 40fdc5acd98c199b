import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findWordPress, wordpressReader, type WordPressSite } from '../../tests/publish/helpers/wordpressSite';
import { startSiteProxy } from '../../tests/publish/helpers/siteProxy';
import { expect, test } from '../support/hostFixture';
import { test as restartable } from '../support/restartableHost';
import { HallnotesApp } from '../support/hallnotesApp';
import { readEvents } from '../support/libraryFiles';
import { PostPage } from '../support/postPage';
import { coverTheDay } from '../support/publishDay';
import { PublishPanel } from '../support/publishPanel';

const run = promisify(execFile);
const CLI = join(process.cwd(), 'bin', 'hallnotes.mjs');
const found = await findWordPress();
const skipReason = found.site ? null : `the real WordPress is not running: ${found.reason}`;
if (skipReason && process.env.HALLNOTES_REQUIRE_WORDPRESS !== '1') console.log(`Publishing e2e skipped: ${skipReason}.`);
function requireWordPress(): WordPressSite {
  if (process.env.HALLNOTES_REQUIRE_WORDPRESS === '1' && !found.site) throw new Error(`HALLNOTES_REQUIRE_WORDPRESS=1 but ${found.reason}`);
  test.skip(!found.site, skipReason ?? '');
  return found.site!;
}

type WpPost = { id: number; status: string; content: { raw: string } };
const postsTitled = (site: WordPressSite, title: string) => wordpressReader(site).get<WpPost[]>(`wp/v2/posts?search=${encodeURIComponent(title)}&status=draft&context=edit`);

test('add a WordPress site, publish the day as a draft, publish again after an edit, and the CLI sends the same bytes', async ({ page, host }) => {
  const site = requireWordPress();
  test.setTimeout(120_000);
  const title = await coverTheDay(page);
  const post = new PostPage(page);
  const publish = new PublishPanel(page);
  await post.open();

  await expect(publish.panel).toContainText('Add the site first');
  const report = await publish.addSite({ name: 'CI blog', url: site.url, user: site.user, secret: site.applicationPassword });
  expect(report).toBe('Connected to “Hallnotes CI” as hallnotes: drafts can be published there.');

  await publish.publish();
  await expect(publish.job).toHaveAttribute('data-state', 'done');
  await expect(publish.job).toContainText('Sent as a draft');
  await expect(publish.job).toContainText(/Created the draft on CI blog: (one|no) photo uploaded, (one|no) photo already there\./);
  await expect(publish.job.getByRole('link', { name: 'Open the draft on CI blog' })).toHaveAttribute('href', /\/wp-admin\/post\.php\?post=\d+&action=edit$/);
  await expect(publish.drafts).toContainText('On CI blog, last sent');

  const [draft] = await postsTitled(site, title);
  expect(draft.status).toBe('draft');
  expect(draft.content.raw).toContain('4,200 clusters');
  expect(draft.content.raw).toMatch(/<img src="http:\/\/127\.0\.0\.1:8088\/wp-content\/uploads\/[^"]+"/);
  expect(draft.content.raw).toContain('The cluster map');

  // Edit a note, publish again: the same draft changes.
  await post.backToAgenda();
  const app = new HallnotesApp(page);
  await app.openSession('Who funds the commons?');
  await app.typeInNote(' Two, at most.');
  await app.waitUntilSaved();
  await post.open();
  await publish.publish();
  await expect(publish.job).toHaveAttribute('data-state', 'done');
  await expect(publish.job).toContainText('Updated the draft on CI blog: no photo uploaded, one photo already there.');
  const afterEdit = await postsTitled(site, title);
  expect(afterEdit.map((candidate) => candidate.id)).toEqual([draft.id]);
  expect(afterEdit[0].content.raw).toContain('Two, at most.');

  // The CLI publishes the same post from the same library: the draft's content stays byte for byte the same.
  const [event] = await readEvents(host.libraryPath);
  const cli = await run(process.execPath, [CLI, 'publish', event.id, '--to', 'CI blog', '--library', host.libraryPath], { env: { ...process.env, HALLNOTES_CONFIG_DIR: host.configPath } });
  expect(cli.stdout).toContain('Updated the draft on CI blog');
  const afterCli = await postsTitled(site, title);
  expect(afterCli.map((candidate) => candidate.id)).toEqual([draft.id]);
  expect(afterCli[0].content.raw).toBe(afterEdit[0].content.raw);

  // At 1024×640 the panel still fits beside the composer.
  await page.setViewportSize({ width: 1024, height: 640 });
  const button = publish.panel.getByRole('button', { name: 'Publish as draft' });
  await button.scrollIntoViewIfNeeded();
  const box = (await button.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
});

restartable('publishing with the site down waits in the outbox, survives a restart, and goes once the site is back', async ({ page, hosts }) => {
  const site = requireWordPress();
  restartable.setTimeout(150_000);
  const proxy = await startSiteProxy(site.url);
  try {
    let host = await hosts.start();
    await page.goto(host.url);
    const title = await coverTheDay(page);
    const post = new PostPage(page);
    const publish = new PublishPanel(page);
    await post.open();
    await publish.addSite({ name: 'CI blog', url: proxy.url, user: site.user, secret: site.applicationPassword });

    await proxy.stop();
    await publish.publish();
    await expect(publish.job).toHaveAttribute('data-state', 'waiting');
    await expect(publish.job).toContainText(/Waiting for a connection \(queued \d\d:\d\d\)/);
    await expect(publish.job).toContainText(`Could not reach 127.0.0.1:${new URL(proxy.url).port}: nothing answered: the connection was refused.`);

    // Kill the host the hard way and start it again: the job is still there, still waiting.
    await host.killHard();
    host = await hosts.start();
    await page.goto(host.url);
    await page.getByRole('button', { name: title }).click();
    await post.open();
    await expect(publish.outbox).toContainText(`${title} – Day 1 Reflections → CI blog: Waiting for a connection`);
    expect(await postsTitled(site, title)).toEqual([]);

    // The site comes back: the outbox sends the draft by itself, and the page hears it from the
    // host's push stream: the status line changes without a reload and without asking again.
    const outboxReads: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/publish%3Aoutbox')) outboxReads.push(request.url());
    });
    await proxy.start();
    await expect(publish.drafts).toContainText('On CI blog, last sent', { timeout: 60_000 });
    await expect(publish.outbox).toBeHidden();
    expect(outboxReads).toEqual([]);
    const drafts = await postsTitled(site, title);
    expect(drafts).toHaveLength(1);
    expect(drafts[0].content.raw).toContain('Most critical projects have one maintainer.');
  } finally {
    await proxy.stop();
  }
});
