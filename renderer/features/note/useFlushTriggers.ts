import { useEffect } from 'react';
import { api, bridge } from '../../api/bridge';
import type { NoteSaver } from './noteSaver';

/**
 * Saves every pending note at once whenever the work might be lost or looked at elsewhere:
 * the window loses focus or is hidden or unloaded, or the app asks before quitting.
 */
export function useFlushTriggers(saver: NoteSaver): void {
  useEffect(() => {
    const flush = () => void saver.flushAll();
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // Under the browser host a tab can be closed with edits in flight; let the browser ask.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (bridge.transport !== 'http' || !saver.hasUnsavedChanges()) return;
      flush();
      event.preventDefault();
    };
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibilityChange);
    const unsubscribe = bridge.subscribe('app:flush-requested', ({ requestId }) => {
      void saver.flushAll().then(() => api['app:flush-complete']({ requestId }));
    });
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      unsubscribe();
    };
  }, [saver]);
}
