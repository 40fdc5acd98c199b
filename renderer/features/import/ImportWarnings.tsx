import type { ImportWarning } from '../../../shared/model/importSummary';

/** What the file got wrong, and the guesses the import made, with the sessions each concerns. */
export function ImportWarnings({ warnings }: { warnings: ImportWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="import-warnings" aria-label="Check before importing">
      <h3 className="import-warnings-title">Check before importing</h3>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.message} className="import-warning">
            <p>{warning.message}</p>
            {warning.sessions.length > 0 && (
              <ul className="import-warning-sessions">
                {warning.sessions.map((session) => (
                  <li key={session}>{session}</li>
                ))}
                {warning.sessionCount > warning.sessions.length && <li>and {warning.sessionCount - warning.sessions.length} more</li>}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
