import { useEffect, useRef, type KeyboardEvent } from 'react';
import { onFilterFocusRequest } from './agendaFocus';

type SessionFilterBarProps = {
  text: string;
  room: string | null;
  rooms: string[];
  onTextChange: (text: string) => void;
  onRoomChange: (room: string | null) => void;
  /** Enter in the field: open the first session shown. */
  onOpenFirst: () => void;
  /** Down in the field: into the list. */
  onEnterList: () => void;
  /** Escape with nothing typed: drop what else narrows the list (the sessions to choose from). */
  onEscapeEmpty: () => void;
};

/** Type-to-filter (title, speaker, room) and the room or track, above All sessions. */
export function SessionFilterBar({ text, room, rooms, onTextChange, onRoomChange, onOpenFirst, onEnterList, onEscapeEmpty }: SessionFilterBarProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => onFilterFocusRequest(() => input.current?.focus()), []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpenFirst();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onEnterList();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (text) onTextChange('');
      else onEscapeEmpty();
    }
  }

  return (
    <div className="session-filter" role="search">
      <input
        ref={input}
        type="search"
        className="session-filter-text"
        aria-label="Filter sessions"
        placeholder="Filter: title, speaker, room"
        value={text}
        onChange={(event) => onTextChange(event.target.value)}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      {rooms.length > 1 && (
        <select className="session-filter-room" aria-label="Room or track" value={room ?? ''} onChange={(event) => onRoomChange(event.target.value || null)}>
          <option value="">All rooms</option>
          {rooms.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
