import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Speaker } from '../../../shared/model/event';
import { attributionText, type QuoteSpeaker } from '../../../shared/note/nodes/AttributedQuoteNode';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { TimeInput } from '../../ui/WallClockInputs';
import { normaliseTypedTime } from '../../ui/wallClockText';

export type SpeakerQuoteChoice = { speaker: QuoteSpeaker; time: string | null };

type SpeakerQuoteDialogProps = {
  speakers: readonly Speaker[];
  /** The attribution being changed, or the defaults (current time) for a new quote. */
  initial: { speaker: QuoteSpeaker | null; time: string | null };
  onChoose: (choice: SpeakerQuoteChoice) => void;
  onClose: () => void;
};

const OTHER = -1;

/** A session speaker as the quote names them: the name, and "Role at Organisation" as the role. */
export function quoteSpeakerOf(speaker: Speaker): QuoteSpeaker {
  const role = speaker.role && speaker.organisation ? `${speaker.role} at ${speaker.organisation}` : speaker.role || speaker.organisation;
  return role ? { name: speaker.name, role } : { name: speaker.name };
}

/** "Name, Role" as typed → a speaker. */
function parseTypedSpeaker(text: string): QuoteSpeaker | null {
  const [name, ...role] = text.split(',');
  const trimmedName = name.trim();
  if (!trimmedName) return null;
  const trimmedRole = role.join(',').trim();
  return trimmedRole ? { name: trimmedName, role: trimmedRole } : { name: trimmedName };
}

/**
 * Who said it, and when: the session's speakers as a short list (arrow keys move, a digit
 * picks one at once), or a name typed in, plus the time, prefilled with now in event time.
 */
export function SpeakerQuoteDialog({ speakers, initial, onChoose, onClose }: SpeakerQuoteDialogProps) {
  const choices = speakers.map(quoteSpeakerOf).filter((speaker) => speaker.name.trim() !== '');
  const initialIndex = initial.speaker ? choices.findIndex((choice) => attributionText(choice) === attributionText(initial.speaker!)) : 0;
  const [picked, setPicked] = useState(choices.length === 0 ? OTHER : initialIndex);
  const [typed, setTyped] = useState(initial.speaker && initialIndex === OTHER ? attributionText(initial.speaker) : '');
  const [time, setTime] = useState(initial.time ?? '');
  const [error, setError] = useState<string | undefined>();
  const firstFocus = useRef<HTMLInputElement>(null);

  // After the dialog has opened (showModal focuses its first button): start on the chosen speaker.
  useEffect(() => firstFocus.current?.focus(), []);

  function choose(index: number) {
    const speaker = index === OTHER ? parseTypedSpeaker(typed) : choices[index];
    if (!speaker) {
      setError('Type the name of the person quoted, optionally followed by a comma and their role.');
      return;
    }
    const typedTime = normaliseTypedTime(time);
    onChoose({ speaker, time: /^\d\d:\d\d$/.test(typedTime) ? typedTime : null });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    choose(picked);
  }

  function pickByDigit(event: KeyboardEvent) {
    const index = Number(event.key) - 1;
    const onSpeakerList = event.target instanceof HTMLInputElement && event.target.type === 'radio';
    if (!onSpeakerList || !/^[1-9]$/.test(event.key) || index >= choices.length) return;
    event.preventDefault();
    choose(index);
  }

  return (
    <Dialog title="Quote with speaker" onClose={onClose} size="small">
      <form className="form" onSubmit={submit} onKeyDown={pickByDigit} noValidate>
        <fieldset className="speaker-choices">
          <legend>Who said it?</legend>
          {choices.map((choice, index) => (
            <label key={index} className="speaker-choice">
              <input type="radio" name="speaker" checked={picked === index} onChange={() => setPicked(index)} ref={picked === index ? firstFocus : undefined} />
              <span className="speaker-choice-key" aria-hidden="true">
                {index < 9 ? index + 1 : ''}
              </span>
              <span>{attributionText(choice)}</span>
            </label>
          ))}
          {choices.length > 0 && (
            <label className="speaker-choice">
              <input type="radio" name="speaker" checked={picked === OTHER} onChange={() => setPicked(OTHER)} />
              <span className="speaker-choice-key" aria-hidden="true" />
              <span>Someone else</span>
            </label>
          )}
        </fieldset>
        {picked === OTHER && (
          <Field label="Name, role" error={error} hint="For example: Grace Hopper, Rear Admiral">
            {(control) => <input {...control} type="text" value={typed} onChange={(event) => setTyped(event.target.value)} ref={firstFocus} maxLength={400} />}
          </Field>
        )}
        <Field label="Said at" hint="Event time; leave empty if unknown">
          {(control) => <TimeInput {...control} value={time} onChange={setTime} />}
        </Field>
        <FormActions submitLabel="Attribute quote" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
