import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isWallClockTime } from '../../../shared/model/calendar';
import { eventDayCount, type EventFile } from '../../../shared/model/event';
import type { Result } from '../../../shared/ipc/result';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { formatDateRange, formatDayDate } from '../../ui/format';
import { useDialogSubmit } from '../../ui/useDialogSubmit';

type UnplannedSessionDialogProps = {
  event: EventFile;
  /** The day shown in the agenda: the likeliest answer. */
  day: number;
  /** The time on the venue's clock now. */
  time: string;
  onSubmit: (choice: { day: number; start: string }) => Promise<Result<unknown>>;
  onClose: () => void;
};

/**
 * "New unplanned session now" on an event that is not on today: the app cannot know which day
 * the reporter means, so it asks rather than add the session to the wrong one.
 */
export function UnplannedSessionDialog({ event, day, time, onSubmit, onClose }: UnplannedSessionDialogProps) {
  const [chosenDay, setChosenDay] = useState(day);
  const [start, setStart] = useState(time);
  const [error, setError] = useState<string | undefined>();
  const { busy, submitError, send } = useDialogSubmit(onSubmit, onClose);
  const daySelect = useRef<HTMLSelectElement>(null);
  // After the dialog has opened (showModal would move the focus to its first button).
  useEffect(() => daySelect.current?.focus(), []);

  function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    if (!isWallClockTime(start)) {
      setError('Write the start time as HH:MM, 24-hour (for example 14:05).');
      return;
    }
    setError(undefined);
    void send({ day: chosenDay, start });
  }

  return (
    <Dialog title="New unplanned session" onClose={onClose} size="small">
      <form className="form" onSubmit={submit} noValidate>
        <p>
          “{event.title}” ({formatDateRange(event.startDate, event.endDate)}) is not on today. Which day is this session on?
        </p>
        <div className="field-row">
          <Field label="Day">
            {(control) => (
              <select {...control} ref={daySelect} value={chosenDay} onChange={(change) => setChosenDay(Number(change.target.value))}>
                {Array.from({ length: eventDayCount(event) }, (_, index) => index + 1).map((number) => (
                  <option key={number} value={number}>
                    Day {number} · {formatDayDate(event.startDate, number)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Start time" error={error} hint="24-hour, on the venue's clock">
            {(control) => <input {...control} value={start} inputMode="numeric" maxLength={5} onChange={(change) => setStart(change.target.value.trim())} />}
          </Field>
        </div>
        {submitError && (
          <p className="form-error" role="alert">
            {submitError}
          </p>
        )}
        <FormActions submitLabel="Add session" onCancel={onClose} busy={busy} />
      </form>
    </Dialog>
  );
}
