import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitExecPath, startGitHttpServer } from '../../scripts/ci/gitHttpServer.mjs';
import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { setDefaultAuthor, startColleagueHost, TeamViews } from '../support/teamViews';
import { typeIntoField } from '../support/typeIntoField';

test('two libraries sync one event through a real Git server from the Team panel: last sync time and what came in', async ({ page, browser }) => {
  test.skip(!gitExecPath(), 'git http-backend is not installed (Debian: apt-get install git), so there is no real Git server to sync with');
  test.setTimeout(120_000);
  const serverRoot = await mkdtemp(join(tmpdir(), 'hallnotes-e2e-git-'));
  const server = await startGitHttpServer({ root: serverRoot });
  const remote = `${server.url}/open-data-day.git`;
  const colleague = await startColleagueHost(browser);
  try {
    const ada = new HallnotesApp(page);
    const adaTeam = new TeamViews(page);
    await setDefaultAuthor(page, 'Ada Lovelace');
    await ada.createEvent({ title: 'Open Data Day', startDate: '2026-03-07' });
    await ada.addSession({ title: 'Opening keynote', start: '09:00' });
    await ada.addSession({ title: 'Closing panel', start: '17:00' });
    await ada.openSession('Opening keynote');
    await ada.typeInNote('The mayor opened with a promise.');
    await ada.waitUntilSaved();

    // Ada sets the remote and syncs: the panel says when, and the button under the agenda too.
    await adaTeam.openTeamPanel();
    await typeIntoField(adaTeam.teamDialog.getByLabel('Repository address'), remote);
    await adaTeam.teamDialog.getByRole('button', { name: 'Save remote' }).click();
    await adaTeam.teamDialog.getByRole('button', { name: 'Sync now' }).click();
    const adaStatus = adaTeam.teamDialog.getByRole('status', { name: 'Sync status' });
    await expect(adaStatus).toContainText(/^Synced \w{3} \d\d:\d\d with /);
    await expect(adaStatus.getByRole('list', { name: 'What came in at the last sync' })).toHaveText('Nothing new.');
    await adaTeam.teamDialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('button', { name: /^Team · Synced \w{3} \d\d:\d\d$/ })).toBeVisible();

    // Ben starts from Ada's bundle, then syncs with the same remote.
    const ben = new HallnotesApp(colleague.page);
    const benTeam = new TeamViews(colleague.page);
    await setDefaultAuthor(colleague.page, 'Ben Okafor');
    await benTeam.chooseBundle(await adaTeam.exportBundle());
    await benTeam.importDialog.getByRole('button', { name: 'Create event and import' }).click();
    await expect(colleague.page.getByRole('heading', { level: 1, name: 'Open Data Day' })).toBeVisible();
    await benTeam.openTeamPanel();
    await typeIntoField(benTeam.teamDialog.getByLabel('Repository address'), remote);
    await benTeam.teamDialog.getByRole('button', { name: 'Save remote' }).click();
    await benTeam.teamDialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(benTeam.teamDialog.getByRole('status', { name: 'Sync status' })).toContainText(/^Synced /);
    await benTeam.teamDialog.getByRole('button', { name: 'Done' }).click();

    // Ada writes the closing panel and syncs; Ben's next sync brings it in and says so.
    await ada.openSession('Closing panel');
    await ada.typeInNote('The panel ended with a pledge.');
    await ada.waitUntilSaved();
    await adaTeam.openTeamPanel();
    await adaTeam.teamDialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(adaTeam.teamDialog.getByRole('button', { name: 'Sync now' })).toBeEnabled();
    await adaTeam.teamDialog.getByRole('button', { name: 'Done' }).click();

    await benTeam.openTeamPanel();
    await benTeam.teamDialog.getByRole('button', { name: 'Sync now' }).click();
    await expect(benTeam.teamDialog.getByRole('list', { name: 'What came in at the last sync' })).toHaveText('Notes added: “Closing panel” (Ada Lovelace)');
    await benTeam.teamDialog.getByRole('button', { name: 'Done' }).click();
    await ben.openSession('Closing panel');
    await expect(ben.editor).toHaveText('The panel ended with a pledge.');
  } finally {
    await colleague.close();
    await server.close();
    await rm(serverRoot, { recursive: true, force: true });
  }
});
