/**
 * YAML front matter for Hugo, Jekyll and Ghost. Every string is double-quoted with escapes for
 * backslash, quote and anything non-printable (including the line separators YAML 1.1 treats as
 * line breaks), so no title or tag can end the value or be read as YAML syntax. The escapes used
 * are also JSON's, which keeps the scalars valid under YAML 1.1 and 1.2 alike.
 */
export type FrontMatter = { title: string; date: string; author: string; tags: readonly string[] };

export function yamlFrontMatter(fields: FrontMatter): string {
  const lines = ['---', `title: ${yamlString(fields.title)}`];
  // A bare YYYY-MM-DD is a YAML date, which is what static site generators expect.
  lines.push(`date: ${/^\d{4}-\d{2}-\d{2}$/.test(fields.date) ? fields.date : yamlString(fields.date)}`);
  if (fields.author) lines.push(`author: ${yamlString(fields.author)}`);
  if (fields.tags.length === 0) lines.push('tags: []');
  else lines.push('tags:', ...fields.tags.map((tag) => `  - ${yamlString(tag)}`));
  lines.push('---');
  return lines.join('\n');
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };

export function yamlString(value: string): string {
  const escaped = value.replace(/[\\"\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/g, (character) => {
    return ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}
