import type { ExchangeReport } from './team';

/** What an exchange changed, one line per kind of change, for the CLI and the Team panel. */
export function describeExchangeReport(report: ExchangeReport): string[] {
  const lines: string[] = [];
  const titles = (items: string[]) => items.map((title) => `“${title}”`).join(', ');
  const byAuthor = (changes: { sessionTitle: string; author: string }[]) => changes.map((change) => `“${change.sessionTitle}” (${change.author})`).join(', ');
  if (report.notesAdded.length) lines.push(`Notes added: ${byAuthor(report.notesAdded)}`);
  if (report.notesUpdated.length) lines.push(`Notes updated (only they changed them; yours are in History): ${byAuthor(report.notesUpdated)}`);
  if (report.notesBothChanged.length) lines.push(`Notes both of you changed, theirs kept beside yours: ${byAuthor(report.notesBothChanged)}`);
  if (report.sessionsAdded.length) lines.push(`Sessions added: ${titles(report.sessionsAdded)}`);
  if (report.sessionsUpdated.length) lines.push(`Sessions updated: ${report.sessionsUpdated.map((change) => `“${change.sessionTitle}” (${change.fields.join(', ')})`).join(', ')}`);
  if (report.sessionsRemoved.length) lines.push(`Sessions deleted by a teammate, moved to the trash: ${titles(report.sessionsRemoved)}`);
  if (report.sessionsKept.length) lines.push(`Sessions a teammate deleted, kept because they have notes: ${titles(report.sessionsKept)}`);
  for (const field of report.fieldsReplaced) lines.push(`Both changed the ${field.field} of “${field.sessionTitle}”: kept their later “${field.theirs}” (yours was “${field.yours}”)`);
  if (report.eventFieldsUpdated.length) lines.push(`Event details updated: ${report.eventFieldsUpdated.join(', ')}`);
  if (report.postsUpdated.length) lines.push(`Posts updated: ${report.postsUpdated.join(', ')}`);
  if (report.photosAdded) lines.push(`Photos added: ${report.photosAdded}`);
  for (const note of report.notesLeftOut) lines.push(`Left out “${note.sessionTitle}”: ${note.reason}`);
  return lines.length > 0 ? lines : ['Nothing new.'];
}
