import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/**
 * Rendering React components into jsdom for component tests. jsdom lacks a few browser APIs
 * the renderer uses; they are filled in here with their plain behaviour (a modal dialog that
 * opens, idle callbacks that run on the next turn) so what is tested is the app's code.
 */
declare global {
  // React's flag that act() is in use, so it warns about updates outside act.
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

if (typeof window !== 'undefined') {
  const dialog = window.HTMLDialogElement?.prototype;
  if (dialog && !dialog.showModal) {
    dialog.showModal = function showModal(this: HTMLDialogElement) {
      this.open = true;
    };
    dialog.close = function close(this: HTMLDialogElement) {
      this.open = false;
    };
  }
  window.requestIdleCallback ??= ((callback: IdleRequestCallback) =>
    window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0)) as typeof window.requestIdleCallback;
  window.cancelIdleCallback ??= (handle: number) => window.clearTimeout(handle);
}

export type Rendered = { container: HTMLElement; rerender(ui: ReactNode): Promise<void>; unmount(): Promise<void> };

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | null = createRoot(container);
  await act(async () => root!.render(ui));
  return {
    container,
    rerender: (next) => act(async () => root!.render(next)),
    unmount: async () => {
      await act(async () => root?.unmount());
      root = null;
      container.remove();
    },
  };
}

/** Lets pending promises, effects and zero-delay timers run, inside act. */
export function settle(milliseconds = 0): Promise<void> {
  return act(() => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
}
