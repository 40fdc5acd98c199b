import { parse, parseFragment } from 'parse5';
import { safeUrl } from '../../../shared/note/safeUrl';

type Parse5Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Parse5Node[]; content?: Parse5Node };

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  html: ['lang'],
  meta: ['charset', 'name', 'content'],
  a: ['href'],
  img: ['src', 'alt'],
  ol: ['start'],
  time: ['datetime'],
};
const SEMANTIC_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'strong', 'em', 'u', 's', 'code', 'br', 'a', 'ul', 'ol', 'li', 'blockquote', 'cite', 'figure', 'img', 'figcaption', 'time', 'hr'];
/** Classes WordPress's own blocks save beside their wp-block-* class (core/separator's default opacity). */
const WORDPRESS_CORE_CLASSES = ['has-alpha-channel-opacity'];
const DOCUMENT_TAGS = ['html', 'head', 'body', 'meta', 'title'];
const ASSET_PATH = /^assets\/[A-Za-z0-9._/-]+$/;

export type AuditOptions = {
  document: boolean;
  /** WordPress markup carries its own wp-* classes, core/underline's style and block comments. */
  wordpress?: boolean;
  /** An exported file's photos live in this folder beside it instead of the event's assets/. */
  imagesFolder?: string;
};

/**
 * Everything an HTML parser finds in the output that should not be there: elements outside the
 * semantic set (script, style, iframe, …), event handlers, style or class attributes, links
 * that are not http, https or mailto, images outside the assets folder, comments.
 */
export function auditHtml(html: string, options: AuditOptions): string[] {
  const root = (options.document ? parse(html) : parseFragment(html)) as unknown as Parse5Node;
  const allowedTags = new Set([...SEMANTIC_TAGS, ...(options.document ? DOCUMENT_TAGS : []), ...(options.wordpress ? ['span'] : [])]);
  const problems: string[] = [];
  const visit = (node: Parse5Node) => {
    if (node.nodeName === '#comment' && !options.wordpress) problems.push('comment');
    if (node.tagName) {
      if (!allowedTags.has(node.tagName)) problems.push(`<${node.tagName}> element`);
      for (const attribute of node.attrs ?? []) problems.push(...attributeProblems(node.tagName, attribute, options));
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(root);
  return problems;
}

function attributeProblems(tag: string, { name, value }: { name: string; value: string }, options: AuditOptions): string[] {
  if (/^on/i.test(name)) return [`event handler ${name} on <${tag}>`];
  if (options.wordpress && name === 'class' && value.split(/\s+/).every((word) => word.startsWith('wp-') || WORDPRESS_CORE_CLASSES.includes(word))) return [];
  if (options.wordpress && tag === 'span' && name === 'style' && value === 'text-decoration: underline;') return [];
  if (name === 'style') return [`style attribute on <${tag}>`];
  if (name === 'class') return [`class attribute on <${tag}>`];
  if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) return [`${name} attribute on <${tag}>`];
  if (tag === 'meta' && name === 'name' && !['author', 'keywords'].includes(value)) return [`<meta name="${value}">`];
  if (name === 'href' && safeUrl(value) !== value) return [`unsafe link ${value}`];
  const imagePath = options.imagesFolder === undefined ? ASSET_PATH : new RegExp(`^${encodeURIComponent(options.imagesFolder).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[A-Za-z0-9._/-]+$`);
  if (name === 'src' && !imagePath.test(value)) return [`image outside ${options.imagesFolder ?? 'assets'}: ${value}`];
  return [];
}

/** Every element name in document order, for structure checks. */
export function elementNames(html: string): string[] {
  const names: string[] = [];
  const visit = (node: Parse5Node) => {
    if (node.tagName) names.push(node.tagName);
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(parseFragment(html) as unknown as Parse5Node);
  return names;
}
