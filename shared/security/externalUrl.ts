/**
 * Whether a link may be handed to the operating system's browser. Only what `new URL()`
 * parses as http or https qualifies; the check reads the parsed protocol, never a prefix,
 * so `https://evil.example/?next=app://x` is judged by its real scheme and `javascript:`
 * variants with control characters or odd case are refused.
 */
export function isOpenableExternally(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > 4096) return false;
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
