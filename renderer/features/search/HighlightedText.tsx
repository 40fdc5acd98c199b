import type { SearchSnippet } from '../../../shared/model/search';

/** A snippet with its matches in <mark>; the ranges come from the services, the text is never parsed as HTML. */
export function HighlightedText({ snippet }: { snippet: SearchSnippet }) {
  const parts = [];
  let position = 0;
  for (const [index, [start, end]] of snippet.ranges.entries()) {
    if (start > position) parts.push(snippet.text.slice(position, start));
    parts.push(<mark key={index}>{snippet.text.slice(start, end)}</mark>);
    position = end;
  }
  parts.push(snippet.text.slice(position));
  return (
    <>
      {snippet.clippedStart && '…'}
      {parts}
      {snippet.clippedEnd && '…'}
    </>
  );
}
