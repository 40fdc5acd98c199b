import { parse } from '@wordpress/block-serialization-default-parser';
import { describe, expect, it } from 'vitest';
import { composePost } from '../../shared/export/composePost';
import { renderHtml } from '../../shared/export/html';
import { renderMarkdown, renderMarkdownBlocks } from '../../shared/export/markdown';
import { AS_STORED, noteToBlocks } from '../../shared/export/noteToBlocks';
import { renderPlainText } from '../../shared/export/plainText';
import type { PostInput, PostStyle } from '../../shared/export/postInput';
import { renderWordPress } from '../../shared/export/wordpress';
import type { SerializedNoteState } from '../../shared/note/noteFile';
import { SESSIONS, conferenceDay } from './fixtures/conferenceDay';
import { heading, note, paragraph, text } from './fixtures/noteBuilders';

type ParsedBlock = ReturnType<typeof parse>[number];

/** The heading levels of the body, in reading order, as each CMS format states them. */
function levelsInEveryFormat(post: PostInput): Record<'html' | 'markdown' | 'wordpress', number[]> {
  const composed = composePost(post);
  const html = [...renderHtml(composed, { document: false }).matchAll(/<h([1-6])>/g)].map((match) => Number(match[1]));
  const markdown = [...renderMarkdown(composed, { frontMatter: true }).matchAll(/^(#{1,6}) /gm)].map((match) => match[1].length);
  const wordpress: number[] = [];
  const visit = (blocks: ParsedBlock[]) => {
    for (const block of blocks) {
      if (block.blockName === 'core/heading') wordpress.push(Number((block.attrs as { level?: number }).level ?? 2));
      visit(block.innerBlocks);
    }
  };
  visit(parse(renderWordPress(composed)));
  return { html, markdown, wordpress };
}

function oneSession(noteState: SerializedNoteState, style: PostStyle = 'headings', intro: SerializedNoteState | null = null): PostInput {
  return { ...conferenceDay(style), intro, closing: null, sections: [{ session: SESSIONS.keynote, note: noteState }] };
}

function expectEverywhere(post: PostInput, levels: number[]): void {
  expect(levelsInEveryFormat(post)).toEqual({ html: levels, markdown: levels, wordpress: levels });
}

describe('heading levels', () => {
  it('puts a note that starts at h2 straight under the session heading: h3, then h4, never skipping', () => {
    expectEverywhere(oneSession(note(heading('h2', text('Background')), 'Some context.', heading('h3', text('Numbers')), heading('h2', text('Outlook')))), [2, 3, 4, 3]);
  });

  it('closes a gap the reporter left (h1 then h3) and keeps a later, higher heading at the top of the note', () => {
    expectEverywhere(oneSession(note(heading('h1', text('Top')), heading('h3', text('Deep')))), [2, 3, 4]);
    expectEverywhere(oneSession(note(heading('h3', text('Starts deep')), heading('h1', text('Then a top one')), heading('h2', text('Under it')))), [2, 3, 3, 4]);
  });

  it('has no headings inside a session in the flowing style, where sessions have none: a note’s headings become bold lead-ins', () => {
    expectEverywhere(oneSession(note(paragraph(text('Opening words.')), heading('h3', text('Numbers')), heading('h3', text('More numbers'))), 'flowing'), []);
    expectEverywhere(oneSession(note(heading('h3', text('Numbers'))), 'flowing', note(heading('h3', text('Before we start')))), [2]);
  });

  it('puts the intro’s headings right under the title', () => {
    expectEverywhere(oneSession(note('Talk.'), 'headings', note(heading('h3', text('Before we start')))), [2, 2]);
  });

  it('stops at h6 however deep a note goes', () => {
    const deep = note(...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h2'] as const).map((tag) => heading(tag, text(tag))));
    expectEverywhere(oneSession(deep), [2, 3, 4, 5, 6, 6, 6, 4]);
  });
});

describe('heading levels in plain text', () => {
  it('are underlined as reStructuredText does: = for the title, - for sessions, ~ and ^ below them, so a reader sees the outline', () => {
    const plain = renderPlainText(composePost(oneSession(note(heading('h1', text('Numbers')), 'Forty percent.', heading('h2', text('Sources')), heading('h3', text('Deeper still'))))));
    expect(plain).toContain('Cloud Summit 2026 – Day 1 Reflections\n=====================================\n');
    expect(plain).toContain('\nChris Example, Chief Architect at Agency: The reality of cloud\n--------------------------------------------------------------\n');
    expect(plain).toContain('\nNumbers\n~~~~~~~\n\nForty percent.\n\nSources\n^^^^^^^\n\nDeeper still\n^^^^^^^^^^^^\n');
  });
});

describe('a note on its own', () => {
  it('keeps the heading levels it stores (hallnotes note get prints them as typed)', () => {
    const blocks = noteToBlocks(note(heading('h2', text('Background')), heading('h3', text('Numbers'))), AS_STORED);
    expect(renderMarkdownBlocks(blocks)).toBe('## Background\n\n### Numbers\n');
  });
});
