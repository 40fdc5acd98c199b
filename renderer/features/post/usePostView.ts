import { useCallback, useState } from 'react';
import type { PostDay } from '../../../shared/model/post';

export type PostViewState = {
  /** The post shown in place of the agenda and note; undefined when the agenda is shown. */
  day: PostDay | undefined;
  show: (day: PostDay) => void;
  close: () => void;
};

/** Whether the open event's post is being composed, and for which day. Another event closes it. */
export function usePostView(eventId: string | null): PostViewState {
  const [open, setOpen] = useState<{ eventId: string; day: PostDay } | null>(null);
  const show = useCallback((day: PostDay) => eventId && setOpen({ eventId, day }), [eventId]);
  const close = useCallback(() => setOpen(null), []);
  return { day: open && open.eventId === eventId ? open.day : undefined, show, close };
}
