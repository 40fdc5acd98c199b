import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_PREFERENCES, type Preferences, type SidebarsShown, type WindowWidth } from '../../shared/model/preferences';
import { api } from '../api/bridge';

export type SidebarLayout = SidebarsShown & {
  width: WindowWidth;
  toggle: (sidebar: keyof SidebarsShown) => void;
  error: string | null;
};

/** CSS px, so 150 % browser zoom on a 1280 px window (853 px) counts as medium. */
const WIDE_QUERY = '(min-width: 1200px)';
const MEDIUM_QUERY = '(min-width: 800px)';

/**
 * Which sidebars are shown: by default both on a wide window, the agenda alone below 1200 px
 * and neither below 800 px. Showing or hiding one is remembered for that window width, so a
 * laptop's own screen and the big monitor at the desk each keep their layout.
 */
export function useSidebarLayout(): SidebarLayout {
  const width = useWindowWidth();
  const [remembered, setRemembered] = useState<Preferences['sidebars']>(DEFAULT_PREFERENCES.sidebars);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void api['preferences:get']({}).then((result) => current && result.ok && setRemembered(result.value.sidebars));
    return () => {
      current = false;
    };
  }, []);

  const toggle = useCallback(
    (sidebar: keyof SidebarsShown) => {
      const next = { ...remembered, [width]: { ...remembered[width], [sidebar]: !remembered[width][sidebar] } };
      setRemembered(next);
      void api['preferences:set']({ sidebars: next }).then((result) => setError(result.ok ? null : result.error.message));
    },
    [remembered, width],
  );

  return { ...remembered[width], width, toggle, error };
}

function useWindowWidth(): WindowWidth {
  const read = (): WindowWidth => (window.matchMedia(WIDE_QUERY).matches ? 'wide' : window.matchMedia(MEDIUM_QUERY).matches ? 'medium' : 'narrow');
  const [width, setWidth] = useState(read);
  useEffect(() => {
    const queries = [window.matchMedia(WIDE_QUERY), window.matchMedia(MEDIUM_QUERY)];
    const onChange = () => setWidth(read());
    for (const query of queries) query.addEventListener('change', onChange);
    return () => {
      for (const query of queries) query.removeEventListener('change', onChange);
    };
  }, []);
  return width;
}
