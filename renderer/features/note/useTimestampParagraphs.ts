import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/bridge';

/** Remembered across note panes, so switching sessions does not wait for the preference again. */
let known: boolean | null = null;

/** The "time each new paragraph" preference, and a setter that saves it. */
export function useTimestampParagraphs(): [enabled: boolean, change: (enabled: boolean) => void] {
  const [enabled, setEnabled] = useState(known ?? false);

  useEffect(() => {
    if (known !== null) return;
    let current = true;
    void api['preferences:get']({}).then((result) => {
      if (!result.ok || !current) return;
      known = result.value.timestampNewParagraphs;
      setEnabled(known);
    });
    return () => {
      current = false;
    };
  }, []);

  const change = useCallback((next: boolean) => {
    known = next;
    setEnabled(next);
    void api['preferences:set']({ timestampNewParagraphs: next });
  }, []);

  return [enabled, change];
}
