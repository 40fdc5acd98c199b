import { useState, type FormEvent } from 'react';
import { DESTINATION_KIND_LABELS, DESTINATION_KINDS, type ConnectionReport, type Destination, type DestinationDraft, type DestinationKind } from '../../../shared/model/publish';
import { api } from '../../api/bridge';
import { Field } from '../../ui/Field';

type DestinationFormProps = {
  /** The destination being changed; null for a new one. */
  editing: Destination | null;
  onSaved: (destination: Destination) => void;
  onCancel: () => void;
};

const SECRET_HINTS: Record<DestinationKind, string> = {
  wordpress: 'In WordPress: Users → Profile → Application Passwords → Add New. Not your login password. Shown once; paste it here.',
  ghost: 'In Ghost Admin: Settings → Integrations → Add custom integration; copy its Admin API key (id:secret).',
};

/** Adds or changes a site; "Test connection" tries what is typed without saving it. */
export function DestinationForm({ editing, onSaved, onCancel }: DestinationFormProps) {
  const [kind, setKind] = useState<DestinationKind>(editing?.kind ?? 'wordpress');
  const [name, setName] = useState(editing?.name ?? '');
  const [siteUrl, setSiteUrl] = useState(editing?.siteUrl ?? '');
  const [userName, setUserName] = useState(editing?.userName ?? '');
  const [secret, setSecret] = useState('');
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'testing' | 'saving' | null>(null);

  const draft = (): DestinationDraft => ({ ...(editing ? { id: editing.id } : {}), kind, name: name.trim() || siteUrl.trim() || 'Site', siteUrl, userName, ...(secret ? { secret } : {}) });

  async function test() {
    setBusy('testing');
    setReport(null);
    const result = await api['publish:test-destination'](draft());
    setBusy(null);
    if (result.ok) setReport(result.value);
    else setError(result.error.message);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!editing && !secret) {
      setError(kind === 'wordpress' ? 'Type the Application Password.' : 'Type the Admin API key.');
      return;
    }
    setBusy('saving');
    const result = await api['publish:save-destination']({ ...draft(), name });
    setBusy(null);
    if (result.ok) onSaved(result.value);
    else setError(result.error.message);
  }

  const secretLabel = kind === 'wordpress' ? 'Application Password' : 'Admin API key';
  return (
    <form className="form publish-destination-form" onSubmit={(event) => void save(event)} aria-label={editing ? `Change “${editing.name}”` : 'Add a site'}>
      <fieldset className="publish-kind">
        <legend>Kind of site</legend>
        {DESTINATION_KINDS.map((option) => (
          <label key={option}>
            <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => setKind(option)} disabled={Boolean(editing)} />
            {DESTINATION_KIND_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <Field label="Name" hint="How you will pick it when publishing, e.g. “Company blog”.">
        {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />}
      </Field>
      <Field label="Site address" hint="https:// — plain http only for a site on this computer.">
        {(control) => <input {...control} value={siteUrl} onChange={(event) => setSiteUrl(event.target.value)} placeholder="https://blog.example.com" autoComplete="off" spellCheck={false} />}
      </Field>
      {kind === 'wordpress' && (
        <Field label="WordPress user name">{(control) => <input {...control} value={userName} onChange={(event) => setUserName(event.target.value)} autoComplete="off" spellCheck={false} />}</Field>
      )}
      <Field label={secretLabel} hint={SECRET_HINTS[kind]}>
        {(control) => (
          <input
            {...control}
            type="password"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            placeholder={editing?.hasSecret ? 'Stored — type a new one to replace it' : ''}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      <div className="publish-test-row">
        <button type="button" className="button" disabled={busy !== null || siteUrl.trim() === ''} onClick={() => void test()}>
          {busy === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      {report && (
        <p className={report.ok ? 'publish-report publish-report-ok' : 'publish-report publish-report-problem'} role={report.ok ? 'status' : 'alert'}>
          {report.message}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {editing ? 'Save changes' : 'Add site'}
        </button>
      </div>
    </form>
  );
}
