import { test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { createSummitWithNotes, expectSummitIntact } from '../journeys/summitJourney';

test('an event, its sessions and formatted notes are all still there after reopening', async ({ page }) => {
  await createSummitWithNotes(page);
  const app = new HallnotesApp(page);
  await app.reload();
  await expectSummitIntact(page);

  // The keynote note is open now: a realistic picture for the README, refreshed in docs/ by
  // `npm run screenshot` (every run would otherwise change the tracked file).
  await page.mouse.move(0, 0);
  await page.locator('.editor-content').evaluate((element) => (element as HTMLElement).blur());
  await page.screenshot({ path: process.env.UPDATE_SCREENSHOT ? 'docs/screenshot.png' : test.info().outputPath('screenshot.png') });
});
