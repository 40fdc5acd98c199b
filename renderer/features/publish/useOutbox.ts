import { useCallback, useEffect, useState } from 'react';
import type { JobDecision, OutboxJob } from '../../../shared/model/publish';
import { api } from '../../api/bridge';

const POLL_MS = 2000;
const PENDING = new Set<OutboxJob['state']>(['queued', 'sending', 'waiting']);

export type OutboxState = {
  jobs: OutboxJob[];
  error: string | null;
  refresh: () => Promise<void>;
  decide: (jobId: string, decision: JobDecision) => Promise<string | null>;
};

/**
 * The outbox as the main process (or the host) keeps it. Read again every two seconds while a
 * job waits or is being sent, so "Waiting for a connection" turns into "Sent" by itself; idle otherwise.
 */
export function useOutbox(): OutboxState {
  const [jobs, setJobs] = useState<OutboxJob[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await api['publish:outbox']({});
    if (result.ok) {
      setJobs(result.value.jobs);
      setError(null);
    } else setError(result.error.message);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const pending = jobs.some((job) => PENDING.has(job.state));
  useEffect(() => {
    if (!pending) return;
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [pending, refresh]);

  const decide = useCallback(
    async (jobId: string, decision: JobDecision) => {
      const result = await api['publish:decide']({ jobId, decision });
      await refresh();
      return result.ok ? null : result.error.message;
    },
    [refresh],
  );

  return { jobs, error, refresh, decide };
}
