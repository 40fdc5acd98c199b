/**
 * The one gate for link targets in notes and exports. A URL is kept only when the WHATWG
 * parser (`new URL`, the same one browsers use) reads it as an absolute http, https or
 * mailto URL; it strips the control characters, whitespace and case tricks that hide
 * `javascript:` from naive prefix checks. Relative and entity-encoded targets do not parse
 * as absolute URLs and are refused.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export function safeUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 4096) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
}

export function isSafeUrl(raw: string): boolean {
  return safeUrl(raw) !== null;
}
