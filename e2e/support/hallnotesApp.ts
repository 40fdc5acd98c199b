import { expect, type Locator, type Page } from '@playwright/test';
import { typeIntoField } from './typeIntoField';

export type EventInput = { title: string; venue?: string; startDate: string; endDate?: string; timezone?: string; author?: string };
export type SpeakerInput = { name: string; role?: string; organisation?: string };
export type SessionInput = {
  title: string;
  start: string;
  end?: string;
  day?: number;
  kind?: 'keynote' | 'plenary' | 'panel' | 'break-out' | 'workshop' | 'break';
  room?: string;
  status?: 'planned' | 'live' | 'covered' | 'skipped';
  speakers?: SpeakerInput[];
};

/** Page object for the Hallnotes renderer: the steps a reporter takes, in their words. */
export class HallnotesApp {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get editor(): Locator {
    return this.page.getByRole('textbox', { name: 'Note' });
  }

  get saveIndicator(): Locator {
    return this.page.locator('.save-indicator');
  }

  get sessionList(): Locator {
    return this.page.getByRole('list', { name: 'Sessions' });
  }

  eventInList(title: string): Locator {
    return this.page.getByRole('navigation', { name: 'Events' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  sessionRow(title: string): Locator {
    return this.sessionList.getByRole('listitem').filter({ has: this.page.locator('.session-title', { hasText: exactText(title) }) });
  }

  /** The titles of the open day's sessions, top to bottom. */
  sessionTitles(): Promise<string[]> {
    return this.sessionList.locator('.session-title').allTextContents();
  }

  async createEvent(event: EventInput): Promise<void> {
    await this.page.getByRole('button', { name: 'New event' }).first().click();
    await this.fillEventForm(event);
    await this.dialog.getByRole('button', { name: 'Create event' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.page.getByRole('heading', { level: 1, name: event.title })).toBeVisible();
  }

  async fillEventForm(event: Partial<EventInput>): Promise<void> {
    const form = this.dialog;
    if (event.title !== undefined) await typeIntoField(form.getByLabel('Title'), event.title);
    if (event.venue !== undefined) await typeIntoField(form.getByLabel('Venue'), event.venue);
    if (event.startDate !== undefined) await typeIntoField(form.getByLabel('Start date'), event.startDate);
    if (event.endDate !== undefined) await typeIntoField(form.getByLabel('End date'), event.endDate);
    if (event.timezone !== undefined) await form.getByLabel('Time zone').selectOption(event.timezone);
    if (event.author !== undefined) await typeIntoField(form.getByLabel('Default author'), event.author);
  }

  async selectDay(day: number): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^Day ${day}\\b`) }).click();
  }

  async addSession(session: SessionInput): Promise<void> {
    if (session.day) await this.selectDay(session.day);
    await this.page.getByRole('button', { name: 'Add session' }).click();
    await this.fillSessionForm(session);
    await this.dialog.getByRole('button', { name: 'Add session' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.noteTitle).toHaveText(session.title);
  }

  async fillSessionForm(session: Partial<SessionInput>): Promise<void> {
    const form = this.dialog;
    if (session.title !== undefined) await typeIntoField(form.getByLabel('Title'), session.title);
    if (session.start !== undefined) await typeIntoField(form.getByLabel('Start time'), session.start);
    if (session.end !== undefined) await typeIntoField(form.getByLabel('End time'), session.end);
    if (session.kind !== undefined) await form.getByLabel('Kind').selectOption(session.kind);
    if (session.room !== undefined) await typeIntoField(form.getByLabel('Room'), session.room);
    if (session.status !== undefined) await form.getByLabel('Status').selectOption(session.status);
    for (const [index, speaker] of (session.speakers ?? []).entries()) {
      const number = index + 1;
      if ((await form.getByLabel(`Speaker ${number} name`).count()) === 0) await form.getByRole('button', { name: 'Add speaker' }).click();
      await typeIntoField(form.getByLabel(`Speaker ${number} name`), speaker.name);
      await typeIntoField(form.getByLabel(`Speaker ${number} role`), speaker.role ?? '');
      await typeIntoField(form.getByLabel(`Speaker ${number} organisation`), speaker.organisation ?? '');
    }
  }

  /** A row's move, edit or delete button as a user reaches it: they show while the pointer is over the row. */
  async sessionAction(title: string, name: string): Promise<Locator> {
    const row = this.sessionRow(title);
    await row.hover();
    return row.getByRole('button', { name });
  }

  async editSession(title: string, changes: Partial<SessionInput>): Promise<void> {
    await (await this.sessionAction(title, `Edit “${title}”`)).click();
    await this.fillSessionForm(changes);
    await this.dialog.getByRole('button', { name: 'Save session' }).click();
    await expect(this.dialog).toBeHidden();
  }

  async moveSession(title: string, direction: 'up' | 'down'): Promise<void> {
    const before = await this.sessionTitles();
    await (await this.sessionAction(title, `Move “${title}” ${direction}`)).click();
    const index = before.indexOf(title);
    const after = [...before];
    const target = index + (direction === 'up' ? -1 : 1);
    [after[index], after[target]] = [after[target], after[index]];
    await expect(this.sessionList.locator('.session-title')).toHaveText(after);
  }

  async deleteSession(title: string): Promise<void> {
    await (await this.sessionAction(title, `Delete “${title}”`)).click();
    await expect(this.dialog).toContainText('trash');
    await this.dialog.getByRole('button', { name: 'Delete session' }).click();
    await expect(this.dialog).toBeHidden();
    await expect(this.sessionRow(title)).toHaveCount(0);
  }

  get noteTitle(): Locator {
    return this.page.locator('.session-header-title');
  }

  /** Opens a session's note and waits until its editor has the keyboard. */
  async openSession(title: string): Promise<void> {
    await this.sessionRow(title).locator('.session-open').click();
    await expect(this.noteTitle).toHaveText(title);
    await expect(this.editor).toBeFocused();
  }

  /** Types at the end of the open note, as a person would (Markdown shortcuts included). */
  async typeInNote(text: string): Promise<void> {
    await this.editor.focus();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  /** Types line by line: each entry is followed by Enter, except the last. */
  async typeLines(lines: string[]): Promise<void> {
    await this.editor.focus();
    await this.page.keyboard.press('ControlOrMeta+End');
    for (const [index, line] of lines.entries()) {
      if (index > 0) await this.page.keyboard.press('Enter');
      await this.page.keyboard.type(line);
    }
  }

  /** Waits for this editing session's own save to land (not the time an opened note was last saved). */
  async waitUntilSaved(): Promise<void> {
    await expect(this.saveIndicator).toHaveAttribute('data-state', 'saved');
    await expect(this.saveIndicator).toHaveText(/^Saved \d\d:\d\d:\d\d$/);
  }

  /** Reloads the page (closing and reopening the app, as far as the renderer can tell). */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.page.getByRole('navigation', { name: 'Events' })).toBeVisible();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactText(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}$`);
}
