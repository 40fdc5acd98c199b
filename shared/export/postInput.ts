import type { Session } from '../model/event';
import type { SerializedNoteState } from '../note/noteFile';

/** How sessions appear in the post: a heading per session, or paragraphs that open with the speaker. */
export const POST_STYLES = ['headings', 'flowing'] as const;
export type PostStyle = (typeof POST_STYLES)[number];

/** One included session, in post order, with its stored note (null when it has none). */
export type PostSection = {
  session: Session;
  note: SerializedNoteState | null;
};

/**
 * A post with everything resolved: the caller (main process or preview) has already read the
 * event, picked and ordered the sessions and loaded their notes. The serializers only read it.
 */
export type PostInput = {
  title: string;
  intro: SerializedNoteState | null;
  closing: SerializedNoteState | null;
  /** Shown at the end of the post, e.g. "Posted by Jane Doe". */
  byline: string;
  /** The author's name alone, for metadata such as Markdown front matter; may be empty. */
  author: string;
  tags: string[];
  /** The post's date, YYYY-MM-DD; supplied by the caller so output never depends on the clock. */
  date: string;
  style: PostStyle;
  sections: PostSection[];
};
