import { clipText, CONTROL_CHARACTERS, singleLine } from '../../../shared/model/plainText';

/**
 * Programme text comes from strangers' servers. Everything imported is reduced to plain text
 * here: HTML loses its tags (and the content of scripts and styles), control characters and
 * direction overrides are dropped, and lengths are capped to what the event file accepts.
 */

const INVISIBLE_ELEMENTS = /<(script|style|template|iframe|object|embed|noscript|svg|math|head|title|textarea|select)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENTS = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[|\]\]>|<[!?][^>]*>/g;
const LINE_BREAKS = /<br\s*\/?>/gi;
const BLOCK_BOUNDARIES = /<\/?(?:p|div|h[1-6]|ul|ol|tr|table|blockquote|pre|section|article|header|footer|dl|dt|dd|hr)\b[^>]*>/gi;
const LIST_ITEMS = /<li\b[^>]*>/gi;
const ANY_TAG = /<\/?[a-z][^>]*>/gi;
const ENTITY = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢',
  deg: '°', times: '×', divide: '÷', shy: '', zwnj: '', zwj: '', thinsp: ' ', ensp: ' ', emsp: ' ',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', egrave: 'è', ecirc: 'ê', aacute: 'á', agrave: 'à', acirc: 'â', iacute: 'í', oacute: 'ó',
  uacute: 'ú', ccedil: 'ç', ntilde: 'ñ', Eacute: 'É', aring: 'å', oslash: 'ø', aelig: 'æ',
};

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

// One line of text (titles, rooms, names) is cleaned by the rule the app and the export use.
export { singleLine };

function stripOnce(html: string): string {
  return html
    .replace(INVISIBLE_ELEMENTS, ' ')
    .replace(COMMENTS, ' ')
    .replace(LINE_BREAKS, '\n')
    .replace(BLOCK_BOUNDARIES, '\n\n')
    .replace(LIST_ITEMS, '\n- ')
    .replace(ANY_TAG, '');
}

/** Repeats until nothing changes: removing `<b>` from `<<b>script>` must not leave a `<script>` behind. */
function stripMarkup(html: string): string {
  let current = html;
  for (let pass = 0; pass < 10; pass += 1) {
    const next = stripOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current.replace(/</g, '');
}

/** HTML (or plain text) to plain text with paragraphs kept as blank lines. */
export function htmlToText(value: string | null | undefined, max: number): string {
  if (!value) return '';
  // A cap before the regular expressions run keeps a hostile multi-megabyte field cheap.
  const text = decodeEntities(stripMarkup(value.slice(0, max * 10)))
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return clipText(text, max);
}
