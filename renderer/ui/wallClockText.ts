/**
 * Times and dates as a reporter types them, made into the event's own notation: 24-hour
 * "HH:MM" and ISO "YYYY-MM-DD", whatever the computer's locale would show. Anything that
 * cannot be read as one is left as typed, for the form's check to name.
 */
const TIME_TYPED = /^(\d{1,2})(?:[:.h]?(\d{2}))?$/;
const DATE_TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** "930", "9:30", "9.30", "0930" → "09:30"; "9" → "09:00". */
export function normaliseTypedTime(text: string): string {
  const trimmed = text.trim();
  // Three or four digits with nothing between: the last two are the minutes.
  const compact = /^\d{3,4}$/.test(trimmed) ? `${trimmed.slice(0, -2)}:${trimmed.slice(-2)}` : trimmed;
  const match = TIME_TYPED.exec(compact);
  if (!match) return text;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return text;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** "2026-6-1" → "2026-06-01". */
export function normaliseTypedDate(text: string): string {
  const match = DATE_TYPED.exec(text.trim());
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : text;
}
