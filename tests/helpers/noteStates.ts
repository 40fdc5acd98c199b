import type { SerializedNoteNode, SerializedNoteState } from '../../shared/note/noteFile';

export function textNode(text: string): SerializedNoteNode {
  return { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' };
}

export function linkNode(url: string, text: string): SerializedNoteNode {
  return { type: 'link', version: 1, url, rel: 'noreferrer', target: null, title: null, children: [textNode(text)], direction: null, format: '', indent: 0 };
}

export function paragraph(...children: SerializedNoteNode[]): SerializedNoteNode {
  return { type: 'paragraph', version: 1, children, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '' };
}

/** A note of one paragraph per argument; a string becomes a text node. */
export function noteState(...paragraphs: (string | SerializedNoteNode[])[]): SerializedNoteState {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.map((content) => paragraph(...(typeof content === 'string' ? [textNode(content)] : content))),
    },
  };
}
