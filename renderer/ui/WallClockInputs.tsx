import type { ControlProps } from './Field';
import { normaliseTypedDate, normaliseTypedTime } from './wallClockText';

type WallClockInputProps = ControlProps & { value: string; onChange: (value: string) => void; 'data-autofocus'?: boolean };

/**
 * Text fields, not <input type="time"> or "date": those show the computer's locale ("01:20 PM",
 * "6/1/2026") while the event, its agenda and its notes use 24-hour times and ISO dates. What is
 * typed is tidied into that form when the field is left.
 */
export function TimeInput({ value, onChange, ...control }: WallClockInputProps) {
  return (
    <input
      {...control}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="HH:MM"
      maxLength={5}
      className="time-input"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={(event) => {
        const tidy = normaliseTypedTime(event.target.value);
        if (tidy !== event.target.value) onChange(tidy);
      }}
    />
  );
}

export function DateInput({ value, onChange, ...control }: WallClockInputProps) {
  return (
    <input
      {...control}
      type="text"
      autoComplete="off"
      placeholder="YYYY-MM-DD"
      maxLength={10}
      className="date-input"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      onBlur={(event) => {
        const tidy = normaliseTypedDate(event.target.value);
        if (tidy !== event.target.value) onChange(tidy);
      }}
    />
  );
}
