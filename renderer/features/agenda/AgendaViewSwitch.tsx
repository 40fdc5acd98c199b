import type { AgendaViewName } from './useAgendaView';

type AgendaViewSwitchProps = { view: AgendaViewName; myDayCount: number; allCount: number; onChange: (view: AgendaViewName) => void };

/** My day (my picks and the sessions I have notes in) or All sessions of the day. */
export function AgendaViewSwitch({ view, myDayCount, allCount, onChange }: AgendaViewSwitchProps) {
  return (
    <div className="agenda-views" role="group" aria-label="Show">
      <button type="button" className="agenda-view" aria-pressed={view === 'my-day'} onClick={() => onChange('my-day')}>
        My day <span className="agenda-view-count">{myDayCount}</span>
      </button>
      <button type="button" className="agenda-view" aria-pressed={view === 'all'} onClick={() => onChange('all')}>
        All sessions <span className="agenda-view-count">{allCount}</span>
      </button>
    </div>
  );
}
