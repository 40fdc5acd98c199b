import { useCallback, useEffect, useState } from 'react';
import type { PublishedCopy, PublishOutcome } from '../../../shared/model/publish';
import type { PostDay } from '../../../shared/model/post';
import { api } from '../../api/bridge';
import { Field } from '../../ui/Field';
import { DestinationsDialog } from './DestinationsDialog';
import { FeaturedPhotoField } from './FeaturedPhotoField';
import { formatJobTime, JobStatus } from './JobStatus';
import { useDestinations } from './useDestinations';
import { useOutbox } from './useOutbox';
import '../../styles/publish.css';

type PublishPanelProps = {
  eventId: string;
  day: PostDay;
  /** The post includes no sessions: nothing to publish. */
  isEmpty: boolean;
  /** Saves the intro, closing and settings still pending, so the post sent is the post shown. */
  flush: () => Promise<void>;
};

/**
 * "Publish as draft": the post goes to a WordPress or Ghost site as a draft, through the outbox
 * in the main process (the renderer itself never touches the network). Without a connection it
 * waits there and goes when the site answers.
 */
export function PublishPanel({ eventId, day, isEmpty, flush }: PublishPanelProps) {
  const { destinations, error: destinationsError, refresh: refreshDestinations } = useDestinations();
  const outbox = useOutbox();
  const [chosen, setChosen] = useState<string>('');
  const [managing, setManaging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PublishOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copies, setCopies] = useState<PublishedCopy[]>([]);

  const loadCopies = useCallback(async () => {
    const result = await api['publish:copies']({ eventId, day });
    if (result.ok) setCopies(result.value);
  }, [eventId, day]);
  useEffect(() => void loadCopies(), [loadCopies]);

  const destinationId = destinations?.some((destination) => destination.id === chosen) ? chosen : (destinations?.[0]?.id ?? '');
  // The job as the outbox has it now: "Waiting for a connection" turns into "Sent" here too.
  const job = outcome && outcome.status !== 'blocked' ? (outbox.jobs.find((candidate) => candidate.id === outcome.job.id) ?? outcome.job) : null;
  // A job of this post that the outbox finished (now or in the background) shows up among the drafts.
  const sentHere = outbox.jobs
    .filter((candidate) => candidate.eventId === eventId && candidate.day === day && candidate.state === 'done')
    .map((candidate) => candidate.result?.finishedAt)
    .join();
  useEffect(() => {
    if (sentHere) void loadCopies();
  }, [sentHere, loadCopies]);
  const otherJobs = outbox.jobs.filter((candidate) => candidate.id !== job?.id && candidate.state !== 'done');

  async function publish(publishAnyway = false) {
    setBusy(true);
    setError(null);
    await flush();
    const result = await api['publish:post']({ eventId, day, destinationId, publishAnyway });
    setBusy(false);
    if (result.ok) setOutcome(result.value);
    else setError(result.error.message);
    await outbox.refresh();
  }

  return (
    <section className="post-publish" aria-label="Publish">
      <h2 className="post-section-title">Publish as a draft</h2>
      {destinations && destinations.length === 0 ? (
        <p className="post-export-note">Send the post straight to WordPress or Ghost as a draft, photos included. Add the site first.</p>
      ) : (
        <div className="post-export-row">
          <Field label="Site">
            {(control) => (
              <select {...control} value={destinationId} onChange={(event) => setChosen(event.target.value)}>
                {destinations?.map((destination) => (
                  <option key={destination.id} value={destination.id}>
                    {destination.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <FeaturedPhotoField eventId={eventId} day={day} />
        </div>
      )}
      <div className="post-export-actions">
        {destinations && destinations.length > 0 && (
          <button type="button" className="button button-primary" disabled={busy || isEmpty || !destinationId} onClick={() => void publish()}>
            {busy ? 'Publishing…' : 'Publish as draft'}
          </button>
        )}
        <button type="button" className="button" onClick={() => setManaging(true)}>
          {destinations && destinations.length === 0 ? 'Add a site…' : 'Sites…'}
        </button>
      </div>
      {outcome?.status === 'blocked' && (
        <div className="publish-job publish-job-blocked" role="alert">
          <p className="publish-job-state">{outcome.message}</p>
          <ul>
            {outcome.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <div className="publish-job-actions">
            <button type="button" className="button button-small" disabled={busy} onClick={() => void publish(true)}>
              Publish anyway
            </button>
          </div>
        </div>
      )}
      {job && <JobStatus job={job} onDecide={outbox.decide} />}
      {(error || destinationsError || outbox.error) && (
        <p className="form-error" role="alert">
          {error ?? destinationsError ?? outbox.error}
        </p>
      )}
      {copies.length > 0 && (
        <ul className="publish-copies" aria-label="Published drafts">
          {copies.map((copy) => (
            <li key={copy.destinationId}>
              On {copy.destinationName}, last sent {formatJobTime(copy.publishedAt)} ·{' '}
              <a href={copy.editUrl} target="_blank" rel="noreferrer">
                open the draft
              </a>
            </li>
          ))}
        </ul>
      )}
      {otherJobs.length > 0 && (
        <section className="publish-outbox" aria-label="Outbox">
          <h3 className="publish-outbox-title">Outbox</h3>
          {otherJobs.map((other) => (
            <JobStatus key={other.id} job={other} onDecide={outbox.decide} showTitle />
          ))}
        </section>
      )}
      {managing && destinations && (
        <DestinationsDialog
          destinations={destinations}
          onClose={() => setManaging(false)}
          onChanged={async (selected) => {
            await refreshDestinations();
            if (selected) setChosen(selected.id);
          }}
        />
      )}
    </section>
  );
}
