import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/bridge';
import type { EventList } from '../../../shared/ipc/channels';

export type EventLibrary = EventList & { libraryPath: string | null; error: string | null; loaded: boolean; refresh: () => Promise<void> };

/** The list of events in the library, with any damaged event folders the services reported. */
export function useEventLibrary(): EventLibrary {
  const [list, setList] = useState<EventList>({ events: [], problems: [] });
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [libraryPath, setLibraryPath] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await api['events:list']({});
    setLoaded(true);
    if (result.ok) {
      setList(result.value);
      setError(null);
    } else setError(result.error.message);
  }, []);

  useEffect(() => {
    void refresh();
    void api['library:describe']({}).then((result) => result.ok && setLibraryPath(result.value.libraryPath));
  }, [refresh]);

  return { ...list, libraryPath, error, loaded, refresh };
}
