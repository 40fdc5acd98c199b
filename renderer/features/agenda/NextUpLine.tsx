import { useMemo } from 'react';
import type { EventFile } from '../../../shared/model/event';
import { eventMomentAt, minuteOfMoment } from '../../../shared/model/eventMoment';
import { nextPick } from '../../../shared/model/myDay';
import { sessionStartMinute } from '../../../shared/model/sessionTime';
import { useMinuteClock } from './useMinuteClock';

type NextUpLineProps = { event: EventFile; onOpen: (sessionId: string, day: number) => void };

/** A quiet line under the note, "Next: 14:00 Hall B — Title · in 25 min", from my picks, so the reporter knows when to get up. */
export function NextUpLine({ event, onOpen }: NextUpLineProps) {
  const now = useMinuteClock();
  // Looked for once a minute, not on every render: a session switch renders this line, and a congress has over a thousand sessions to look through.
  const { next, wait } = useMemo(() => {
    const moment = eventMomentAt(event, now);
    const found = nextPick(event, moment);
    return { next: found, wait: found ? sessionStartMinute(found) - minuteOfMoment(moment) : 0 };
  }, [event, now]);
  if (!next) return null;
  const text = `Next: ${[next.start, next.room].filter(Boolean).join(' ')} — ${next.title}`;
  return (
    <p className="next-up">
      <button type="button" className="next-up-button" title="Open it" onClick={() => onOpen(next.id, next.day)}>
        {text}
      </button>
      <span className="next-up-wait"> · in {formatWait(wait)}</span>
    </p>
  );
}

function formatWait(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}
