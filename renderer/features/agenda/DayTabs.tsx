import { useRef, type KeyboardEvent } from 'react';
import { formatDayDate } from '../../ui/format';

type DayTabsProps = {
  startDate: string;
  days: number;
  selectedDay: number;
  onSelect: (day: number) => void;
  /** With a filter: how many sessions match on each day, shown on its tab. */
  matches?: number[] | null;
};

/** One tab per day of the event; arrow keys move between tabs (WAI-ARIA tabs pattern). */
export function DayTabs({ startDate, days, selectedDay, onSelect, matches }: DayTabsProps) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowRight: selectedDay + 1, ArrowLeft: selectedDay - 1, Home: 1, End: days };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const day = Math.min(days, Math.max(1, next));
    onSelect(day);
    listRef.current?.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus();
  }

  return (
    <div className="day-tabs" role="tablist" aria-label="Days" ref={listRef} onKeyDown={onKeyDown}>
      {Array.from({ length: days }, (_, index) => index + 1).map((day) => (
        <button
          key={day}
          type="button"
          role="tab"
          id={`day-tab-${day}`}
          data-day={day}
          aria-selected={day === selectedDay}
          aria-controls="day-panel"
          tabIndex={day === selectedDay ? 0 : -1}
          className="day-tab"
          onClick={() => onSelect(day)}
        >
          <span className="day-tab-name">Day {day}</span>
          <span className="day-tab-date">{formatDayDate(startDate, day)}</span>
          {matches && (
            <span className={`day-tab-matches${matches[day - 1] === 0 ? ' day-tab-matches-none' : ''}`}>
              {matches[day - 1]} {matches[day - 1] === 1 ? 'match' : 'matches'}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
