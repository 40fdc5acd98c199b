import { useEffect } from 'react';
import { api, bridge } from '../../api/bridge';
import type { SaverRegistry } from './saverRegistry';

/**
 * Saves everything pending in every registered saver at once whenever the work might be lost
 * or looked at elsewhere: the window loses focus or is hidden or unloaded, or the app asks
 * before quitting. The window's one answer to that request comes once all of them have finished.
 */
export function useFlushTriggers(registry: SaverRegistry): void {
  useEffect(() => {
    const flush = () => void registry.flushAll();
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // Under the browser host a tab can be closed with edits in flight; let the browser ask.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (bridge.transport !== 'http' || !registry.hasUnsaved()) return;
      flush();
      event.preventDefault();
    };
    window.addEventListener('blur', flush);
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibilityChange);
    const unsubscribe = bridge.subscribe('app:flush-requested', ({ requestId }) => {
      void registry.flushAll().then(() => api['app:flush-complete']({ requestId }));
    });
    return () => {
      window.removeEventListener('blur', flush);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibilityChange);
      unsubscribe();
    };
  }, [registry]);
}
