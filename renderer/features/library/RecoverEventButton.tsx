import { useState } from 'react';
import { api } from '../../api/bridge';

import type { EventFile } from '../../../shared/model/event';

type RecoverEventButtonProps = { eventId: string; onRecovered: (event: EventFile) => void };

/** For an event folder whose event.json was set aside: gives it one back (the notes are still there) and says how. */
export function RecoverEventButton({ eventId, onRecovered }: RecoverEventButtonProps) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });

  async function recover() {
    setState({ busy: true, message: null, failed: false });
    const result = await api['events:recover']({ eventId });
    setState({ busy: false, message: result.ok ? result.value.message : result.error.message, failed: !result.ok });
    if (result.ok) onRecovered(result.value.event);
  }

  return (
    <span className="recover-event">
      <button type="button" className="button button-small" disabled={state.busy} onClick={() => void recover()}>
        Recover event
      </button>
      {state.message && <span role={state.failed ? 'alert' : 'status'}>{state.message}</span>}
    </span>
  );
}
