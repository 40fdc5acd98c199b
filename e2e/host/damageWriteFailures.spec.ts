import { execFileSync } from 'node:child_process';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HallnotesApp } from '../support/hallnotesApp';
import { checkLibraryIntegrity } from '../support/libraryIntegrity';
import { readNoteTexts } from '../support/libraryFiles';
import { expect, test, type Hosts } from '../support/restartableHost';
import { SafetyViews } from '../support/safetyViews';

/** Mounts a small tmpfs on the (empty) library folder; returns why not when this machine refuses (no root, no mount). */
function mountSmallDisk(folder: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0755', 'tmpfs', folder], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mounting a tmpfs was refused here (${String((error as { stderr?: Buffer }).stderr ?? error).trim() || 'no permission'})`;
  }
}

function remount(folder: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, folder], { stdio: 'pipe' });
}

async function withSmallDisk(hosts: Hosts, run: () => Promise<void>): Promise<void> {
  await mkdir(hosts.libraryPath, { recursive: true });
  const refused = mountSmallDisk(hosts.libraryPath);
  test.skip(refused !== null, refused ?? '');
  try {
    await run();
  } finally {
    execFileSync('umount', ['-l', hosts.libraryPath], { stdio: 'pipe' });
  }
}

/** Writes zeros until the disk is full; returns the filler file to delete later. */
async function fillDisk(folder: string): Promise<string> {
  const filler = join(folder, 'filler.bin');
  const handle = await open(filler, 'w');
  const chunk = Buffer.alloc(16 * 1024);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
  return filler;
}

async function startWithNote(hosts: Hosts, page: HallnotesApp['page']) {
  const host = await hosts.start();
  await page.goto(host.url);
  const app = new HallnotesApp(page);
  await app.createEvent({ title: 'Full Disk Fest', startDate: '2026-09-01' });
  await app.addSession({ title: 'Storage panel', start: '10:00' });
  await app.openSession('Storage panel');
  await app.typeInNote('Saved before the trouble.');
  await app.waitUntilSaved();
  return app;
}

test('a full disk: a banner says notes are not being saved and why, typing in several notes goes on, and all of it is saved once there is room', async ({ page, hosts }) => {
  await withSmallDisk(hosts, async () => {
    const app = await startWithNote(hosts, page);
    const safety = new SafetyViews(page);
    await app.addSession({ title: 'Closing', start: '17:00' });
    await app.openSession('Storage panel');
    const filler = await fillDisk(hosts.libraryPath);

    await app.typeInNote(' Typed while the disk was full.');
    await expect(safety.savingBanner).toContainText('Notes are not being saved.');
    await expect(safety.savingBanner).toContainText('Could not save the note for "Storage panel": the disk is full.');
    await expect(app.saveIndicator).toHaveText('Not saved');
    await app.openSession('Closing');
    await app.typeInNote('Closing words, on a full disk.');
    await expect(safety.savingBanner).toContainText('2 notes have changes that are kept in this window');
    await app.openSession('Storage panel');
    await app.typeInNote(' And more.');
    await expect(app.editor).toHaveText('Saved before the trouble. Typed while the disk was full. And more.');
    // What was on disk is intact: the failed writes never touched it.
    expect(await readNoteTexts(hosts.libraryPath)).toEqual({ 'Storage panel': 'Saved before the trouble.' });

    await rm(filler);
    await app.waitUntilSaved();
    await expect(safety.savingBanner).toHaveCount(0);
    expect(await readNoteTexts(hosts.libraryPath)).toEqual({
      'Storage panel': 'Saved before the trouble. Typed while the disk was full. And more.',
      Closing: 'Closing words, on a full disk.',
    });
    const integrity = await checkLibraryIntegrity(hosts.libraryPath);
    expect(integrity.broken).toEqual([]);
    expect(integrity.leftoverTemps).toEqual([]);
  });
});

test('a disk that turns read-only: the banner names it, and saving resumes by itself when it is writable again', async ({ page, hosts }) => {
  await withSmallDisk(hosts, async () => {
    const app = await startWithNote(hosts, page);
    const safety = new SafetyViews(page);
    remount(hosts.libraryPath, 'ro');
    try {
      await app.typeInNote(' Typed while read-only.');
      await expect(safety.savingBanner).toContainText('Could not save the note for "Storage panel": the disk is read-only.');
      await expect(app.editor).toHaveText('Saved before the trouble. Typed while read-only.');
      expect(await readNoteTexts(hosts.libraryPath)).toEqual({ 'Storage panel': 'Saved before the trouble.' });
    } finally {
      remount(hosts.libraryPath, 'rw');
    }
    await app.waitUntilSaved();
    await expect(safety.savingBanner).toHaveCount(0);
    expect(await readNoteTexts(hosts.libraryPath)).toEqual({ 'Storage panel': 'Saved before the trouble. Typed while read-only.' });
  });
});

test('a library folder that disappears (a USB stick pulled out): the banner says so, nothing is recreated, and the typing is saved when it is back', async ({ page, hosts }) => {
  const app = await startWithNote(hosts, page);
  const safety = new SafetyViews(page);
  await app.addSession({ title: 'Closing', start: '17:00' });
  await app.openSession('Storage panel');
  const away = `${hosts.libraryPath}-unplugged`;
  await rename(hosts.libraryPath, away);

  await app.typeInNote(' Typed while unplugged.');
  await expect(safety.savingBanner).toContainText(`The library folder ${hosts.libraryPath} cannot be found`);
  // Another note cannot be opened meanwhile, and says why; the unsaved one still shows its text.
  await app.sessionRow('Closing').locator('.session-open').click();
  await expect(page.getByRole('region', { name: 'Note' }).getByRole('alert')).toContainText('cannot be found');
  await app.openSession('Storage panel');
  await expect(app.editor).toHaveText('Saved before the trouble. Typed while unplugged.');
  expect(await readdir(join(hosts.libraryPath, '..'))).not.toContain('library');

  await rename(away, hosts.libraryPath);
  await app.waitUntilSaved();
  await expect(safety.savingBanner).toHaveCount(0);
  expect(await readNoteTexts(hosts.libraryPath)).toEqual({ 'Storage panel': 'Saved before the trouble. Typed while unplugged.' });
});
