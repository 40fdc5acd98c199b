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
// Saves and reads answer from real file I/O, so their state updates arrive outside act() by
// nature; the tests wait for what they change instead. Every other error is still printed.
const printError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('was not wrapped in act(')) return;
  printError(...args);
};

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
  // Light theme; a width query is answered for the screen set below.
  window.matchMedia ??= ((query: string) => ({
    matches: widthQueryMatches(query, window.innerWidth),
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  // Nothing is laid out in jsdom, so nothing is ever resized.
  window.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  window.HTMLElement.prototype.scrollIntoView ??= () => undefined;
  // jsdom has no CSS.escape; the app escapes ids inside quoted attribute selectors, where a
  // backslash before a quote or backslash is all that is needed.
  globalThis.CSS ??= {} as typeof CSS;
  CSS.escape ??= (value: string) => value.replace(/["\\]/g, '\\$&');
  // A wide laptop screen, so the event list and the agenda show beside the note (below 1200 px
  // they fold away). Nothing has a size in jsdom, so a virtualised list (the agenda) would show
  // no rows at all: every element's inside is a screen's size (what the list's viewport is read
  // from), while each row (measured by its offset height) has none, so every row of a test's
  // small programme is in the page.
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1440 });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: 900 });
  Object.defineProperty(window.HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(window.HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1280 });
  // Lexical keeps the caret in sight by measuring it; nothing has a size here.
  window.Range.prototype.getBoundingClientRect ??= () => new window.DOMRect(0, 0, 0, 0);
  window.Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
}

function widthQueryMatches(query: string, width: number): boolean {
  const minWidth = /^\(min-width:\s*(\d+)px\)$/.exec(query.trim());
  return minWidth !== null && width >= Number(minWidth[1]);
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

/** One turn of the event loop, inside act; unlike settle() it works while a test fakes setTimeout. */
export function settleImmediate(): Promise<void> {
  return act(() => new Promise<void>((resolve) => setImmediate(resolve)));
}

/**
 * Waits (in real time, letting the services' file I/O run) until `check` passes; fails with
 * its last error after `timeoutMs`. Polls with setImmediate, so a test may fake setTimeout.
 */
export async function waitFor<T>(check: () => T, timeoutMs = 5000): Promise<T> {
  const giveUpAt = performance.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (performance.now() > giveUpAt) throw error;
      await settleImmediate();
    }
  }
}

/** Types into a text field as React hears it: the value set natively, then an input event. */
export async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!;
  for (const character of text) {
    await act(async () => {
      setValue.call(field, field.value + character);
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
}

export async function click(element: Element, init: MouseEventInit = { detail: 1 }): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, ...init }));
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
  });
}

/** A key pressed where the focus is (or on `target`), as keydown. */
export async function press(key: string, modifiers: KeyboardEventInit = {}, target: EventTarget = document.activeElement ?? document.body): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers }));
  });
}

/** The element whose accessible label (aria-label, or a <label>'s text) is `label`, or an error naming it. */
export function byLabel<T extends Element = HTMLElement>(root: ParentNode, label: string): T {
  const labelled = root.querySelector<T>(`[aria-label="${label}"]`);
  if (labelled) return labelled;
  const forLabel = [...root.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === label);
  const target = forLabel?.htmlFor ? (document.getElementById(forLabel.htmlFor) as T | null) : null;
  if (!target) throw new Error(`Nothing labelled "${label}"`);
  return target;
}

export function byText<T extends Element = HTMLElement>(root: ParentNode, selector: string, text: string | RegExp): T {
  const found = [...root.querySelectorAll<T>(selector)].find((candidate) => (typeof text === 'string' ? candidate.textContent?.trim() === text : text.test(candidate.textContent ?? '')));
  if (!found) throw new Error(`No ${selector} reading "${text}"`);
  return found;
}
