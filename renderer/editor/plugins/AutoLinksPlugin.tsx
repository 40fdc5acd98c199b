import { AutoLinkPlugin } from '@lexical/react/LexicalAutoLinkPlugin';
import { autoLinkEmailMatcher, autoLinkUrlMatcher, type LinkMatcher } from '@lexical/link';
import { safeUrl } from '../../../shared/note/safeUrl';

/** Lexical's own matcher, kept only where the address passes the one safe-link rule every link in a note follows. */
function safe(matcher: LinkMatcher): LinkMatcher {
  return (text) => {
    const match = matcher(text);
    const url = match ? safeUrl(match.url) : null;
    return match && url ? { ...match, url } : null;
  };
}

const MATCHERS = [safe(autoLinkUrlMatcher), safe(autoLinkEmailMatcher)];

/**
 * Web addresses (https://…, www.…) and mail addresses typed or pasted become links as soon as
 * they are complete (Lexical's AutoLink, which also undoes a link whose text stops being an
 * address). A fediverse handle (@name@server) is not taken for a mail address: the "@" before
 * it is not a word boundary.
 */
export function AutoLinksPlugin() {
  return <AutoLinkPlugin matchers={MATCHERS} />;
}
