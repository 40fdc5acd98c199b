import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef, type CSSProperties } from 'react';
import { matchesAccelerator } from '../../../shared/commands/accelerator';
import { COMMANDS } from '../../../shared/commands/commandTable';
import type { Session } from '../../../shared/model/event';
import type { EventNoteStats } from '../../../shared/model/search';
import { IS_MAC } from '../../ui/shortcuts';
import type { AgendaItem } from './agendaItems';
import { onAgendaFocusRequest } from './agendaFocus';
import { SessionRow, type SessionRowHandlers } from './SessionRow';

type SessionListProps = {
  items: AgendaItem[];
  selectedSessionId: string | null;
  onNowIds: ReadonlySet<string>;
  stats: EventNoteStats;
  /** Sessions whose note has a teammate's version waiting. */
  twoVersionIds: ReadonlySet<string>;
  /** "Clashes with …" for each pick that overlaps another. */
  clashes: ReadonlyMap<string, string>;
  movable: boolean;
  /** Bumped to bring the open session to the middle of the list (jump to on now). */
  revealRequest: number;
  onOpen: (sessionId: string, byPointer: boolean) => void;
  onPointTo: (sessionId: string) => void;
  onMove: (sessionId: string, offset: -1 | 1) => void;
  onEdit: (session: Session) => void;
  onDelete: (session: Session) => void;
  onTogglePick: (session: Session) => void;
  /** Up on the first session: back to what is above the list (the filter). */
  onLeaveTop?: () => void;
};

const SLOT_HEIGHT = 30;
const PICK_ACCELERATOR = COMMANDS.find((command) => command.id === 'toggle-pick')!.shortcut.accelerator;

/**
 * The sessions shown, in order, with the time of each slot of parallel sessions above them.
 * A congress day has hundreds of sessions: only the rows in view (and a few around) are in the
 * page, so typing in a note and filtering cost the same at 20 sessions as at 5,000. The time of
 * the slot being scrolled through stays at the top. Up and Down move between sessions,
 * Alt+Shift+Up and Down move the focused session itself, Alt+Shift+P picks it.
 */
export function SessionList(props: SessionListProps) {
  const { items, selectedSessionId, onNowIds, stats, twoVersionIds, clashes, movable, revealRequest } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const slotIndexes = useMemo(() => items.flatMap((item, index) => (item.kind === 'slot' ? [index] : [])), [items]);
  const activeSlot = useRef<number | null>(null);
  const pendingFocus = useRef<string | null>(null);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => estimatedHeight(items[index]),
    getItemKey: (index) => items[index].key,
    overscan: 8,
    paddingStart: 6,
    paddingEnd: 16,
    // A row scrolled to must not end up under the slot time pinned at the top.
    scrollPaddingStart: slotIndexes.length > 0 ? SLOT_HEIGHT : 0,
    rangeExtractor: (range: Range) => {
      const active = slotIndexes.findLast((index) => index <= range.startIndex);
      activeSlot.current = active ?? null;
      const indexes = defaultRangeExtractor(range);
      return active === undefined || indexes.includes(active) ? indexes : [active, ...indexes];
    },
  });

  const indexOf = useMemo(() => new Map(items.flatMap((item, index) => (item.kind === 'session' ? [[item.session.id, index] as const] : []))), [items]);
  const sessionOrder = useMemo(() => items.flatMap((item) => (item.kind === 'session' ? [item.session] : [])), [items]);
  const latest = useRef({ props, sessionOrder, indexOf, virtualizer });
  useLayoutEffect(() => {
    latest.current = { props, sessionOrder, indexOf, virtualizer };
  });

  /** Focuses a session's row, scrolling it into the page first when it is not there yet. */
  const focusSession = useMemo(
    () => (sessionId: string) => {
      const { indexOf, virtualizer } = latest.current;
      const index = indexOf.get(sessionId);
      if (index === undefined) return;
      const button = rowButton(scrollRef.current, sessionId);
      if (button) {
        button.focus();
        return;
      }
      pendingFocus.current = sessionId;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [],
  );
  useLayoutEffect(() => {
    const sessionId = pendingFocus.current;
    const button = sessionId ? rowButton(scrollRef.current, sessionId) : null;
    if (!button) return;
    pendingFocus.current = null;
    button.focus();
  });
  useEffect(() => onAgendaFocusRequest(focusSession), [focusSession]);

  // The open session (chosen by the clock, a search, the keyboard) is kept in sight; a row
  // holding the focus (clicked, or reached with the arrow keys) already is.
  useLayoutEffect(() => {
    const index = selectedSessionId ? latest.current.indexOf.get(selectedSessionId) : undefined;
    if (index === undefined || rowButton(scrollRef.current, selectedSessionId!)?.parentElement?.contains(document.activeElement)) return;
    latest.current.virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedSessionId]);
  useLayoutEffect(() => {
    const index = revealRequest > 0 && selectedSessionId ? latest.current.indexOf.get(selectedSessionId) : undefined;
    if (index !== undefined) latest.current.virtualizer.scrollToIndex(index, { align: 'center' });
    // Only a new request scrolls; the selection changing is handled above.
  }, [revealRequest]);

  // Rows are memoised, so they get handlers that never change and reach the newest props through
  // `latest`: opening a session then re-renders the two rows whose selection changed, not the day.
  const handlers = useMemo<SessionRowHandlers>(
    () => ({
      onOpen: (session, byPointer) => latest.current.props.onOpen(session.id, byPointer),
      onPointTo: (session) => latest.current.props.onPointTo(session.id),
      onMove: (session, offset) => latest.current.props.onMove(session.id, offset),
      onEdit: (session) => latest.current.props.onEdit(session),
      onDelete: (session) => latest.current.props.onDelete(session),
      onTogglePick: (session) => latest.current.props.onTogglePick(session),
      onKeyDown: (event, session) => {
        if (matchesAccelerator(event, PICK_ACCELERATOR, IS_MAC)) {
          // The focused row is the one meant, not the open session the command would act on.
          event.preventDefault();
          latest.current.props.onTogglePick(session);
          return;
        }
        const direction = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
        if (direction === 0 || event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        const { props, sessionOrder } = latest.current;
        if (event.altKey && event.shiftKey) {
          if (props.movable) props.onMove(session.id, direction);
          return;
        }
        const position = sessionOrder.indexOf(session);
        if (position === 0 && direction === -1 && props.onLeaveTop) props.onLeaveTop();
        const next = sessionOrder[position + direction];
        if (next) focusSession(next.id);
      },
    }),
    [focusSession],
  );

  const firstSessionId = sessionOrder[0]?.id;
  const lastSessionId = sessionOrder.at(-1)?.id;
  return (
    <div className="session-scroll" ref={scrollRef}>
      <ol className="session-list" aria-label="Sessions" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index];
          const pinned = virtual.index === activeSlot.current;
          const style: CSSProperties = pinned ? { position: 'sticky' } : { transform: `translateY(${virtual.start}px)` };
          if (item.kind === 'slot') {
            return (
              <li key={item.key} ref={virtualizer.measureElement} data-index={virtual.index} className={`slot-header${pinned ? ' slot-header-pinned' : ''}`} style={style}>
                <span className="slot-time">{item.start}</span>
                <span className="slot-count">{item.count} in parallel</span>
              </li>
            );
          }
          const { session } = item;
          return (
            <li key={item.key} ref={virtualizer.measureElement} data-index={virtual.index} className="session-item" style={style}>
              <SessionRow
                session={session}
                selected={session.id === selectedSessionId}
                grouped={item.grouped}
                onNow={onNowIds.has(session.id)}
                stats={stats[session.id]}
                twoVersions={twoVersionIds.has(session.id)}
                clash={clashes.get(session.id)}
                movable={movable}
                first={session.id === firstSessionId}
                last={session.id === lastSessionId}
                handlers={handlers}
              />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function rowButton(list: HTMLElement | null, sessionId: string): HTMLButtonElement | null {
  return list?.querySelector<HTMLButtonElement>(`.session-row[data-session-id="${CSS.escape(sessionId)}"] .session-open`) ?? null;
}

function estimatedHeight(item: AgendaItem): number {
  if (item.kind === 'slot') return SLOT_HEIGHT;
  return item.session.speakers.length > 0 ? 82 : 64;
}
