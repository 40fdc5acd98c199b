/**
 * Puts the post on the clipboard as rich HTML (for a CMS's visual editor) and plain text (for
 * everything else) in one copy. A copy-event listener with execCommand('copy') does this in
 * Electron and in any browser from a click, with no clipboard permission; the async Clipboard
 * API needs a permission prompt in some browsers and cannot write HTML in others.
 */
export function copyRichText(html: string, text: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/html', html);
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}
