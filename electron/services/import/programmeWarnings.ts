import { MAX_WARNING_SESSIONS, type ImportWarning } from '../../../shared/model/importSummary';

/** How a warning names a session: its title and where the programme puts it. */
export function sessionLabel(title: string, date: string, time: string): string {
  return `"${title}" (${date} ${time})`;
}

/**
 * Collects what an import noticed while reading a file, one warning per kind of problem with the
 * sessions it concerns, so the preview says "3 sessions end before they start: …" once.
 */
export class ProgrammeWarnings {
  private readonly warnings = new Map<string, ImportWarning>();

  /** `session` is a `sessionLabel`; leave it out for a warning about the whole file. */
  add(message: string, session?: string): void {
    let warning = this.warnings.get(message);
    if (!warning) {
      warning = { message, sessions: [], sessionCount: 0 };
      this.warnings.set(message, warning);
    }
    if (session === undefined) return;
    warning.sessionCount += 1;
    if (warning.sessions.length < MAX_WARNING_SESSIONS) warning.sessions.push(session);
  }

  list(): ImportWarning[] {
    return [...this.warnings.values()].map((warning) => ({ ...warning, sessions: [...warning.sessions] }));
  }
}
