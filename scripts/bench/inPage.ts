/**
 * Code that runs inside the page. Playwright sends each function's source text, so every
 * function here must be self-contained: no imports, no outer variables.
 */

export type ReadySpec = {
  /** The session whose editor must be ready; null for the bare pages (their only editable element). */
  sessionId: string | null;
  /** What the editor's last block must end with; empty for an empty note. */
  closingText: string;
  /** Time from the next click, or from the navigation's start (page load). */
  from: 'click' | 'navigation';
  timeoutMs: number;
};

type BenchState = {
  recordingKeys: boolean;
  keyLatencies: number[];
  /** Epoch milliseconds of the last recorded keydown. */
  lastKeyAt: number;
  ready: Promise<number> | null;
};
type BenchWindow = Window & { __hallnotesBench?: BenchState };

/**
 * Installed before the page's own scripts. Keystroke latency: a capture-phase keydown listener
 * on window (so it runs before any of the page's) notes the event's timeStamp; the next frame
 * is a requestAnimationFrame callback followed by a MessageChannel message, which runs after
 * that frame's style, layout and paint have been handed off.
 */
export function installProbes(): void {
  const benchWindow = window as BenchWindow;
  benchWindow.__hallnotesBench ??= { recordingKeys: false, keyLatencies: [], lastKeyAt: 0, ready: null };
  const bench = benchWindow.__hallnotesBench;
  window.addEventListener(
    'keydown',
    (event) => {
      if (!bench.recordingKeys) return;
      const start = event.timeStamp;
      bench.lastKeyAt = performance.timeOrigin + start;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.keyLatencies.push(performance.now() - start);
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

export function setKeyRecording(on: boolean): void {
  const bench = (window as BenchWindow).__hallnotesBench!;
  bench.recordingKeys = on;
  if (on) bench.keyLatencies = [];
}

export function takeKeyLatencies(): { latencies: number[]; lastKeyAt: number } {
  const bench = (window as BenchWindow).__hallnotesBench!;
  return { latencies: bench.keyLatencies, lastKeyAt: bench.lastKeyAt };
}

/**
 * Arms a probe that resolves with the milliseconds from the next click (or from the start of
 * navigation) to the frame after the editor is ready to type: it has the keyboard focus, the
 * caret is inside it, and it shows the note down to its last words. Checked on every DOM
 * change, focus change and selection change, with a per-frame check as a safety net.
 */
export function armReadyProbe(spec: ReadySpec): void {
  // Armed as an init script, this may run before installProbes; the state is shared either way.
  const benchWindow = window as BenchWindow;
  benchWindow.__hallnotesBench ??= { recordingKeys: false, keyLatencies: [], lastKeyAt: 0, ready: null };
  const bench = benchWindow.__hallnotesBench;
  let startedAt: number | null = spec.from === 'navigation' ? 0 : null;
  let done = false;
  bench.ready = new Promise<number>((resolve, reject) => {
    const editorOf = (): Element | null =>
      spec.sessionId === null
        ? document.querySelector('[contenteditable="true"], textarea')
        : // In the page, not a module helper: this function is serialised. The shell is keyed "<eventId>/<sessionId>/<revision>".
          document.querySelector(`.editor-shell[data-note-key*="/${spec.sessionId}/"]:not([hidden]) [contenteditable="true"]`);
    const isReady = (): boolean => {
      const editor = editorOf();
      if (!editor || document.activeElement !== editor) return false;
      if (editor instanceof HTMLTextAreaElement) return editor.value.endsWith(spec.closingText);
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0 || !editor.contains(selection.anchorNode)) return false;
      if (spec.closingText === '') return (editor.textContent ?? '') === '';
      return (editor.lastElementChild?.textContent ?? '').endsWith(spec.closingText);
    };
    const finish = () => {
      observer.disconnect();
      document.removeEventListener('focusin', check, true);
      document.removeEventListener('selectionchange', check);
    };
    const check = () => {
      if (done || startedAt === null || !isReady()) return;
      done = true;
      finish();
      const begin = startedAt;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - begin);
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true });
    document.addEventListener('focusin', check, true);
    document.addEventListener('selectionchange', check);
    if (spec.from === 'click') {
      window.addEventListener(
        'click',
        (event) => {
          startedAt = event.timeStamp;
          queueMicrotask(check);
        },
        { capture: true, once: true },
      );
    }
    const everyFrame = () => {
      check();
      if (!done) requestAnimationFrame(everyFrame);
    };
    requestAnimationFrame(everyFrame);
    setTimeout(() => {
      if (done) return;
      done = true;
      finish();
      reject(new Error(`The editor was not ready to type within ${spec.timeoutMs} ms (session ${spec.sessionId ?? 'bare page'}).`));
    }, spec.timeoutMs);
  });
}

export function readyLatency(): Promise<number> {
  return (window as BenchWindow).__hallnotesBench!.ready!;
}

/** The bare contenteditable page: puts the note's HTML in, focuses it and puts the caret at the end. */
export function fillBarePage(content: { html: string; text: string }): void {
  const editable = document.querySelector('[contenteditable="true"]');
  const textarea = document.querySelector('textarea');
  if (editable) editable.innerHTML = content.html;
  if (textarea) textarea.value = content.text;
}

/** The bare Lexical page: shows the note's stored editor state once the page's script has loaded. */
export async function showNoteInBareLexical(state: unknown): Promise<void> {
  const page = window as Window & { showNote?: (state: unknown) => void };
  while (!page.showNote) await new Promise((resolve) => setTimeout(resolve, 10));
  page.showNote(state);
}

export function editorText(sessionId: string | null): string {
  const editor =
    sessionId === null
      ? document.querySelector('[contenteditable="true"], textarea')
      : document.querySelector(`.editor-shell[data-note-key*="/${sessionId}/"]:not([hidden]) [contenteditable="true"]`);
  if (editor instanceof HTMLTextAreaElement) return editor.value;
  return editor?.textContent ?? '';
}

/**
 * The agenda puts only the rows in view in the page: scrolls its list until the session's row
 * is there, and leaves the row in view. False when the list never shows it.
 */
export async function revealAgendaRow(sessionId: string): Promise<boolean> {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const find = () => document.querySelector(`.session-list [data-session-id="${sessionId}"]`);
  const scroller = document.querySelector('.session-scroll');
  for (let top = 0; !find() && scroller && top <= scroller.scrollHeight; top += scroller.clientHeight * 0.8) {
    scroller.scrollTop = top;
    await frame();
  }
  const row = find();
  if (!row) return false;
  row.scrollIntoView({ block: 'nearest' });
  await frame();
  return true;
}

/**
 * Picks each value of the agenda's room filter in turn, as choosing it from the list does (a
 * change event), and resolves with the milliseconds from the change to the next frame.
 */
export async function timeRoomFilterChanges(values: string[]): Promise<number[]> {
  const select = document.querySelector<HTMLSelectElement>('.session-filter-room');
  if (!select) throw new Error('The agenda shows no room filter.');
  const latencies: number[] = [];
  for (const value of values) {
    const started = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve();
        channel.port2.postMessage(null);
      }),
    );
    latencies.push(performance.now() - started);
    // Let the frame after settle, so one change's tail does not land on the next.
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return latencies;
}
