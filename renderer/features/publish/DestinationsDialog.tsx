import { useState } from 'react';
import { DESTINATION_KIND_LABELS, type Destination } from '../../../shared/model/publish';
import { api } from '../../api/bridge';
import { Dialog } from '../../ui/Dialog';
import { DestinationForm } from './DestinationForm';

type DestinationsDialogProps = {
  destinations: Destination[];
  onChanged: (selected?: Destination) => Promise<void>;
  onClose: () => void;
};

/** The sites this computer publishes drafts to: add, change, remove. Passwords stay in the main process. */
export function DestinationsDialog({ destinations, onChanged, onClose }: DestinationsDialogProps) {
  const [editing, setEditing] = useState<Destination | 'new' | null>(destinations.length === 0 ? 'new' : null);
  const [error, setError] = useState<string | null>(null);

  async function remove(destination: Destination) {
    const result = await api['publish:delete-destination']({ destinationId: destination.id });
    if (!result.ok) setError(result.error.message);
    await onChanged();
  }

  return (
    <Dialog title="Sites to publish to" onClose={onClose}>
      {editing ? (
        <DestinationForm
          editing={editing === 'new' ? null : editing}
          onCancel={() => (destinations.length === 0 ? onClose() : setEditing(null))}
          onSaved={async (saved) => {
            await onChanged(saved);
            setEditing(null);
          }}
        />
      ) : (
        <div className="dialog-body">
          <ul className="publish-destinations" aria-label="Sites">
            {destinations.map((destination) => (
              <li key={destination.id} className="publish-destination">
                <span className="publish-destination-text">
                  <span className="publish-destination-name">{destination.name}</span>
                  <span className="publish-destination-meta">
                    {DESTINATION_KIND_LABELS[destination.kind]} · {destination.siteUrl}
                    {destination.userName ? ` · ${destination.userName}` : ''}
                    {destination.hasSecret ? '' : ' · no password stored'}
                  </span>
                </span>
                <button type="button" className="button button-small" onClick={() => setEditing(destination)} aria-label={`Change “${destination.name}”`}>
                  Change
                </button>
                <button type="button" className="button button-small button-danger" onClick={() => void remove(destination)} aria-label={`Remove “${destination.name}”`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setEditing('new')}>
              Add a site…
            </button>
            <button type="button" className="button button-primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
