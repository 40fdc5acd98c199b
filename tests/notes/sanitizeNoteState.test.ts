import { describe, expect, test } from 'vitest';
import type { SerializedNoteNode, SerializedNoteState } from '../../shared/note/noteFile';
import { safeUrl } from '../../shared/note/safeUrl';
import { sanitizeNoteState } from '../../shared/note/sanitizeNoteState';
import { linkNode, noteState, paragraph, textNode } from '../helpers/noteStates';

const PHOTO = `assets/${'0f'.repeat(32)}.png`;

/** Link targets that must never survive, however they are dressed up. */
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'JAVASCRIPT:alert(1)',
  'java\0script:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  ' \u0001javascript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript\u0000:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  'javascript&colon;alert(1)',
  '%6Aavascript:alert(1)',
  'javascript://%0Aalert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'blob:https://example.org/5f0c',
  'about:blank',
  'chrome://settings',
  'app://hallnotes/index.html',
  '//evil.example/path',
  '/relative/path',
  'relative/path',
  '',
  `https://example.org/${'a'.repeat(5000)}`,
];
const SAFE_URLS: Array<[string, string]> = [
  ['https://example.org/talk', 'https://example.org/talk'],
  ['HTTP://Example.org', 'http://example.org/'],
  ['  https://example.org/a b  ', 'https://example.org/a%20b'],
  ['mailto:press@example.org', 'mailto:press@example.org'],
];

function nodesOf(state: SerializedNoteState): SerializedNoteNode[] {
  const nodes: SerializedNoteNode[] = [];
  const visit = (node: SerializedNoteNode) => {
    nodes.push(node);
    node.children?.forEach(visit);
  };
  visit(state.root);
  return nodes;
}

describe('sanitizeNoteState: what is stored is safe to show and export', () => {
  test.each(HOSTILE_URLS)('a link to %j is unwrapped into its text', (url) => {
    expect(safeUrl(url)).toBeNull();
    const cleaned = sanitizeNoteState(noteState([textNode('see '), linkNode(url, 'the slides'), textNode('.')]));
    const nodes = nodesOf(cleaned);
    expect(nodes.filter((node) => node.type === 'link' || node.type === 'autolink')).toEqual([]);
    expect(nodes.filter((node) => node.type === 'text').map((node) => node.text).join('')).toBe('see the slides.');
  });

  test.each(SAFE_URLS)('a link to %j is kept, normalised to %j', (url, normalised) => {
    const cleaned = sanitizeNoteState(noteState([linkNode(url, 'link')]));
    expect(nodesOf(cleaned).find((node) => node.type === 'link')?.url).toBe(normalised);
  });

  test('links nested in quotes, lists and attributed quotes are cleaned too', () => {
    const quote: SerializedNoteNode = { type: 'attributed-quote', version: 1, speaker: { name: 'Ada' }, children: [linkNode('javascript:alert(1)', 'bad'), linkNode('https://ok.example', 'good')] };
    const list: SerializedNoteNode = { type: 'list', version: 1, listType: 'bullet', children: [{ type: 'listitem', version: 1, value: 1, children: [linkNode('data:text/html,x', 'item')] }] };
    const state: SerializedNoteState = { root: { type: 'root', version: 1, children: [quote, list] } };
    const urls = nodesOf(sanitizeNoteState(state)).filter((node) => node.type === 'link').map((node) => node.url);
    expect(urls).toEqual(['https://ok.example/']);
  });

  test.each([
    '../../etc/passwd',
    'assets/../event.json',
    `assets/${'0f'.repeat(32)}.svg`,
    `assets/${'0F'.repeat(32)}.png`,
    `assets/sub/${'0f'.repeat(32)}.png`,
    `/assets/${'0f'.repeat(32)}.png`,
    'https://evil.example/x.png',
    'file:///home/me/photo.jpg',
    `data:image/png;base64,iVBORw0KGgo=`,
    `javascript:alert(1)//assets/${'0f'.repeat(32)}.png`,
  ])('a photo pointing at %j keeps only its caption, as text', (src) => {
    const image: SerializedNoteNode = { type: 'image', version: 1, src, caption: 'The slide' };
    const cleaned = sanitizeNoteState({ root: { type: 'root', version: 1, children: [image, paragraph(textNode('after'))] } });
    expect(nodesOf(cleaned).some((node) => node.type === 'image')).toBe(false);
    expect(cleaned.root.children.map((block) => block.children?.[0]?.text)).toEqual(['The slide', 'after']);
  });

  test('a stored photo of the event is kept as it is; one without words leaves nothing behind', () => {
    const kept: SerializedNoteNode = { type: 'image', version: 1, src: PHOTO, caption: 'Keynote stage' };
    expect(sanitizeNoteState({ root: { type: 'root', version: 1, children: [kept] } }).root.children).toEqual([kept]);
    expect(sanitizeNoteState({ root: { type: 'root', version: 1, children: [{ type: 'image', version: 1, src: 'x' }] } }).root.children).toEqual([]);
  });

  test('a timestamp that is not a time of day becomes its text', () => {
    const stamps = ['25:00', '9:30', '<img onerror=x>', '12:30:00'].map((time) => ({ type: 'timestamp', version: 1, time }));
    const cleaned = sanitizeNoteState(noteState([...stamps, { type: 'timestamp', version: 1, time: '09:30' }]));
    const inline = cleaned.root.children[0].children!;
    expect(inline.map((node) => node.type)).toEqual(['text', 'text', 'text', 'text', 'timestamp']);
    expect(inline.map((node) => node.text ?? node.time)).toEqual(['25:00', '9:30', '<img onerror=x>', '12:30:00', '09:30']);
  });

  test('inline CSS from pastes is dropped from text and blocks', () => {
    const styled = { ...textNode('red'), style: 'color: red; background: url(javascript:alert(1))' };
    const block = { ...paragraph(styled), textStyle: 'font-size: 40px' };
    const cleaned = sanitizeNoteState({ root: { type: 'root', version: 1, children: [block] } });
    expect(cleaned.root.children[0].textStyle).toBe('');
    expect(cleaned.root.children[0].children?.[0].style).toBe('');
    expect(cleaned.root.children[0].children?.[0].text).toBe('red');
  });

  test('an already clean note comes back equal', () => {
    const state = noteState('Plain words', [textNode('and a '), linkNode('https://example.org/', 'link')]);
    expect(sanitizeNoteState(state)).toEqual(state);
  });
});
