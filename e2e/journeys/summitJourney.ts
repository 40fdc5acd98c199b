import { expect, type Page } from '@playwright/test';
import { HallnotesApp, type EventInput, type SessionInput } from '../support/hallnotesApp';

/**
 * The reporter's core journey at a realistic event: create it, add the first morning's
 * sessions, take notes in two of them with Markdown shortcuts. The people and organisations
 * are invented. Used by the host suite and the Electron suite alike.
 */
export const SUMMIT: EventInput = {
  title: 'Open Source Summit Europe 2026',
  venue: 'Amsterdam RAI, Amsterdam',
  startDate: '2026-08-25',
  endDate: '2026-08-27',
  timezone: 'Europe/Amsterdam',
  author: 'Sam Reporter',
};

export const SUMMIT_SESSIONS: SessionInput[] = [
  {
    title: 'Welcome and opening remarks',
    start: '09:00',
    end: '09:20',
    kind: 'keynote',
    room: 'Auditorium',
    status: 'covered',
    speakers: [{ name: 'Marta Kowalski', role: 'Executive Director', organisation: 'Open Infrastructure Foundation' }],
  },
  {
    title: 'The reality of cloud: ten years of running Kubernetes',
    start: '09:20',
    end: '10:00',
    kind: 'keynote',
    room: 'Auditorium',
    status: 'live',
    speakers: [{ name: 'Priya Raman', role: 'Chief Architect', organisation: 'Northwind Systems' }],
  },
  { title: 'Coffee break', start: '10:00', end: '10:30', kind: 'break', room: 'Foyer' },
  {
    title: 'Maintainers under pressure: who funds the commons?',
    start: '10:30',
    end: '11:15',
    kind: 'panel',
    room: 'Hall G',
    speakers: [
      { name: 'Tomás Herrera', role: 'Core maintainer', organisation: 'OpenRail Project' },
      { name: 'Aiko Tanaka', role: 'Head of OSPO', organisation: 'Hanseatic Cloud' },
      { name: 'Daniel Okafor', role: 'Program Manager', organisation: 'Sovereign Tech Fund' },
    ],
  },
  {
    title: 'SBOMs in practice: from compliance to confidence',
    start: '11:30',
    end: '12:10',
    kind: 'break-out',
    room: 'Room E104',
    speakers: [{ name: 'Lena Vogt', role: 'Security Engineer', organisation: 'Lindqvist Labs' }],
  },
];

/** Lines typed into the keynote note; "## ", "> ", "- " and "**…**" are Markdown shortcuts. */
const KEYNOTE_LINES = [
  '## Ten years in production',
  'Raman opened with the numbers: Northwind runs **4,200 clusters** across three regions, and cut idle compute by 38% in a year.',
  '> We did not move to the cloud to save money. We moved to stop waiting.',
  'What changed:',
  '- Platform teams own the paved road',
  'Cost dashboards go to every team weekly',
  'Upgrades are boring again',
];
const PANEL_LINES = ['## Funding', 'Herrera: most critical projects still have **one or two** maintainers.', '1. Pay for maintenance, not features', 'Fund audits before incidents'];

export async function createSummitWithNotes(page: Page): Promise<void> {
  const app = new HallnotesApp(page);
  await app.createEvent(SUMMIT);
  for (const session of SUMMIT_SESSIONS) await app.addSession(session);

  await app.openSession(SUMMIT_SESSIONS[1].title);
  await app.typeLines(KEYNOTE_LINES);
  // Leave the list: Enter on an empty item turns it back into a paragraph.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Next: the funding panel in Hall G.');
  await app.waitUntilSaved();

  await app.openSession(SUMMIT_SESSIONS[3].title);
  await app.typeLines(PANEL_LINES);
  await app.waitUntilSaved();
}

/** After closing and reopening: every session, speaker, time and note is as it was left. */
export async function expectSummitIntact(page: Page): Promise<void> {
  const app = new HallnotesApp(page);
  await expect(app.eventInList(SUMMIT.title)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: SUMMIT.title })).toBeVisible();
  await expect(page.getByText(SUMMIT.venue!)).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(3);

  // The last opened session comes back open, on its day.
  await expect(app.noteTitle).toHaveText(SUMMIT_SESSIONS[3].title);
  await expect(app.sessionList.locator('.session-title')).toHaveText(SUMMIT_SESSIONS.map((session) => session.title));
  for (const session of SUMMIT_SESSIONS) {
    await expect(app.sessionRow(session.title).locator('.session-time')).toHaveText(`${session.start}–${session.end}`);
  }

  const panelNote = app.editor;
  await expect(panelNote.locator('h2')).toHaveText('Funding');
  await expect(panelNote.locator('strong, b')).toHaveText('one or two');
  await expect(panelNote.locator('ol > li')).toHaveText(['Pay for maintenance, not features', 'Fund audits before incidents']);
  const panelSpeakers = page.getByRole('list', { name: 'Speakers' }).getByRole('listitem');
  await expect(panelSpeakers).toHaveText([/Tomás Herrera.*Core maintainer, OpenRail Project/, /Aiko Tanaka.*Head of OSPO, Hanseatic Cloud/, /Daniel Okafor.*Program Manager, Sovereign Tech Fund/]);

  await app.openSession(SUMMIT_SESSIONS[1].title);
  const keynote = app.editor;
  await expect(keynote.locator('h2')).toHaveText('Ten years in production');
  await expect(keynote.locator('strong, b')).toHaveText('4,200 clusters');
  await expect(keynote.locator('blockquote')).toHaveText('We did not move to the cloud to save money. We moved to stop waiting.');
  await expect(keynote.locator('ul > li')).toHaveText(['Platform teams own the paved road', 'Cost dashboards go to every team weekly', 'Upgrades are boring again']);
  await expect(keynote.locator('p').last()).toHaveText('Next: the funding panel in Hall G.');
  await expect(page.getByRole('list', { name: 'Speakers' })).toContainText('Priya Raman');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('live');
}
