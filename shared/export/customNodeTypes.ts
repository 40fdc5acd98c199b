/**
 * Node types the editor will add (issue 4) and how exports treat them. The editor's custom
 * nodes must serialize with these type names and fields; the export walker (noteToBlocks)
 * renders them as:
 * - attributed quote → blockquote with <cite>Name, Role</cite> (Markdown: a "— Name, Role" line)
 * - timestamp        → <time datetime="HH:MM">HH:MM</time> (text in the other formats)
 * - image            → <figure><img><figcaption> (src must stay inside the event's assets/)
 * - private note     → nothing, ever, in any format
 */
export const ATTRIBUTED_QUOTE_NODE_TYPE = 'attributed-quote';
export const TIMESTAMP_NODE_TYPE = 'timestamp';
export const IMAGE_NODE_TYPE = 'image';
export const PRIVATE_NOTE_NODE_TYPE = 'private-note';

/** Block node; children are the quoted text (inline nodes or paragraphs). */
export type SerializedAttributedQuoteFields = {
  speaker: { name: string; role?: string };
  /** When it was said, HH:MM in event time; kept for the reporter, not printed. */
  time?: string | null;
};

/** Inline node; time is HH:MM in event time. */
export type SerializedTimestampFields = { time: string };

/** Block or inline node; src is relative to the event folder and must start with "assets/". */
export type SerializedImageFields = { src: string; alt?: string; caption?: string };
