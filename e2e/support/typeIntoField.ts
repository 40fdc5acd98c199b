import type { Locator } from '@playwright/test';

/**
 * Types into a form field as a reporter does: click in it, select what is there, type over it
 * (key by key, so the field's own handling of each key runs; an empty text clears it). Never
 * `.fill()`, which sets the value at once and skips what typing does.
 */
export async function typeIntoField(field: Locator, text: string): Promise<void> {
  const { keyboard } = field.page();
  await field.click();
  await keyboard.press('ControlOrMeta+A');
  if (text === '') await keyboard.press('Delete');
  else await keyboard.type(text);
}
