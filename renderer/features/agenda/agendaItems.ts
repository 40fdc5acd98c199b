import type { Session } from '../../../shared/model/event';

/** One line of the agenda's list: the time of a slot of parallel sessions, or a session. */
export type AgendaItem =
  | { kind: 'slot'; key: string; start: string; count: number }
  /** `grouped`: shown under its slot's time, so the row itself does not repeat the start. */
  | { kind: 'session'; key: string; session: Session; grouped: boolean };

/**
 * The sessions in the order given, each run of sessions starting at the same time (parallel
 * rooms) under one line with that time. A session alone in its slot keeps its own time.
 */
export function groupBySlot(sessions: readonly Session[]): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (let index = 0; index < sessions.length; ) {
    let end = index + 1;
    while (end < sessions.length && sessions[end].start === sessions[index].start) end++;
    const grouped = end - index > 1;
    if (grouped) items.push({ kind: 'slot', key: `slot-${sessions[index].id}`, start: sessions[index].start, count: end - index });
    for (; index < end; index++) items.push({ kind: 'session', key: sessions[index].id, session: sessions[index], grouped });
  }
  return items;
}

/** The sessions one by one, each with its own time (My day). */
export function ungrouped(sessions: readonly Session[]): AgendaItem[] {
  return sessions.map((session) => ({ kind: 'session', key: session.id, session, grouped: false }));
}
