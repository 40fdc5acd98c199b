/**
 * Clipboard HTML from web pages, Word, LibreOffice and Google Docs, reduced to what the note
 * can hold before Lexical imports it.
 *
 * Why not leave it all to Lexical's importer: the app's CSP (script-src and style-src 'self')
 * also governs DOMParser documents. Parsing a `style` attribute, a <style> element or an
 * `on…` handler there is refused and logged as a violation, even though nothing would run;
 * and `style` is where Google Docs and Word put bold, italics, underline and strikethrough.
 * So before parsing, <style> elements are cut from the markup and every attribute is renamed
 * to an inert `data-paste-…` one. Then, on the parsed tree, formatting styles become
 * <strong>, <em>, <u>, <s>; only a safe link's href and a list's start come back; scripts,
 * embeds, images from elsewhere, comments and Office's own tags are removed.
 */
import { safeUrl } from '../../shared/note/safeUrl';

/** A start tag, with quoted attribute values that may contain ">". */
const START_TAG = /<[a-zA-Z][^\s/>]*(?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
/** One attribute of a start tag, with its value if any (run over the tag after its name). */
const ATTRIBUTE = /(\s+)([^\s/>"'=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const HIDDEN = 'data-paste-';
/** A <style> element (parsing one is a CSP violation too); an unclosed one runs to the end, as in the browser. */
const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?(?:<\/style\s*>|$)/gi;

/** Elements dropped with everything inside them. */
const DROPPED = 'script, style, link, meta, base, title, noscript, template, iframe, frame, object, embed, svg, math, img, picture, video, audio, canvas, input, button, select, textarea, head';

export function cleanClipboardHtml(html: string): string {
  const markup = html.replace(STYLE_ELEMENT, '').replace(START_TAG, hideAttributes);
  const document = new DOMParser().parseFromString(markup, 'text/html');
  const body = document.body;
  body.querySelectorAll(DROPPED).forEach((element) => element.remove());
  removeComments(body);
  // Deepest first, so an element is handled after everything inside it.
  for (const element of [...body.querySelectorAll('*')].reverse()) cleanElement(element);
  return body.innerHTML;
}

function hideAttributes(tag: string): string {
  const name = /^<[^\s/>]+/.exec(tag)![0];
  return name + tag.slice(name.length).replace(ATTRIBUTE, (_match, space: string, attribute: string, value = '') => `${space}${HIDDEN}${attribute}${value}`);
}

function removeComments(root: HTMLElement): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) comments.push(node);
  comments.forEach((comment) => comment.parentNode?.removeChild(comment));
}

function cleanElement(element: Element): void {
  const style = parseDeclarations(element.getAttribute(`${HIDDEN}style`) ?? '');
  const href = element.getAttribute(`${HIDDEN}href`);
  const start = element.getAttribute(`${HIDDEN}start`);
  const tag = element.localName;
  // Word's list bullets ("·" in a span marked mso-list:Ignore) are typed glyphs, not text.
  if (style.get('mso-list') === 'ignore') {
    element.remove();
    return;
  }
  for (const attribute of [...element.attributes]) element.removeAttribute(attribute.name);
  const url = tag === 'a' && href !== null ? safeUrl(href) : null;
  if (url) element.setAttribute('href', url);
  if (tag === 'ol' && start !== null && /^\d{1,6}$/.test(start)) element.setAttribute('start', start);
  const weight = style.get('font-weight');
  // Google Docs wraps the whole copy in <b style="font-weight:normal">; Office writes <o:p> and
  // friends; a link to anything but http, https or mailto keeps its text only.
  if (((tag === 'b' || tag === 'strong') && isNormalWeight(weight)) || tag.includes(':') || (tag === 'a' && !url)) {
    element.replaceWith(...element.childNodes);
    return;
  }
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  const wrappers = [
    isBoldWeight(weight) && 'strong',
    /^(italic|oblique)/.test(style.get('font-style') ?? '') && 'em',
    decoration.includes('underline') && 'u',
    decoration.includes('line-through') && 's',
  ].filter((name): name is string => Boolean(name));
  if (wrappers.length > 0) wrapContents(element, wrappers);
}

/** Moves the element's children into nested formatting elements inside it: <p><strong><em>…</em></strong></p>. */
function wrapContents(element: Element, tagNames: string[]): void {
  const outer = element.ownerDocument.createElement(tagNames[0]);
  let inner = outer;
  for (const tagName of tagNames.slice(1)) inner = inner.appendChild(element.ownerDocument.createElement(tagName));
  inner.append(...element.childNodes);
  element.append(outer);
}

function parseDeclarations(text: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of text.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) declarations.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim().toLowerCase());
  }
  return declarations;
}

function isBoldWeight(weight: string | undefined): boolean {
  return weight === 'bold' || weight === 'bolder' || (weight !== undefined && /^\d+$/.test(weight) && Number(weight) >= 600);
}

function isNormalWeight(weight: string | undefined): boolean {
  return weight === 'normal' || weight === 'lighter' || (weight !== undefined && /^\d+$/.test(weight) && Number(weight) < 600);
}
