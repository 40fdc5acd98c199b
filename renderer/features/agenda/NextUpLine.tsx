import type { EventFile } from '../../../shared/model/event';
import { eventMomentAt, minuteOfMoment } from '../../../shared/model/eventMoment';
import { nextPick } from '../../../shared/model/myDay';
import { sessionStartMinute } from '../../../shared/model/sessionTime';
import { useMinuteClock } from './useMinuteClock';

type NextUpLineProps = { event: EventFile; onOpen: (sessionId: string, day: number) => void };

/** A quiet line under the note, "Next: 14:00 Hall B — Title · in 25 min", from my picks, so the reporter knows when to get up. */
export function NextUpLine({ event, onOpen }: NextUpLineProps) {
  const now = useMinuteClock();
  const moment = eventMomentAt(event, now);
  const next = nextPick(event, moment);
  if (!next) return null;
  const text = `Next: ${[next.start, next.room].filter(Boolean).join(' ')} — ${next.title}`;
  return (
    <p className="next-up">
      <button type="button" className="next-up-button" title="Open it" onClick={() => onOpen(next.id, next.day)}>
        {text}
      </button>
      <span className="next-up-wait"> · in {formatWait(sessionStartMinute(next) - minuteOfMoment(moment))}</span>
    </p>
  );
}

function formatWait(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
