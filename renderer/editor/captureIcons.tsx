import type { ReactNode } from 'react';

/** Toolbar icons for the capture tools, drawn like renderer/ui/icons.tsx (inline, currentColor). */
function CaptureIcon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const SpeakerQuoteIcon = () => (
  <CaptureIcon>
    <path d="M4 11h4v5H4zM4 11c0-3 1-5 4-6M12 11h4v5h-4zM12 11c0-3 1-5 4-6" />
    <circle cx="19" cy="17" r="2" />
    <path d="M15.5 22c.5-2 2-3 3.5-3s3 1 3.5 3" />
  </CaptureIcon>
);
export const LockIcon = () => (
  <CaptureIcon>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </CaptureIcon>
);
export const PhotoIcon = () => (
  <CaptureIcon>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <circle cx="9" cy="10" r="2" />
    <path d="m21 16-5-5-9 8" />
  </CaptureIcon>
);
export const TimeEachParagraphIcon = () => (
  <CaptureIcon>
    <circle cx="7" cy="7" r="4" />
    <path d="M7 5v2l1.5 1M14 6h7M14 12h7M3 17h18M3 21h12" />
  </CaptureIcon>
);
