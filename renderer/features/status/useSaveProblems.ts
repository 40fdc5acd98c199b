import { useEffect, useState } from 'react';
import type { NoteSaver } from '../note/noteSaver';

export type SaveProblems = { failing: number; latestMessage: string | null };

/** How many sessions' saves are failing right now, and the reason the latest failure gave. */
export function useSaveProblems(saver: NoteSaver): SaveProblems {
  const [problems, setProblems] = useState<{ messages: Map<string, string>; latest: string | null }>({ messages: new Map(), latest: null });

  useEffect(
    () =>
      saver.subscribeAll((address, status) => {
        const key = `${address.eventId}/${address.sessionId}`;
        setProblems((current) => {
          // Saves in flight and pending changes of a failing note do not clear its problem; only a landed save (or forgetting the note) does.
          if (status.kind === 'error') {
            if (current.messages.get(key) === status.message) return current;
            return { messages: new Map(current.messages).set(key, status.message), latest: status.message };
          }
          if ((status.kind !== 'saved' && status.kind !== 'idle') || !current.messages.has(key)) return current;
          const messages = new Map(current.messages);
          messages.delete(key);
          return { messages, latest: messages.size === 0 ? null : [...messages.values()].at(-1)! };
        });
      }),
    [saver],
  );

  return { failing: problems.messages.size, latestMessage: problems.latest };
}
