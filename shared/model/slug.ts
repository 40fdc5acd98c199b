/**
 * Windows reserves these device names as file names, with or without an extension ("con.md"
 * opens the console). A slug is only [a-z0-9-], never ends with a dot or space and has no
 * character Windows forbids, so this is the one rule left to keep.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * `Web Summit – Day 1!` → `web-summit-day-1`: ASCII letters and digits joined by dashes, for ids
 * and file names, valid on Windows, macOS and Linux alike (`CON` → `con-1`).
 */
export function slugify(text: string, maxLength: number): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return WINDOWS_RESERVED.test(slug) ? `${slug}-1` : slug;
}
