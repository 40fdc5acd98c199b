import type { AttentionItem } from '../../../shared/model/post';

type AttentionListProps = {
  /** Notes that could not be read: they are left out of the post. */
  problems: string[];
  attention: AttentionItem[];
  onOpenSession: (sessionId: string) => void;
};

/** What to look at before publishing, each with a way to the session it concerns. */
export function AttentionList({ problems, attention, onOpenSession }: AttentionListProps) {
  const count = problems.length + attention.length;
  return (
    <section className="post-attention" aria-labelledby="post-attention-title">
      <h2 className="post-section-title" id="post-attention-title">
        {count === 0 ? 'Ready to publish' : `Needs attention (${count})`}
      </h2>
      {count === 0 ? (
        <p className="post-attention-clear">No TK markers, empty notes, speakers without a role, dropped links or missing photos.</p>
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
