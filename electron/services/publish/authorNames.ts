/** Whether a site user's name is the byline's author: the same words, ignoring case, spacing and accents' composition. */
export function isSameName(siteName: string, bylineName: string): boolean {
  const normal = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return normal(siteName) === normal(bylineName);
}
