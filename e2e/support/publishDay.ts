import { expect, type Page } from '@playwright/test';
import { NoteCapture, type ClipboardFile } from './noteCapture';

/** A 4×3 red PNG. */
const SLIDE: ClipboardFile = { name: 'slide.png', type: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4oaEBRww4OQAHpg0hlLAT/AAAAABJRU5ErkJggg==' };

/** A one-day event with two covered sessions, one with a quote and a photo, the other with a note; returns its unique title. */
export async function coverTheDay(page: Page): Promise<string> {
  const app = new NoteCapture(page);
  const title = `Publish Fest ${Date.now().toString(36)}`;
  await app.createEvent({ title, startDate: '2026-09-14', timezone: 'Europe/Berlin', author: 'Sam Reporter' });
  await app.addSession({ title: 'Opening keynote', start: '09:00', end: '09:45', kind: 'keynote', status: 'covered', speakers: [{ name: 'Priya Raman', role: 'Chief Architect', organisation: 'Northwind' }] });
  await app.typeLines(['Raman opened with 4,200 clusters in production.', '> We moved to stop waiting.']);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await app.paste({ files: [SLIDE] });
  await expect(app.editor.locator('.note-image')).toHaveCount(1);
  await app.editor.locator('.note-image').getByLabel('Photo caption').click();
  await page.keyboard.type('The cluster map');
  await app.waitUntilSaved();
  await app.addSession({ title: 'Who funds the commons?', start: '10:00', end: '10:45', kind: 'panel', status: 'covered', speakers: [{ name: 'Tomás Herrera', role: 'Maintainer', organisation: 'OpenRail' }] });
  await app.typeLines(['Most critical projects have one maintainer.']);
  await app.waitUntilSaved();
  return title;
}
