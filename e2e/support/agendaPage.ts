import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { HallFeatures } from './hallFeatures';

export const SCHEDULES = join(process.cwd(), 'tests', 'fixtures', 'schedules');
/** FOSDEM 2021: 773 talks over two days in 87 rooms, up to 52 at once. */
export const FOSDEM_2021 = join(SCHEDULES, 'fosdem_2021.xml');

/** Page object for the reporter's own schedule: My day, All sessions with its filters, picks, on now and what is next. */
export class AgendaPage extends HallFeatures {
  constructor(page: Page) {
    super(page);
  }

  get agenda(): Locator {
    return this.page.getByRole('region', { name: 'Agenda' });
  }

  get filter(): Locator {
    return this.agenda.getByRole('searchbox', { name: 'Filter sessions' });
  }

  get roomFilter(): Locator {
    return this.agenda.getByRole('combobox', { name: 'Room or track' });
  }

  view(name: 'My day' | 'All sessions'): Locator {
    return this.agenda.getByRole('group', { name: 'Show' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });
  }

  /** "27 sessions are on now. Which one are you in?" */
  get choice(): Locator {
    return this.agenda.locator('.on-now-choice');
  }

  /** The star on a session's row. */
  pickButton(title: string): Locator {
    return this.sessionRow(title).getByRole('button', { name: `On my list: “${title}”` });
  }

  get headerPick(): Locator {
    return this.page.locator('.session-header').getByRole('button', { name: 'On my list' });
  }

  get nextUp(): Locator {
    return this.page.locator('.next-up');
  }

  /** The list's own scrolling box. */
  get listScroller(): Locator {
    return this.agenda.locator('.session-scroll');
  }

  /** Types into the filter as a reporter does, after clearing what it held. */
  async typeFilter(text: string): Promise<void> {
    await this.filter.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  /** Opens the session the filter finds first, from the keyboard. */
  async openByFilter(text: string, title: string): Promise<void> {
    await this.typeFilter(text);
    await expect(this.sessionRow(title)).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(this.noteTitle).toHaveText(title);
  }

  /** Imports a programme file with the import command, in the venue's zone. */
  async importProgramme(filePath: string, timeZone: string): Promise<void> {
    await this.chooseFile(() => this.page.keyboard.press('ControlOrMeta+O'), filePath);
    await this.importDialog.getByLabel('Show times in').selectOption(timeZone);
    await expect(this.importSummary).toContainText(`times in ${timeZone}`);
    await this.confirmImport();
  }
}

/** Runs the hallnotes CLI on a library, as a script beside the app would; returns its standard output. */
export function hallnotes(libraryPath: string, configPath: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bin', 'hallnotes.mjs'), ...args, '--library', libraryPath], {
      env: { ...process.env, HALLNOTES_CONFIG_DIR: configPath },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(stdout.trim()) : reject(new Error(`hallnotes ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}

type Listed = { id: string; title: string };

/** Imports FOSDEM 2021 with the CLI, picks the sessions titled, and returns the event's id. */
export async function importFosdemWithPicks(libraryPath: string, configPath: string, titles: string[]): Promise<string> {
  const eventId = (await hallnotes(libraryPath, configPath, 'import', FOSDEM_2021, '--timezone', 'Europe/Brussels', '--json').then((out) => JSON.parse(out) as { eventId: string })).eventId;
  const sessions = JSON.parse(await hallnotes(libraryPath, configPath, 'session', 'list', eventId, '--json')) as Listed[];
  for (const title of titles) {
    const session = sessions.find((candidate) => candidate.title === title);
    if (!session) throw new Error(`FOSDEM 2021 has no session "${title}"`);
    await hallnotes(libraryPath, configPath, 'session', 'pick', eventId, session.id);
  }
  return eventId;
}
