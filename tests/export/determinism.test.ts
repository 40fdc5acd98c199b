import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { renderMarkdown } from '../../shared/export/markdown';
import { renderPlainText } from '../../shared/export/plainText';
import type { PostInput } from '../../shared/export/postInput';
import { renderWordPress } from '../../shared/export/wordpress';
import { conferenceDay } from './fixtures/conferenceDay';
import { kielDay } from './fixtures/kielDay';

function renderAll(post: PostInput): string[] {
  const composed = composePost(post);
  return [
    renderHtml(composed, { document: true }),
    renderHtml(composed, { document: false }),
    renderMarkdown(composed, { frontMatter: true }),
    renderMarkdown(composed, { frontMatter: false }),
    renderWordPress(composed),
    renderPlainText(composed),
  ];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('determinism', () => {
  it('gives byte-identical output for the same input, every time', () => {
    for (const day of [conferenceDay, kielDay]) {
      for (const style of ['headings', 'flowing'] as const) {
        const first = renderAll(day(style));
        const second = renderAll(day(style));
        expect(second).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
      }
    }
  });

  it('never changes its input (a frozen post renders the same as a fresh one)', () => {
    const frozen = deepFreeze(conferenceDay());
    expect(renderAll(frozen)).toEqual(renderAll(structuredClone(conferenceDay())));
  });

  it('reflects the order of the sessions it is given', () => {
    const day = conferenceDay();
    const swapped = { ...day, sections: [day.sections[1], day.sections[0], ...day.sections.slice(2)] };
    const markdown = renderMarkdown(composePost(swapped), { frontMatter: false });
    expect(markdown.indexOf('Who pays for the data?')).toBeLessThan(markdown.indexOf('The reality of cloud'));
  });
});
