import { createContext, useContext, useEffect } from 'react';

/** Anything holding typed work on its way to disk: a note saver, the post's settings queue… */
export type Saver = {
  /** Resolves once everything pending has been sent and has landed (or failed, and stays pending). */
  flush(): Promise<void>;
  hasUnsaved(): boolean;
};

/**
 * Every saver in the window, so one flush reaches them all: the quit request, closing the tab
 * and leaving the window each flush the registry, and the quit is answered once, after the
 * last of them has finished.
 */
export class SaverRegistry {
  private readonly savers = new Set<Saver>();

  register(saver: Saver): () => void {
    this.savers.add(saver);
    return () => this.savers.delete(saver);
  }

  /** Flushes every saver, and any registered while that runs; one saver failing does not stop the others. */
  async flushAll(): Promise<void> {
    const flushed = new Set<Saver>();
    for (let round = [...this.savers]; round.length > 0; round = [...this.savers].filter((saver) => !flushed.has(saver))) {
      round.forEach((saver) => flushed.add(saver));
      await Promise.allSettled(round.map((saver) => saver.flush()));
    }
  }

  hasUnsaved(): boolean {
    return [...this.savers].some((saver) => saver.hasUnsaved());
  }
}

export const SaverRegistryContext = createContext<SaverRegistry | null>(null);

/** Keeps `saver` in the window's registry while the component is mounted (pass a stable object). */
export function useRegisteredSaver(saver: Saver): void {
  const registry = useContext(SaverRegistryContext);
  if (!registry) throw new Error('useRegisteredSaver needs a SaverRegistryContext provider');
  useEffect(() => registry.register(saver), [registry, saver]);
}
