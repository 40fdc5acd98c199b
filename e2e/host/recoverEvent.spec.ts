import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HallnotesApp } from '../support/hallnotesApp';
import { readEvents } from '../support/libraryFiles';
import { expect, test } from '../support/hostFixture';

test('an event whose event.json was damaged is recovered from the library list, and its note opens again', async ({ page, host }) => {
  const app = new HallnotesApp(page);
  await app.createEvent({ title: 'Fragile Conf', startDate: '2026-09-01' });
  await app.addSession({ title: 'Keynote', start: '09:00' });
  await app.typeInNote('Every word of the keynote.');
  await app.waitUntilSaved();
  const [event] = await readEvents(host.libraryPath);
  await writeFile(join(host.libraryPath, 'events', event.id, 'event.json'), '{"format":1,"id":"fragile-c');

  await app.reload();
  const problems = page.locator('.library-problems');
  await expect(problems).toContainText('could not be read');
  await problems.getByRole('button', { name: 'Recover event' }).click();

  const recovered = page.getByRole('navigation', { name: 'Events' }).getByRole('button', { name: /Recovered event/ });
  await expect(recovered).toBeVisible();
  await expect(problems).toHaveCount(0);
  await recovered.click();
  await app.openSession("Recovered note 1 (the session's details were lost)");
  await expect(app.editor).toHaveText('Every word of the keynote.');
});
