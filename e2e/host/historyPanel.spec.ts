import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { readNoteTexts } from '../support/libraryFiles';
import { SafetyViews } from '../support/safetyViews';

test('the history lists snapshots with time and words, previews one read-only, and restores it keeping the current text as a snapshot', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  const safety = new SafetyViews(page);
  await app.createEvent({ title: 'History Hall', startDate: '2026-06-01' });
  await app.addSession({ title: 'Opening', start: '09:00' });
  await app.openSession('Opening');
  // Pasted in one go, so the first overwrite keeps exactly this version.
  await page.keyboard.insertText('The speaker opened with three jokes.');
  await app.waitUntilSaved();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('Oops.');
  await app.waitUntilSaved();

  await safety.openHistory();
  await expect(safety.snapshots).toHaveCount(1);
  await expect(safety.snapshots.first()).toHaveText(/^\w{3} \d{1,2} \w{3}, \d\d:\d\d · 6 words · while editing$/);
  await safety.snapshots.first().click();
  await expect(safety.snapshotPreview).toHaveText('The speaker opened with three jokes.');
  await expect(safety.snapshotPreview).toHaveAttribute('contenteditable', 'false');

  await safety.historyDialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(safety.historyDialog).toBeHidden();
  await expect(app.editor).toHaveText('The speaker opened with three jokes.');
  expect(await readNoteTexts(host.libraryPath)).toEqual({ Opening: 'The speaker opened with three jokes.' });

  // Typing after the restore is saved on top of it; nothing stale from before comes back.
  await app.typeInNote(' Then a demo.');
  await app.waitUntilSaved();
  expect(await readNoteTexts(host.libraryPath)).toEqual({ Opening: 'The speaker opened with three jokes. Then a demo.' });

  await safety.openHistory();
  await expect(safety.snapshots).toHaveCount(2);
  await expect(safety.snapshots.first()).toHaveText(/· 1 word · before a restore$/);
  await safety.snapshots.first().click();
  await expect(safety.snapshotPreview).toHaveText('Oops.');
  await safety.historyDialog.getByRole('button', { name: 'Done' }).click();

  await app.reload();
  await expect(app.editor).toHaveText('The speaker opened with three jokes. Then a demo.');
});

test('a note without snapshots says how they come about', async ({ page }) => {
  const app = new HallnotesApp(page);
  const safety = new SafetyViews(page);
  await app.createEvent({ title: 'History Hall', startDate: '2026-06-01' });
  await app.addSession({ title: 'Fresh', start: '09:00' });
  await safety.openHistory();
  await expect(safety.historyDialog).toContainText('No snapshots yet.');
  await expect(safety.historyDialog.getByRole('button', { name: 'Restore this version' })).toBeDisabled();
});
