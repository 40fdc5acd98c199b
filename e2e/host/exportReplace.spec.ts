import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { PostPage } from '../support/postPage';

const FILE = 'press-day-day-1-reflections.html';

test('exporting again asks before replacing the earlier file, and the status names the file written', async ({ page }) => {
  const app = new HallnotesApp(page);
  const post = new PostPage(page);
  await app.createEvent({ title: 'Press Day', startDate: '2026-05-04' });
  await app.addSession({ title: 'Opening', start: '09:00', end: '09:30', status: 'covered' });
  await app.typeInNote('The first version of the day.');
  await app.waitUntilSaved();
  await post.open();

  const first = await post.exportAs({ format: 'HTML' });
  expect(first.endsWith(`/${FILE}`)).toBe(true);
  await expect(post.exportOutcome).toContainText(`Saved “${FILE}” in `);
  // The editor has since tidied the exported file by hand.
  await writeFile(first, 'edited by hand');

  const replaceQuestion = page.getByRole('dialog', { name: 'Replace the earlier export?' });
  await post.view.getByRole('button', { name: 'Export…' }).click();
  await expect(replaceQuestion).toContainText(`“${FILE}” is already in ${dirname(first)}`);
  await page.keyboard.press('Escape');
  await expect(replaceQuestion).toBeHidden();
  await expect(post.exportOutcome).toHaveText(`Nothing was exported; “${FILE}” is unchanged.`);
  expect(await readFile(first, 'utf8')).toBe('edited by hand');

  await post.view.getByRole('button', { name: 'Export…' }).click();
  await replaceQuestion.getByRole('button', { name: 'Keep both' }).click();
  await expect(post.exportOutcome).toContainText('Saved “press-day-day-1-reflections-2.html” in ');
  expect(await readFile(first, 'utf8')).toBe('edited by hand');
  expect(await readFile(join(dirname(first), 'press-day-day-1-reflections-2.html'), 'utf8')).toContain('The first version of the day.');

  await post.view.getByRole('button', { name: 'Export…' }).click();
  await replaceQuestion.getByRole('button', { name: 'Replace' }).click();
  await expect(post.exportOutcome).toContainText(`Replaced “${FILE}” in ${dirname(first)} (`);
  expect(await readFile(first, 'utf8')).toContain('The first version of the day.');
  expect((await readdir(dirname(first))).sort()).toEqual(['press-day-day-1-reflections-2.html', FILE]);
});
