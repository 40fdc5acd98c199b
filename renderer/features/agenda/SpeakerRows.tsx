import type { Speaker } from '../../../shared/model/event';
import type { FieldErrors } from '../../ui/fieldErrors';
import { PlusIcon, TrashIcon } from '../../ui/icons';

type SpeakerRowsProps = {
  speakers: Speaker[];
  errors: FieldErrors;
  onChange: (speakers: Speaker[]) => void;
};

const COLUMNS = [
  { key: 'name', label: 'Name', placeholder: 'Full name' },
  { key: 'role', label: 'Role', placeholder: 'e.g. Chief Architect' },
  { key: 'organisation', label: 'Organisation', placeholder: 'e.g. Example Corp' },
] as const;

/** Editable speaker rows: name, role, organisation; rows are added and removed by button. */
export function SpeakerRows({ speakers, errors, onChange }: SpeakerRowsProps) {
  const update = (index: number, key: keyof Speaker, value: string) =>
    onChange(speakers.map((speaker, position) => (position === index ? { ...speaker, [key]: value } : speaker)));

  return (
    <fieldset className="speakers">
      <legend>Speakers</legend>
      {speakers.length === 0 && <p className="field-hint">No speakers yet.</p>}
      {speakers.map((speaker, index) => (
        <div className="speaker-row" key={index} role="group" aria-label={`Speaker ${index + 1}`}>
          {COLUMNS.map((column) => {
            const error = errors[`speakers.${index}.${column.key}`];
            const errorId = error ? `speaker-${index}-${column.key}-error` : undefined;
            return (
              <div className={`field${error ? ' field-invalid' : ''}`} key={column.key}>
                <input
                  aria-label={`Speaker ${index + 1} ${column.label.toLowerCase()}`}
                  placeholder={column.placeholder}
                  value={speaker[column.key]}
                  aria-invalid={Boolean(error)}
                  aria-describedby={errorId}
                  onChange={(event) => update(index, column.key, event.target.value)}
                />
                {error && (
                  <p className="field-error" id={errorId}>
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove speaker ${index + 1}`}
            title="Remove speaker"
            onClick={() => onChange(speakers.filter((_, position) => position !== index))}
          >
            <TrashIcon />
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...speakers, { name: '', role: '', organisation: '' }])}>
        <PlusIcon /> Add speaker
      </button>
    </fieldset>
  );
}
