import { expect, test } from '../support/hostFixture';
import { assetFiles, DOT_GIF, expectStoredType, NoteCapture, readStoredNote, RED_PNG, storedNodes } from '../support/noteCapture';
const ASSET_SRC = /^assets\/[0-9a-f]{64}\.(png|gif)$/;

async function openTalk(app: NoteCapture): Promise<void> {
  await app.createEvent({ title: 'Photo Fest', startDate: '2026-06-02' });
  await app.addSession({ title: 'Slides and pictures', start: '14:00', end: '15:00' });
  await expect(app.editor).toBeFocused();
}

function photoLoaded(app: NoteCapture, index: number): Promise<number> {
  return app.editor.locator('.note-image img').nth(index).evaluate((image) => (image as HTMLImageElement).naturalWidth);
}

test('a pasted photo is stored once in the event’s assets, shown with its caption, and is still there after reopening', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.typeInNote('The opening slide:');
  await app.paste({ files: [RED_PNG] });
  const photos = app.editor.locator('.note-image');
  await expect(photos).toHaveCount(1);
  await expect.poll(() => photoLoaded(app, 0)).toBe(4);
  await photos.first().getByLabel('Photo caption').fill('The revenue slide');
  await page.keyboard.press('Enter');
  await expect(app.editor).toBeFocused();

  // The same picture again is a second photo in the note but not a second file.
  await app.dropFiles([RED_PNG, DOT_GIF]);
  await expect(photos).toHaveCount(3);
  await app.waitUntilSaved();
  expect((await assetFiles(host.libraryPath)).sort()).toHaveLength(2);

  const images = storedNodes(await readStoredNote(host.libraryPath, 'Slides and pictures')).filter((node) => node.type === 'image');
  expect(images).toHaveLength(3);
  for (const image of images) expect(image.src).toMatch(ASSET_SRC);
  expect(images[0]).toMatchObject({ caption: 'The revenue slide' });
  expect(images[0].src).toBe(images[1].src);

  await app.reload();
  await app.openSession('Slides and pictures');
  await expect(photos).toHaveCount(3);
  await expect.poll(() => photoLoaded(app, 0)).toBe(4);
  await expect.poll(() => photoLoaded(app, 2)).toBe(1);
  await expect(photos.first().getByLabel('Photo caption')).toHaveValue('The revenue slide');
  await expect(app.editor.locator('p').first()).toHaveText('The opening slide:');
});

test('files that are not photos are refused with a message naming them, and the note is unchanged', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.typeInNote('Nothing to see');
  await app.waitUntilSaved();

  await app.paste({ files: [{ name: 'agenda.pdf', type: 'application/pdf', base64: btoa('%PDF-1.7 not a photo') }] });
  await expect(app.notice).toHaveText(/"agenda\.pdf" is not a PNG, JPEG, WebP or GIF image/);

  // A file named and typed as a PNG whose bytes are text: the services read the bytes, not the name.
  await app.paste({ files: [{ name: 'fake.png', type: 'image/png', base64: btoa('<svg onload="alert(1)"></svg>') }] });
  await expect(app.notice).toHaveText(/"fake\.png" is not a PNG, JPEG, WebP or GIF image/);
  await expect(app.editor.locator('.note-image')).toHaveCount(0);
  expect(await assetFiles(host.libraryPath)).toEqual([]);

  await app.notice.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(app.notice).toBeHidden();
  await app.typeInNote(' here');
  await app.waitUntilSaved();
  await expectStoredType(host.libraryPath, 'Slides and pictures', 'paragraph');
  expect(storedNodes(await readStoredNote(host.libraryPath, 'Slides and pictures')).some((node) => node.type === 'image')).toBe(false);
});

test('only stored photos of the event are served, and only to the signed-in page', async ({ page, host, browser }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.paste({ files: [RED_PNG] });
  await expect(app.editor.locator('.note-image img')).toHaveAttribute('src', /^event-assets\/[^/]+\/[0-9a-f]{64}\.png$/);
  const src = (await app.editor.locator('.note-image img').getAttribute('src'))!;
  // The page's own base: the host serves everything under this run's path key.
  const base = new URL('.', page.url()).href.replace(/\/$/, '');

  const ok = await page.request.get(`${base}/${src}`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-type']).toBe('image/png');

  const eventId = src.split('/')[1];
  for (const path of [`event-assets/${eventId}/../event.json`, `event-assets/${eventId}/%2e%2e%2fevent.json`, `event-assets/${eventId}/event.json`, `event-assets/..%2f..%2fetc/passwd`]) {
    expect((await page.request.get(`${base}/${path}`)).status(), path).toBe(404);
  }
  // Without this run's path key, nothing, not even a photo.
  const origin = new URL(host.url).origin;
  const stranger = await browser.newContext();
  expect((await stranger.request.get(`${origin}/${src}`)).status()).toBe(401);
  expect((await stranger.request.get(`${origin}/${'0'.repeat(32)}/${src}`)).status()).toBe(401);
  await stranger.close();
});

test('the toolbar’s Add photo button picks photos from disk', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  const chooser = page.waitForEvent('filechooser');
  await app.runToolbarCommand('Add photo');
  await (await chooser).setFiles({ name: DOT_GIF.name, mimeType: DOT_GIF.type, buffer: Buffer.from(DOT_GIF.base64, 'base64') });
  await expect(app.editor.locator('.note-image')).toHaveCount(1);
  await expect.poll(() => photoLoaded(app, 0)).toBe(1);
  await app.waitUntilSaved();
  expect(await assetFiles(host.libraryPath)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.gif$/)]);
});

test('a photo still being copied when another session is opened is not put into that session’s note, and says so', async ({ page, host }) => {
  const app = new NoteCapture(page);
  await openTalk(app);
  await app.addSession({ title: 'Next talk', start: '15:00', end: '16:00' });
  await app.openSession('Slides and pictures');
  await app.typeInNote('Before the photo');

  // A slow disk: the copy is still on its way when the reporter moves on.
  let releaseCopy: () => void = () => undefined;
  const copyHeld = new Promise<void>((resolve) => (releaseCopy = resolve));
  await page.route(/\/api\/assets(%3A|:)store$/, async (route) => {
    await copyHeld;
    await route.continue();
  });
  await app.paste({ files: [RED_PNG] });
  await app.openSession('Next talk');
  await app.typeInNote('Next notes');
  releaseCopy();

  await expect(app.notice).toHaveText(/"slide\.png" was not added: another note was opened while it was being copied/);
  await expect(app.editor.locator('.note-image')).toHaveCount(0);
  await expect(app.editor).toHaveText('Next notes');
  await app.waitUntilSaved();
  await page.unrouteAll({ behavior: 'wait' });
  expect(storedNodes(await readStoredNote(host.libraryPath, 'Next talk')).filter((node) => node.type === 'image')).toEqual([]);
  await app.openSession('Slides and pictures');
  await expect(app.editor).toHaveText('Before the photo');
  await expect(app.editor.locator('.note-image')).toHaveCount(0);
});
