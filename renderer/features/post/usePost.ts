import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Post, PostChanges, PostDay, PostResolution, SavedPost } from '../../../shared/model/post';
import type { SerializedNoteState } from '../../../shared/note/noteFile';
import { api } from '../../api/bridge';
import type { NoteSaver } from '../note/noteSaver';
import { useNoteSaver } from '../note/noteSaverContext';
import { useRegisteredSaver } from '../note/saverRegistry';
import { PostChangeQueue } from './postChangeQueue';
import { createPostTextSaver, type PostPart } from './postTextSaver';

export type PostTexts = Record<PostPart, SerializedNoteState | null>;

export type PostEditing = {
  /** The post with the reporter's unsaved choices already applied; null while loading. */
  post: Post | null;
  /** The sessions with their notes as last read from disk, and what needs attention. */
  resolution: PostResolution | null;
  /** The intro and closing as last typed (sent to disk or about to be). */
  texts: PostTexts;
  loadError: string | null;
  saveError: string | null;
  textSaver: NoteSaver;
  change(changes: PostChanges, immediately: boolean): void;
  /** Everything typed is on disk once this resolves: session notes, settings, intro and closing. */
  flush(): Promise<void>;
  /** Reads the sessions and the attention list again, after something changed a note. */
  refresh(): Promise<void>;
};

/**
 * One post being composed: loads it (after saving any pending session note, so the sessions
 * read from disk are current), applies changes at once on screen while saving them in the
 * background, and re-reads the sessions and the attention list after every save.
 */
export function usePost(eventId: string, day: PostDay): PostEditing {
  const noteSaver = useNoteSaver();
  const [post, setPost] = useState<Post | null>(null);
  const [resolution, setResolution] = useState<PostResolution | null>(null);
  const [texts, setTexts] = useState<PostTexts>({ intro: null, closing: null });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const latestResolve = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latestResolve.current;
    const result = await api['posts:resolve']({ eventId, day });
    if (request !== latestResolve.current) return;
    if (result.ok) setResolution(result.value);
    else setLoadError(result.error.message);
  }, [eventId, day]);

  const [textSaver] = useState(() =>
    createPostTextSaver(eventId, day, {
      onSending: (part, state) => setTexts((current) => ({ ...current, [part]: state })),
      onSaved: () => void refresh(),
    }),
  );
  const [queue] = useState(
    () =>
      new PostChangeQueue((changes) => api['posts:save']({ eventId, day, changes }), {
        onSaved: (saved: SavedPost) => {
          setPost((current) => (current ? { ...current, defaults: saved.post.defaults, savedAt: saved.savedAt } : saved.post));
          void refresh();
        },
        onError: setSaveError,
      }),
  );
  // Saved with the session notes when the window loses focus or the app quits.
  useRegisteredSaver(useMemo(() => ({ flush: () => textSaver.flushAll(), hasUnsaved: () => textSaver.hasUnsavedChanges() }), [textSaver]));
  useRegisteredSaver(useMemo(() => ({ flush: () => queue.flush(), hasUnsaved: () => queue.hasUnsaved() }), [queue]));

  useEffect(() => {
    let current = true;
    void (async () => {
      await noteSaver.flushAll();
      const [loaded, resolved] = await Promise.all([api['posts:get']({ eventId, day }), api['posts:resolve']({ eventId, day })]);
      if (!current) return;
      if (!loaded.ok || !resolved.ok) {
        setLoadError((loaded.ok ? null : loaded.error.message) ?? (resolved.ok ? null : resolved.error.message));
        return;
      }
      setPost(loaded.value);
      setTexts({ intro: loaded.value.intro, closing: loaded.value.closing });
      setResolution(resolved.value);
    })();
    return () => {
      current = false;
      queue.dispose();
      void queue.flush();
      void textSaver.flushAll();
    };
  }, [eventId, day, noteSaver, queue, textSaver]);

  const change = useCallback(
    (changes: PostChanges, immediately: boolean) => {
      setPost((current) => (current ? { ...current, settings: { ...current.settings, ...withoutTexts(changes) } } : current));
      queue.change(changes, immediately);
    },
    [queue],
  );

  const flush = useCallback(async () => {
    await Promise.all([noteSaver.flushAll(), queue.flush(), textSaver.flushAll()]);
  }, [noteSaver, queue, textSaver]);

  return { post, resolution, texts, loadError, saveError, textSaver, change, flush, refresh };
}

function withoutTexts(changes: PostChanges): Partial<Post['settings']> {
  const { intro: _intro, closing: _closing, ...settings } = changes;
  return settings;
}
