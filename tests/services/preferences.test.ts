import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConfPreferences } from '../../electron/services/preferences/openConfPreferences';
import { PreferenceService } from '../../electron/services/preferences/preferenceService';
import { DEFAULT_PREFERENCES } from '../../shared/model/preferences';

let configFolder: string;
let warnings: string[];
const preferencesFile = () => join(configFolder, 'preferences.json');
const open = () => new PreferenceService(openConfPreferences(configFolder, (message) => warnings.push(message)));

beforeEach(async () => {
  configFolder = await mkdtemp(join(tmpdir(), 'hallnotes-config-'));
  warnings = [];
});
afterEach(async () => {
  await rm(configFolder, { recursive: true, force: true });
});

describe('preferences', () => {
  it('starts with the defaults', () => {
    expect(open().get()).toEqual(DEFAULT_PREFERENCES);
    expect(warnings).toEqual([]);
  });

  it('stores changes in preferences.json and reads them back after a restart', async () => {
    const returned = open().set({ theme: 'dark', defaultAuthor: 'Ana Reporter', lastEventId: 'web-summit-k3f9' });
    expect(returned).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', defaultAuthor: 'Ana Reporter', lastEventId: 'web-summit-k3f9' });
    expect(JSON.parse(await readFile(preferencesFile(), 'utf8'))).toMatchObject({ theme: 'dark', defaultAuthor: 'Ana Reporter' });
    expect(open().get()).toEqual(returned);
  });

  it('ignores keys left undefined in a change', () => {
    const preferences = open();
    preferences.set({ theme: 'dark' });
    expect(preferences.set({ theme: undefined, textSize: 'large' })).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', textSize: 'large' });
  });

  it.each([
    [{ theme: 'purple' }, /theme/],
    [{ textSize: 3 }, /textSize/],
    [{ defaultAuthor: 'x'.repeat(201) }, /defaultAuthor/],
    [{ lastEventId: '../../etc' }, /lastEventId must be lower-case letters, digits and dashes/],
    [{ windowBounds: {} }, /windowBounds/],
  ])('refuses %j with a message naming the setting and changes nothing', (changes, message) => {
    const preferences = open();
    let thrown: unknown;
    try {
      preferences.set(changes as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(message) });
    expect(preferences.get()).toEqual(DEFAULT_PREFERENCES);
  });

  it('falls back to the default for a hand-broken value and keeps the good ones', async () => {
    await writeFile(preferencesFile(), JSON.stringify({ theme: 'neon', textSize: 'large', defaultAuthor: 42, lastEventId: 'my-event-abcd' }));
    expect(open().get()).toEqual({ ...DEFAULT_PREFERENCES, textSize: 'large', lastEventId: 'my-event-abcd' });
    expect(warnings).toEqual([]);
  });

  it('moves a garbage preferences file aside with a warning and uses the defaults', async () => {
    await writeFile(preferencesFile(), '{"theme": "dark", oops');
    const preferences = open();
    expect(preferences.get()).toEqual(DEFAULT_PREFERENCES);
    expect(warnings).toHaveLength(1);
    const aside = (await readdir(configFolder)).find((name) => name.startsWith('preferences.json.damaged-'));
    expect(aside).toBeDefined();
    expect(warnings[0]).toContain(join(configFolder, aside!));
    expect(await readFile(join(configFolder, aside!), 'utf8')).toBe('{"theme": "dark", oops');
    preferences.set({ theme: 'light' });
    expect(existsSync(preferencesFile())).toBe(true);
    expect(open().get().theme).toBe('light');
  });
});
