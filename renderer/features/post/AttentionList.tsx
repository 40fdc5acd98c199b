import type { AttentionItem } from '../../../shared/model/post';
import { PhotoDescriptionForm } from './PhotoDescriptionForm';

type AttentionListProps = {
  /** Notes that could not be read: they are left out of the post. */
  problems: string[];
  attention: AttentionItem[];
  onOpenSession: (sessionId: string) => void;
  imageUrl: (src: string) => string | null;
  /** Gives a photo (of a session's note, the intro or the closing) its alt text; resolves to a message when that failed. */
  onDescribePhoto: (item: AttentionItem & { photo: { src: string } }, alt: string) => Promise<string | null>;
};

/** What to look at before publishing, each with a way to the session it concerns. */
export function AttentionList({ problems, attention, onOpenSession, imageUrl, onDescribePhoto }: AttentionListProps) {
  const count = problems.length + attention.length;
  return (
    <section className="post-attention" aria-labelledby="post-attention-title">
      <h2 className="post-section-title" id="post-attention-title">
        {count === 0 ? 'Ready to publish' : `Needs attention (${count})`}
      </h2>
      {count === 0 ? (
        <p className="post-attention-clear">No TK markers, empty notes, speakers without a role, dropped links, missing photos or photos without alt text.</p>
      ) : (
        <ul className="post-attention-list" aria-label="Needs attention">
          {problems.map((problem) => (
            <li key={problem} className="post-attention-item post-attention-problem">
              {problem}
            </li>
          ))}
          {attention.map((item, index) => (
            <li key={`${index}-${item.message}`} className={`post-attention-item attention-${item.kind}`}>
              <span>{item.message}</span>
              {item.photo && <PhotoDescriptionForm imageUrl={imageUrl(item.photo.src)} onDescribe={(alt) => onDescribePhoto({ ...item, photo: item.photo! }, alt)} />}
              {item.sessionId && (
                <button type="button" className="button button-small" onClick={() => onOpenSession(item.sessionId!)}>
                  Open note
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
