import type { EditorThemeClasses } from 'lexical';

/** Class names Lexical puts on the note's DOM; styled in styles/editor.css. */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'note-paragraph',
  heading: { h1: 'note-h1', h2: 'note-h2', h3: 'note-h3', h4: 'note-h4', h5: 'note-h5', h6: 'note-h6' },
  quote: 'note-quote',
  list: {
    ul: 'note-ul',
    ol: 'note-ol',
    listitem: 'note-listitem',
    nested: { listitem: 'note-nested-listitem' },
  },
  link: 'note-link',
  text: {
    bold: 'note-bold',
    italic: 'note-italic',
    underline: 'note-underline',
    strikethrough: 'note-strikethrough',
    underlineStrikethrough: 'note-underline-strikethrough',
  },
  // Hallnotes' own nodes (shared/note/nodes/) read these keys in createDOM.
  attributedQuote: 'note-attributed-quote',
  timestamp: 'note-timestamp',
  image: 'note-image-block',
  privateNote: 'note-private',
};
