import { useRef, useState, type FormEvent } from 'react';
import {
  eventDayCount,
  SESSION_KINDS,
  SESSION_STATUSES,
  sessionDraftSchema,
  type EventFile,
  type Session,
  type SessionDraft,
  type Speaker,
} from '../../../shared/model/event';
import type { Result } from '../../../shared/ipc/result';
import { isWallClockTime, minutesOfDay } from '../../../shared/model/calendar';
import { eventClockAt } from '../../../shared/model/onNow';
import { settleNextDayEnd } from '../../../shared/model/sessionTime';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { errorsStillTrue, fieldErrors, focusFirstInvalid, type FieldErrors } from '../../ui/fieldErrors';
import { TimeInput } from '../../ui/WallClockInputs';
import { normaliseTypedTime } from '../../ui/wallClockText';
import { formatDayDate, KIND_LABELS, STATUS_LABELS } from '../../ui/format';
import { SpeakerRows } from './SpeakerRows';
import { useDialogSubmit } from '../../ui/useDialogSubmit';
import { FormActions } from '../../ui/FormActions';

type SessionFormProps = {
  event: EventFile;
  session: Session | null;
  day: number;
  onSubmit: (draft: SessionDraft) => Promise<Result<unknown>>;
  onClose: () => void;
};

/** The fields a person edits; programme-import bookkeeping (sourceId…) is left to the services. */
type Values = { day: number; start: string; end: string; title: string; kind: Session['kind']; room: string; status: Session['status']; speakers: Speaker[] };

const LABELS = { day: 'Day', start: 'Start time', end: 'End time', title: 'Title', kind: 'Kind', room: 'Room', status: 'Status', name: 'Name', role: 'Role', organisation: 'Organisation' };

/** Adds a session to a day, or edits one when `session` is given. */
export function SessionForm({ event, session, day, onSubmit, onClose }: SessionFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(() => initialValues(event, session, day));
  const [errors, setErrors] = useState<FieldErrors>({});
  const { busy, submitError, send } = useDialogSubmit(onSubmit, onClose);
  const days = eventDayCount(event);

  const set = <Key extends keyof Values>(name: Key, value: Values[Key]) => {
    const next = { ...values, [name]: value };
    setValues(next);
    setErrors((shown) => (Object.keys(shown).length > 0 ? errorsStillTrue(shown, problemsOf(next, session)) : shown));
  };

  async function submit(formEvent: FormEvent) {
    formEvent.preventDefault();
    // Enter in a time field submits before it is left: tidy what was typed ("930") here too.
    const typed = { ...values, start: normaliseTypedTime(values.start), end: normaliseTypedTime(values.end) };
    // A speaker row left completely empty is an unused row, not a mistake.
    const speakers = typed.speakers.filter((speaker) => speaker.name.trim() || speaker.role.trim() || speaker.organisation.trim());
    setValues({ ...typed, speakers });
    const problems = problemsOf({ ...typed, speakers }, session);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    await send(draftOf({ ...typed, speakers }, session));
  }

  return (
    <Dialog title={session ? 'Edit session' : 'New session'} onClose={onClose} size="large">
      <form ref={formRef} className="form" onSubmit={(formEvent) => void submit(formEvent)} noValidate>
        <Field label="Title" error={errors.title}>
          {(control) => <input {...control} value={values.title} onChange={(e) => set('title', e.target.value)} data-autofocus placeholder="e.g. Opening keynote" />}
        </Field>
        <div className="field-row">
          {days > 1 && (
            <Field label="Day" error={errors.day}>
              {(control) => (
                <select {...control} value={values.day} onChange={(e) => set('day', Number(e.target.value))}>
                  {Array.from({ length: days }, (_, index) => index + 1).map((number) => (
                    <option key={number} value={number}>
                      Day {number} · {formatDayDate(event.startDate, number)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label="Start time" error={errors.start} hint="24-hour, event time">
            {(control) => <TimeInput {...control} value={values.start} onChange={(value) => set('start', value)} />}
          </Field>
          <Field label="End time" error={errors.end}>
            {(control) => <TimeInput {...control} value={values.end} onChange={(value) => set('end', value)} />}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Kind" error={errors.kind}>
            {(control) => (
              <select {...control} value={values.kind} onChange={(e) => set('kind', e.target.value as Values['kind'])}>
                {SESSION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Room" error={errors.room}>
            {(control) => <input {...control} value={values.room} onChange={(e) => set('room', e.target.value)} placeholder="Room or track" />}
          </Field>
          <Field label="Status" error={errors.status}>
            {(control) => (
              <select {...control} value={values.status} onChange={(e) => set('status', e.target.value as Values['status'])}>
                {SESSION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_LABELS[status]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <SpeakerRows speakers={values.speakers} errors={errors} onChange={(speakers: Speaker[]) => set('speakers', speakers)} />
        {submitError && (
          <p className="form-error" role="alert">
            {submitError}
          </p>
        )}
        <FormActions submitLabel={session ? 'Save session' : 'Add session'} onCancel={onClose} busy={busy} />
      </form>
    </Dialog>
  );
}

/** A session that ends after midnight (23:30–00:30) still does while its end is at or before its start. */
function draftOf(values: Values, session: Session | null): SessionDraft {
  return settleNextDayEnd({ ...values, end: values.end || null, ...(session?.endsNextDay ? { endsNextDay: true as const } : {}) });
}

/** What is wrong with the form, one message per field. */
function problemsOf(values: Values, session: Session | null): FieldErrors {
  const draft = draftOf(values, session);
  const parsed = sessionDraftSchema.safeParse(draft);
  // The schema checks the time order only once every field is valid; say it at once with the rest.
  return parsed.success ? {} : { ...(draft.endsNextDay ? {} : timeOrderError(values)), ...fieldErrors(parsed.error, LABELS) };
}

function timeOrderError({ start, end }: Values): FieldErrors {
  return isWallClockTime(start) && isWallClockTime(end) && minutesOfDay(end) < minutesOfDay(start) ? { end: 'End time must not be before the start time.' } : {};
}

function initialValues(event: EventFile, session: Session | null, day: number): Values {
  if (session) {
    const { day, start, end, title, kind, room, status, speakers } = session;
    return { day, start, end: end ?? '', title, kind, room, status, speakers: speakers.map((speaker) => ({ ...speaker })) };
  }
  return { day, start: defaultStart(event, day), end: '', title: '', kind: 'plenary', room: '', status: 'planned', speakers: [] };
}

/**
 * On the event's day that is today at the venue, a session added is most often one starting
 * now, by the venue's clock; on another day it starts where the day's last session ends.
 */
function defaultStart(event: EventFile, day: number): string {
  const clock = eventClockAt(event, Date.now());
  if (clock.day === day) return clock.time;
  const last = event.sessions.filter((candidate) => candidate.day === day).at(-1);
  return last?.end ?? last?.start ?? '09:00';
}
