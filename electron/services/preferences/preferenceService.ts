import type Conf from 'conf';
import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences } from '../../../shared/model/preferences';
import { parseOrThrow } from '../validation/parseOrThrow';

/** What both electron-store (in the app) and plain `conf` (host, CLI) provide. */
export type PreferenceBackend = Pick<Conf<Preferences>, 'store' | 'set'>;

/**
 * Preferences are validated key by key on every read: a hand-edited or older settings file
 * falls back to the default for the keys it gets wrong instead of failing to start.
 */
export class PreferenceService {
  constructor(private readonly backend: PreferenceBackend) {}

  get(): Preferences {
    const stored = this.backend.store as Record<string, unknown>;
    const preferences = { ...DEFAULT_PREFERENCES };
    for (const key of Object.keys(DEFAULT_PREFERENCES) as (keyof Preferences)[]) {
      const parsed = preferencesSchema.shape[key].safeParse(stored[key]);
      if (parsed.success) (preferences as Record<string, unknown>)[key] = parsed.data;
    }
    return preferences;
  }

  set(changes: Partial<Preferences>): Preferences {
    const valid = parseOrThrow(preferencesSchema.partial(), changes, 'preferences');
    // conf refuses undefined values; a key left undefined (`{ theme: flags.theme }`) means "no change".
    this.backend.set(Object.fromEntries(Object.entries(valid).filter(([, value]) => value !== undefined)));
    return this.get();
  }
}
