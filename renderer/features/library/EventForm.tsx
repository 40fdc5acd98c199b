import { useRef, useState, type FormEvent } from 'react';
import { eventDraftSchema, MAX_EVENT_DAYS, type EventDraft, type EventFile } from '../../../shared/model/event';
import { dayCount, isCalendarDate } from '../../../shared/model/calendar';
import type { Result } from '../../../shared/ipc/result';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { errorsStillTrue, fieldErrors, focusFirstInvalid, type FieldErrors } from '../../ui/fieldErrors';
import { DateInput } from '../../ui/WallClockInputs';
import { normaliseTypedDate } from '../../ui/wallClockText';
import { localTimeZone, timeZoneOptions } from './timeZones';
import { useDialogSubmit } from '../../ui/useDialogSubmit';
import { FormActions } from '../../ui/FormActions';

type EventFormProps = {
  event: EventFile | null;
  defaultAuthor: string;
  onSubmit: (draft: Required<EventDraft>) => Promise<Result<unknown>>;
  onClose: () => void;
};

const LABELS = { title: 'Title', venue: 'Venue', startDate: 'Start date', endDate: 'End date', timezone: 'Time zone', author: 'Default author' };

/** Creates an event, or edits one when `event` is given. Days follow from the dates. */
export function EventForm({ event, defaultAuthor, onSubmit, onClose }: EventFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Required<EventDraft>>(() => ({
    title: event?.title ?? '',
    venue: event?.venue ?? '',
    startDate: event?.startDate ?? '',
    endDate: event?.endDate ?? '',
    timezone: event?.timezone ?? localTimeZone(),
    author: event?.author ?? defaultAuthor,
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, submitError, send } = useDialogSubmit(onSubmit, onClose);

  const set = (name: keyof EventDraft) => (value: string) => {
    const next = { ...values, [name]: value };
    setValues(next);
    setErrors((shown) => (Object.keys(shown).length > 0 ? errorsStillTrue(shown, problemsOf(next)) : shown));
  };
  const days = daysOf(values);

  async function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    // Enter in a date field submits before it is left: tidy what was typed ("2026-6-1") here too.
    const typed = { ...values, startDate: normaliseTypedDate(values.startDate), endDate: normaliseTypedDate(values.endDate) };
    setValues(typed);
    const problems = problemsOf(typed);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    await send(draftOf(typed));
  }

  return (
    <Dialog title={event ? 'Edit event' : 'New event'} onClose={onClose}>
      <form ref={formRef} className="form" onSubmit={(formEvent) => void submit(formEvent)} noValidate>
        <Field label="Title" error={errors.title}>
          {(control) => (
            <input {...control} value={values.title} onChange={(e) => set('title')(e.target.value)} data-autofocus placeholder="e.g. Open Source Summit Europe 2026" />
          )}
        </Field>
        <Field label="Venue" error={errors.venue}>
          {(control) => <input {...control} value={values.venue} onChange={(e) => set('venue')(e.target.value)} placeholder="Building, city" />}
        </Field>
        <div className="field-row">
          <Field label="Start date" error={errors.startDate}>
            {(control) => <DateInput {...control} value={values.startDate} onChange={set('startDate')} />}
          </Field>
          <Field
            label="End date"
            error={errors.endDate}
            hint={days !== null && days >= 1 && days <= MAX_EVENT_DAYS ? `${days} ${days === 1 ? 'day' : 'days'}` : 'Leave empty for a one-day event'}
          >
            {(control) => <DateInput {...control} value={values.endDate} onChange={set('endDate')} />}
          </Field>
        </div>
        <Field label="Time zone" error={errors.timezone} hint="Session times are in this zone.">
          {(control) => (
            <select {...control} value={values.timezone} onChange={(e) => set('timezone')(e.target.value)}>
              {timeZoneOptions(values.timezone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Default author" error={errors.author} hint="Used for the byline of posts.">
          {(control) => <input {...control} value={values.author} onChange={(e) => set('author')(e.target.value)} />}
        </Field>
        {submitError && (
          <p className="form-error" role="alert">
            {submitError}
          </p>
        )}
        <FormActions submitLabel={event ? 'Save event' : 'Create event'} onCancel={onClose} busy={busy} />
      </form>
    </Dialog>
  );
}

function draftOf(values: Required<EventDraft>): Required<EventDraft> {
  return { ...values, endDate: values.endDate || values.startDate };
}

function daysOf({ startDate, endDate }: Required<EventDraft>): number | null {
  return isCalendarDate(startDate) && isCalendarDate(endDate) ? dayCount(startDate, endDate) : null;
}

/** What is wrong with the form, one message per field. */
function problemsOf(values: Required<EventDraft>): FieldErrors {
  const parsed = eventDraftSchema.safeParse(draftOf(values));
  if (parsed.success) return {};
  // The schema checks the date order only once every field is valid; say it at once with the rest.
  const days = daysOf(values);
  const dateOrder: FieldErrors = days !== null && days < 1 ? { endDate: 'End date must be on or after the start date.' } : {};
  return { ...dateOrder, ...fieldErrors(parsed.error, LABELS) };
}
