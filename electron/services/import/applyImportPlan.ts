import type { EventFile, Session } from '../../../shared/model/event';
import { dateOfDay, dayCount } from '../../../shared/model/calendar';
import { byDayAndStart } from '../../../shared/model/sessionTime';
import { programmeDateOf } from './finishProgramme';
import type { ImportPlan, PlannedChanges } from './importPlan';

/**
 * The agenda after a planned import, as one list ready to be written in a single save. Day
 * numbers are recomputed from dates, because the import may move the event's start earlier.
 */
export function sessionsAfterImport(existing: EventFile | null, plan: ImportPlan, newSessionId: () => string): Session[] {
  const removed = new Set(plan.remove.map((entry) => entry.sessionId));
  const updates = new Map(plan.update.map((entry) => [entry.sessionId, entry.changes]));
  const flags = new Map(plan.flagged.map((entry) => [entry.sessionId, entry.flag]));
  const dayOf = (date: string) => dayCount(plan.startDate, date);

  const kept = (existing?.sessions ?? [])
    .filter((session) => !removed.has(session.id))
    .map((session) => {
      const date = dateOfDay(existing!.startDate, session.day);
      const flag = flags.get(session.id);
      const changed = withChanges({ ...session, day: dayOf(date) }, updates.get(session.id), dayOf);
      return flag ? { ...changed, programmeFlag: flag } : changed;
    });
  const added: Session[] = plan.add.map((imported) => ({
    id: newSessionId(),
    day: dayOf(programmeDateOf(imported)),
    ...(imported.programmeDate ? { afterMidnight: true as const } : {}),
    start: imported.start,
    end: imported.end,
    ...(imported.endsNextDay ? { endsNextDay: true as const } : {}),
    title: imported.title,
    kind: imported.kind,
    room: imported.room,
    status: 'planned',
    speakers: imported.speakers,
    sourceId: imported.sourceId,
  }));
  // Stable: sessions starting together keep the order the user (or the programme) gave them.
  return [...kept, ...added].sort(byDayAndStart);
}

function withChanges(session: Session, changes: PlannedChanges | undefined, dayOf: (date: string) => number): Session {
  if (!changes) return session;
  const { date, programmeFlag, afterMidnight, endsNextDay, ...fields } = changes;
  // Built on the stored session, so fields the programme does not set (status, picks…) stay.
  const updated: Session = { ...session, ...fields, ...(date ? { day: dayOf(date) } : {}) };
  if (programmeFlag === null) delete updated.programmeFlag;
  else if (programmeFlag) updated.programmeFlag = programmeFlag;
  if (afterMidnight === true) updated.afterMidnight = true;
  else if (afterMidnight === false) delete updated.afterMidnight;
  if (endsNextDay === true) updated.endsNextDay = true;
  else if (endsNextDay === false) delete updated.endsNextDay;
  return updated;
}
