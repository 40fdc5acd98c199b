import { useEffect, useRef, useState } from 'react';

type PhotoTextFieldProps = {
  label: string;
  placeholder: string;
  value: string;
  className: string;
  onChange: (value: string) => void;
  onFocus: () => void;
  /** Enter or Escape: back to writing the note. */
  onLeave: () => void;
};

/** One line of text under a photo in an editable note (its caption, its alt text), typed in place. */
export function PhotoTextField({ label, placeholder, value, className, onChange, onFocus, onLeave }: PhotoTextFieldProps) {
  const [draft, setDraft] = useState(value);
  const inputRef = useRef<HTMLInputElement>(null);

  // Undo and redo change the text from outside; typing in the field must not be overwritten.
  useEffect(() => {
    if (document.activeElement !== inputRef.current) setDraft(value);
  }, [value]);

  return (
    <input
      ref={inputRef}
      type="text"
      className={className}
      aria-label={label}
      placeholder={placeholder}
      value={draft}
      maxLength={1000}
      onChange={(event) => {
        setDraft(event.target.value);
        onChange(event.target.value);
      }}
      onFocus={onFocus}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === 'Escape') {
          event.preventDefault();
          onLeave();
        }
      }}
    />
  );
}
