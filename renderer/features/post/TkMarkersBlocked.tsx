import type { TkMarker } from '../../../shared/export/tkMarkers';
import { summarizeTkMarkers } from '../../../shared/export/tkMarkers';

type TkMarkersBlockedProps = {
  markers: readonly TkMarker[];
  /** What was stopped: the file export or the copy. */
  action: 'export' | 'copy';
  onAnyway: () => void;
};

/** Why the post did not go out (TK markers left, each with its words), and the editor's explicit way past it. */
export function TkMarkersBlocked({ markers, action, onAnyway }: TkMarkersBlockedProps) {
  const { count, places } = summarizeTkMarkers(markers);
  return (
    <div className="post-export-outcome post-export-blocked" role="alert">
      <p>
        {count.charAt(0).toUpperCase() + count.slice(1)} {markers.length === 1 ? 'is' : 'are'} left to check, in {places}, so the post was not{' '}
        {action === 'export' ? 'exported' : 'copied'}.
      </p>
      <ul aria-label="TK markers left">
        {markers.map((marker, index) => (
          <li key={`${index}-${marker.where}`}>
            <strong>{marker.where}</strong>: {marker.excerpt}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small" onClick={onAnyway}>
        {action === 'export' ? 'Export anyway' : 'Copy anyway'}
      </button>
    </div>
  );
}
