import { useState } from 'react';
import { describeJobState, type JobDecision, type OutboxJob } from '../../../shared/model/publish';

// 24-hour, as the save indicator shows times.
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
export const formatJobTime = (iso: string) => timeFormat.format(new Date(iso));

type Action = { decision: JobDecision; label: string; primary?: boolean };

/** What the reporter can do with a job in each state. */
function actionsFor(job: OutboxJob): Action[] {
  const discard: Action = { decision: 'discard', label: 'Discard' };
  if (job.state === 'waiting') return [{ decision: 'retry', label: 'Try now' }, discard];
  if (job.state === 'failed') return [{ decision: 'retry', label: 'Try again', primary: true }, discard];
  if (job.state === 'needs-decision' && job.problem === 'remote-edited') return [{ decision: 'overwrite', label: 'Overwrite their edits', primary: true }, discard];
  if (job.state === 'needs-decision') return [{ decision: 'create-new', label: 'Create a new draft', primary: true }, discard];
  return [];
}

type JobStatusProps = { job: OutboxJob; onDecide: (jobId: string, decision: JobDecision) => Promise<string | null>; showTitle?: boolean };

/** One publish: where it stands, what happened, and the way forward. */
export function JobStatus({ job, onDecide, showTitle = false }: JobStatusProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = job.state === 'failed' || job.state === 'needs-decision';

  async function decide(decision: JobDecision) {
    setBusy(true);
    setError(await onDecide(job.id, decision));
    setBusy(false);
  }

  return (
    <div className={`publish-job publish-job-${job.state}`} data-state={job.state} role={problem ? 'alert' : 'status'}>
      <p className="publish-job-state">
        {showTitle && <span className="publish-job-title">{job.title} → {job.destinationName}: </span>}
        {describeJobState(job, formatJobTime)}
      </p>
      {job.message && <p className="publish-job-message">{job.message}</p>}
      {job.state === 'done' && job.result && (
        <p>
          <a href={job.result.editUrl} target="_blank" rel="noreferrer">
            Open the draft on {job.destinationName}
          </a>
        </p>
      )}
      {actionsFor(job).length > 0 && (
        <div className="publish-job-actions">
          {actionsFor(job).map((action) => (
            <button key={action.decision} type="button" className={`button button-small${action.primary ? ' button-primary' : ''}`} disabled={busy} onClick={() => void decide(action.decision)}>
              {action.label}
            </button>
          ))}
        </div>
      )}
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}
