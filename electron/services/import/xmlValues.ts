/** fast-xml-parser gives one child as a value and several as an array; text with attributes as `#text`. */
export type XmlNode = Record<string, unknown>;

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

export function asNodes(value: unknown): XmlNode[] {
  return asArray(value).filter((item): item is XmlNode => typeof item === 'object' && item !== null);
}

export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object') return textOf((value as XmlNode)['#text']);
  return '';
}

export function attributeOf(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}
