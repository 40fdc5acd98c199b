import { describe, expect, it } from 'vitest';
import { SaverRegistry, type Saver } from '../../renderer/features/note/saverRegistry';

/** A saver whose flush finishes when the test says so. */
function slowSaver(name: string, log: string[]) {
  let finish: () => void = () => undefined;
  let unsaved = true;
  const saver: Saver = {
    flush: () => {
      log.push(`${name} flushing`);
      return new Promise<void>((resolve) => {
        finish = () => {
          unsaved = false;
          log.push(`${name} on disk`);
          resolve();
        };
      });
    },
    hasUnsaved: () => unsaved,
  };
  return { saver, finish: () => finish() };
}

describe('SaverRegistry', () => {
  it('finishes a flush only once every saver has finished, the slowest included', async () => {
    const log: string[] = [];
    const registry = new SaverRegistry();
    const notes = slowSaver('notes', log);
    const postSettings = slowSaver('post settings', log);
    registry.register(notes.saver);
    registry.register(postSettings.saver);
    expect(registry.hasUnsaved()).toBe(true);

    const flushed = registry.flushAll().then(() => log.push('quit answered'));
    notes.finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['notes flushing', 'post settings flushing', 'notes on disk']);
    postSettings.finish();
    await flushed;
    expect(log.at(-1)).toBe('quit answered');
    expect(registry.hasUnsaved()).toBe(false);
  });

  it('flushes a saver registered while a flush runs, keeps flushing the others when one fails, and forgets one unregistered', async () => {
    const log: string[] = [];
    const registry = new SaverRegistry();
    const late = slowSaver('post text', log);
    const gone = slowSaver('closed post', log);
    const unregister = registry.register(gone.saver);
    unregister();
    registry.register({
      flush: async () => {
        log.push('notes flushing');
        registry.register(late.saver);
        throw new Error('disk full');
      },
      hasUnsaved: () => true,
    });
    const flushed = registry.flushAll();
    await new Promise((resolve) => setTimeout(resolve, 0));
    late.finish();
    await flushed;
    expect(log).toEqual(['notes flushing', 'post text flushing', 'post text on disk']);
  });
});
