/** The laptop's own zone, the default for a new event. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let cached: string[] | null = null;

/** Every IANA zone the browser knows, with `extra` (e.g. the event's current zone) kept in the list. */
export function timeZoneOptions(extra: string): string[] {
  cached ??= Intl.supportedValuesOf('timeZone');
  return cached.includes(extra) ? cached : [extra, ...cached];
}
