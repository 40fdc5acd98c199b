import { useCallback, useEffect, useState } from 'react';
import type { Destination } from '../../../shared/model/publish';
import { api } from '../../api/bridge';

/** The sites this computer publishes to (kept by the main process, without their secrets). */
export function useDestinations() {
  const [destinations, setDestinations] = useState<Destination[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await api['publish:destinations']({});
    if (result.ok) {
      setDestinations(result.value);
      setError(null);
    } else setError(result.error.message);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return { destinations, error, refresh };
}
