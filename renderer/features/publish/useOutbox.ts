import { useCallback, useEffect, useState } from 'react';
import type { JobDecision, OutboxJob } from '../../../shared/model/publish';
import { api, bridge } from '../../api/bridge';

export type OutboxState = {
  jobs: OutboxJob[];
  error: string | null;
  refresh: () => Promise<void>;
  decide: (jobId: string, decision: JobDecision) => Promise<string | null>;
};

/**
 * The outbox as the main process (or the host) keeps it: read once, then kept current by the
 * 'publish:outbox-changed' push, so "Waiting for a connection" turns into "Sent" by itself,
 * with no polling. Read again when the window comes back to the front, in case a push was
 * missed while the host restarted.
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
    const unsubscribe = bridge.subscribe('publish:outbox-changed', (pushed) => {
      setJobs(pushed.jobs);
      setError(null);
    });
    void refresh();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

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
