import { createServer, type AddressInfo } from 'node:net';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/hostFixture';
import { PostPage } from '../support/postPage';
import { coverTheDay } from '../support/publishDay';
import { PublishPanel } from '../support/publishPanel';

/**
 * The publish panel and the sites dialog at 150% zoom: what a 1280×820 window (the app's
 * default) and a 1024×640 one show when the reporter zooms in, i.e. 1.5 device pixels per CSS
 * pixel and two thirds of the CSS width. No site is needed: the one added is a closed port,
 * so the panel also shows a job waiting for a connection, with its long message.
 */
test.use({ viewport: { width: 853, height: 547 }, deviceScaleFactor: 1.5 });

const ZOOMED_WINDOWS = [
  { name: '1280x820-150pct', width: 853, height: 547 },
  { name: '1024x640-150pct', width: 683, height: 427 },
];

/** A loopback port nothing listens on: the site is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Nothing in the region is wider than the window or cut off at its right edge. */
async function expectWithinWidth(page: Page, region: Locator, what: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const overflowing = await region.evaluate((element, windowWidth) => {
    const sticking = [...element.querySelectorAll('button, select, input, a, p, li, label, img')]
      .filter((child) => {
        const box = child.getBoundingClientRect();
        return box.width > 0 && (box.right > windowWidth + 0.5 || box.left < -0.5);
      })
      .map((child) => `${child.tagName.toLowerCase()} “${(child.textContent ?? '').trim().slice(0, 40)}” ${Math.round(child.getBoundingClientRect().left)}–${Math.round(child.getBoundingClientRect().right)}`);
    const scrollsSideways = element.scrollWidth > element.clientWidth + 1 ? [`scrolls sideways: ${element.scrollWidth} > ${element.clientWidth}`] : [];
    return [...scrollsSideways, ...sticking];
  }, width);
  expect(overflowing, `${what} at ${width}px wide`).toEqual([]);
}

/** Scrolled to, the control is on screen (all of it, but for sub-pixel rounding at 1.5 device pixels per CSS pixel). */
async function expectReachable(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeInViewport({ ratio: 0.95 });
}

/** The choice a select shows is not cut off: its text fits the select's box, less its padding and the arrow. */
async function expectChoiceShownWhole(select: Locator): Promise<void> {
  const room = await select.evaluate((element: HTMLSelectElement) => {
    const style = getComputedStyle(element);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const text = element.selectedOptions[0]?.text ?? '';
    const arrow = 20;
    return { text, needed: context.measureText(text).width, available: element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow };
  });
  expect(room.needed, `“${room.text}” fits its select`).toBeLessThanOrEqual(room.available);
}

test('the publish panel, its featured image and the sites dialog fit at 150% zoom, in the default window and a 1024×640 one', async ({ page }) => {
  test.setTimeout(120_000);
  const title = await coverTheDay(page);
  const post = new PostPage(page);
  const publish = new PublishPanel(page);
  await post.open();
  const port = await closedPort();

  // The sites dialog, filled in, with the long "nothing answered" report of its test.
  await publish.panel.getByRole('button', { name: 'Add a site…' }).click();
  const form = publish.dialog.getByRole('form', { name: 'Add a site' });
  await form.getByLabel('Name', { exact: true }).click();
  await page.keyboard.type('The conference blog with a long name');
  await form.getByLabel('Site address').click();
  await page.keyboard.type(`http://127.0.0.1:${port}`);
  await form.getByLabel('WordPress user name').click();
  await page.keyboard.type('editor');
  await form.getByLabel('Application Password').click();
  await page.keyboard.type('abcd EFGH ijkl MNOP qrst UVWX');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.locator('.publish-report')).toContainText('nothing answered');
  for (const window of ZOOMED_WINDOWS) {
    await page.setViewportSize({ width: window.width, height: window.height });
    await expectWithinWidth(page, publish.dialog, `the sites dialog (${window.name})`);
    for (const name of ['Test connection', 'Cancel', 'Add site']) await expectReachable(form.getByRole('button', { name }));
    await expectReachable(form.getByLabel('Application Password'));
    await publish.dialog.screenshot({ path: test.info().outputPath(`sites-dialog-${window.name}.png`) });
  }
  await form.getByRole('button', { name: 'Add site' }).click();
  await expect(publish.dialog.getByRole('list', { name: 'Sites' })).toContainText('The conference blog with a long name');
  for (const window of ZOOMED_WINDOWS) {
    await page.setViewportSize({ width: window.width, height: window.height });
    await expectWithinWidth(page, publish.dialog, `the list of sites (${window.name})`);
    for (const name of ['Change “The conference blog with a long name”', 'Remove “The conference blog with a long name”', 'Add a site…', 'Done']) await expectReachable(publish.dialog.getByRole('button', { name }));
    await publish.dialog.screenshot({ path: test.info().outputPath(`sites-list-${window.name}.png`) });
  }
  await publish.dialog.getByRole('button', { name: 'Done' }).click();

  // The editor features no photo, then publishes: the site is down, so the job waits.
  const featured = publish.panel.getByLabel('Featured image');
  await expect(featured).toHaveValue('first');
  await expect(featured.locator('option')).toHaveText(['Whichever photo comes first', '1. The cluster map', 'None']);
  await expect(featured.locator('optgroup')).toHaveAttribute('label', 'Always this photo');
  await featured.selectOption({ label: 'None' });
  await expect(publish.panel.locator('.publish-featured-preview')).toHaveCount(0);
  await featured.selectOption({ label: '1. The cluster map' });
  await expect(publish.panel.locator('.publish-featured-preview')).toHaveAttribute('alt', /^Featured: /);
  await publish.publish();
  await expect(publish.job).toHaveAttribute('data-state', 'waiting');
  await expect(publish.job).toContainText('nothing answered: the connection was refused');

  for (const window of ZOOMED_WINDOWS) {
    await page.setViewportSize({ width: window.width, height: window.height });
    // The whole view too: the columns stack, so nothing of the post is hidden off to the right.
    await page.screenshot({ path: test.info().outputPath(`post-view-${window.name}.png`) });
    await expectWithinWidth(page, publish.panel, `the publish panel (${window.name})`);
    await expectChoiceShownWhole(publish.panel.getByLabel('Site'));
    for (const control of [publish.panel.getByLabel('Site'), featured, publish.panel.getByRole('button', { name: 'Publish as draft' }), publish.job.getByRole('button', { name: 'Try now' }), publish.job.getByRole('button', { name: 'Discard' })]) {
      await expectReachable(control);
    }
    await publish.panel.scrollIntoViewIfNeeded();
    await publish.panel.screenshot({ path: test.info().outputPath(`publish-panel-${window.name}.png`) });
  }

  // The choice is kept with the post: after a reload (in an unzoomed window, where the agenda shows) the field still shows it.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  if (await page.getByRole('button', { name: title }).isVisible()) await page.getByRole('button', { name: title }).click();
  await post.open();
  await expect(publish.panel.getByLabel('Featured image')).toHaveValue(/^photo:[0-9a-f]{64}\.png$/);
});
