import { expect, test } from '../support/hostFixture';
import { HallnotesApp } from '../support/hallnotesApp';
import { SafetyViews } from '../support/safetyViews';
import { setDefaultAuthor, startColleagueHost, TeamViews } from '../support/teamViews';

test('a bundle goes from one library to another: the merge preview, then a "from <author>" version beside the colleague’s own note', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const ada = new HallnotesApp(page);
  const adaTeam = new TeamViews(page);
  await setDefaultAuthor(page, 'Ada Lovelace');
  await ada.createEvent({ title: 'Open Data Day', startDate: '2026-03-07' });
  await ada.addSession({ title: 'Opening keynote', start: '09:00' });
  await ada.addSession({ title: 'Panel on open data', start: '10:00' });
  await ada.openSession('Opening keynote');
  await ada.typeInNote('The mayor opened with a promise.');
  await ada.waitUntilSaved();
  const firstBundle = await adaTeam.exportBundle();

  const colleague = await startColleagueHost(browser);
  try {
    const ben = new HallnotesApp(colleague.page);
    const benTeam = new TeamViews(colleague.page);
    await setDefaultAuthor(colleague.page, 'Ben Okafor');

    // Into a library that does not have the event yet: a new event, with Ada's note.
    await benTeam.chooseBundle(firstBundle);
    await expect(benTeam.importDialog).toContainText('This library does not have this event yet: it becomes a new event.');
    await expect(benTeam.mergePreview).toContainText('Notes added: “Opening keynote” (Ada Lovelace)');
    await benTeam.importDialog.getByRole('button', { name: 'Create event and import' }).click();
    await expect(benTeam.importDialog).toBeHidden();
    await expect(colleague.page.getByRole('heading', { level: 1, name: 'Open Data Day' })).toBeVisible();
    await ben.openSession('Opening keynote');
    await expect(ben.editor).toHaveText('The mayor opened with a promise.');

    // Both write in the panel; Ada hands over again.
    await ada.openSession('Panel on open data');
    await ada.typeInNote('Ada: the panel agreed on open licences.');
    await ada.waitUntilSaved();
    await ben.openSession('Panel on open data');
    await ben.typeInNote('Ben: the panel split over funding.');
    await ben.waitUntilSaved();
    const secondBundle = await adaTeam.exportBundle();

    await benTeam.chooseBundle(secondBundle);
    await expect(benTeam.importDialog).toContainText('Merges into “Open Data Day” (the same event)');
    await expect(benTeam.mergePreview).toContainText('Notes both of you changed, theirs kept beside yours: “Panel on open data” (Ada Lovelace)');
    await benTeam.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(benTeam.importDialog).toBeHidden();

    // Ben's own note stays; Ada's is a clear, visible version beside it, the Team button counts it and the agenda marks its session.
    await expect(ben.editor).toHaveText('Ben: the panel split over funding.');
    await expect(colleague.page.getByRole('button', { name: 'Team · 1 note with two versions' })).toBeVisible();
    await expect(ben.sessionRow('Panel on open data').locator('.session-open')).toHaveAccessibleName(/, two versions$/);
    await expect(ben.sessionRow('Opening keynote')).not.toContainText('two versions');
    await colleague.page.getByRole('region', { name: 'Agenda' }).screenshot({ path: test.info().outputPath('agenda-two-versions.png') });
    await expect(benTeam.incomingBanner).toContainText('Ada Lovelace’s version came in (7 words,');
    await expect(benTeam.incomingBanner).toContainText('you both changed this note.');
    await benTeam.incomingBanner.getByRole('button', { name: 'Compare both' }).click();
    const compare = colleague.page.getByRole('dialog', { name: 'Two versions of “Panel on open data”' });
    await expect(compare.getByRole('region', { name: 'Your version' })).toContainText('Ben: the panel split over funding.');
    await expect(compare.getByRole('region', { name: 'Ada Lovelace’s version' })).toContainText('Ada: the panel agreed on open licences.');
    await compare.getByRole('button', { name: 'Back to my note' }).click();

    const history = new SafetyViews(colleague.page);
    await history.openHistory();
    await expect(history.snapshots.first()).toHaveText(/· from Ada Lovelace$/);
    await history.historyDialog.getByRole('button', { name: 'Done' }).click();

    // At the small window size the choice is on screen; with the default window at 150% zoom it is one scroll away, and the Team panel still closes.
    await colleague.page.setViewportSize({ width: 1024, height: 640 });
    for (const name of ['Compare both', 'Use Ada Lovelace’s', 'Keep mine']) await expect(benTeam.incomingBanner.getByRole('button', { name })).toBeInViewport();
    await colleague.page.setViewportSize({ width: 853, height: 533 });
    await benTeam.openTeamPanel();
    await expect(benTeam.teamDialog.getByRole('button', { name: 'Done' })).toBeInViewport();
    await benTeam.teamDialog.getByRole('button', { name: 'Done' }).click();
    await benTeam.incomingBanner.getByRole('button', { name: 'Use Ada Lovelace’s' }).click();
    await expect(ben.editor).toHaveText('Ada: the panel agreed on open licences.');
    await expect(benTeam.incomingBanner).toBeHidden();
    await expect(ben.sessionRow('Panel on open data')).not.toContainText('two versions');
    await history.openHistory();
    await expect(history.snapshots.first()).toHaveText(/· before a teammate’s version replaced it$/);
  } finally {
    await colleague.close();
  }
});
