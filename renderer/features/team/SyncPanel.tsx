import { useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../../shared/model/team';
import { api, bridge } from '../../api/bridge';
import { Field } from '../../ui/Field';
import { useNoteSaver } from '../note/noteSaverContext';
import { ExchangeReportList } from './ExchangeReportList';
import { describeSyncState } from './formatSync';

const TOKEN_HINT = bridge.transport === 'electron' ? 'Kept in your system’s keychain, never in the library' : 'Kept in a file only you can read, in the settings folder; never in the library';

type SyncPanelProps = { eventId: string; status: SyncStatus | null; onStatus: (status: SyncStatus) => void };

/** The event's Git remote, its token, "Sync now", and what the last sync brought in. */
export function SyncPanel({ eventId, status, onStatus }: SyncPanelProps) {
  const saver = useNoteSaver();
  const [remoteUrl, setRemoteUrl] = useState(status?.remoteUrl ?? '');
  const [username, setUsername] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(submit: FormEvent) {
    submit.preventDefault();
    setBusy(true);
    const result = await api['sync:configure']({ eventId, remoteUrl, ...(username.trim() ? { username } : {}), ...(token ? { token } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setToken('');
    onStatus(result.value);
  }

  async function syncNow() {
    setBusy(true);
    await saver.flushAll();
    const result = await api['sync:now']({ eventId });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    onStatus(result.value);
  }

  return (
    <section className="team-section" aria-labelledby="sync-heading">
      <h3 id="sync-heading">Sync through Git</h3>
      <p className="field-hint">
        When the team has a network: a shared Git repository (GitHub, GitLab, Gitea…). Hallnotes commits here when you pause, and syncs every two minutes while a remote is
        set; offline it waits. Private notes and History never leave this computer.
      </p>
      <form className="form sync-form" onSubmit={(submit) => void save(submit)}>
        <Field label="Repository address" hint="https://… (http:// only for this computer)">
          {(control) => <input {...control} type="url" value={remoteUrl} onChange={(change) => setRemoteUrl(change.target.value)} required placeholder="https://git.example.org/newsroom/summit.git" />}
        </Field>
        <div className="field-row">
          <Field label="User name" hint="Usually any; GitLab: oauth2">
            {(control) => <input {...control} value={username} onChange={(change) => setUsername(change.target.value)} placeholder="hallnotes" autoComplete="off" />}
          </Field>
          <Field label="Access token" hint={status?.hasToken ? 'A token is stored; leave empty to keep it' : TOKEN_HINT}>
            {(control) => <input {...control} type="password" value={token} onChange={(change) => setToken(change.target.value)} autoComplete="off" />}
          </Field>
        </div>
        <div className="sync-actions">
          <button type="submit" className="button" disabled={busy || !remoteUrl.trim()}>
            Save remote
          </button>
          <button type="button" className="button button-primary" disabled={busy || !status?.remoteUrl} onClick={() => void syncNow()}>
            {busy ? 'Syncing…' : 'Sync now'}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {status?.remoteUrl && (
        <div className="sync-status" role="status" aria-label="Sync status">
          <p>
            <strong>{describeSyncState(status)}</strong> with {status.remoteUrl}
          </p>
          {status.message && <p className={status.state === 'failed' ? 'form-error' : 'field-hint'}>{status.message}</p>}
          {status.cameIn && <ExchangeReportList report={status.cameIn} label="What came in at the last sync" />}
        </div>
      )}
    </section>
  );
}
