import { useId, useState, type FormEvent } from 'react';

type PhotoDescriptionFormProps = {
  /** Where the preview loads the photo from; null when it cannot be shown. */
  imageUrl: string | null;
  /** Saves the description into the note; resolves to a message when that failed. */
  onDescribe: (alt: string) => Promise<string | null>;
};

/** The alt text for a photo that has neither a description nor a caption, typed right in the needs-attention list. */
export function PhotoDescriptionForm({ imageUrl, onDescribe }: PhotoDescriptionFormProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '' || busy) return;
    setBusy(true);
    const problem = await onDescribe(text);
    setBusy(false);
    setError(problem);
  }

  return (
    <form className="post-photo-description" onSubmit={(event) => void submit(event)}>
      {imageUrl && <img className="post-photo-thumbnail" src={imageUrl} alt="" />}
      <label className="post-photo-label" htmlFor={fieldId}>
        Alt text
      </label>
      <input
        id={fieldId}
        type="text"
        value={text}
        maxLength={1000}
        placeholder="What the photo shows"
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="button button-small" disabled={busy || text.trim() === ''}>
        {busy ? 'Saving…' : 'Save alt text'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
