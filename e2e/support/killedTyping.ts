import type { Page } from '@playwright/test';

/** One key every 30 ms: a fast, steady typist. */
export const KEY_INTERVAL_MS = 30;
/** The promise: after a crash, at most this much of the typing may be missing. */
export const MAX_LOST_TYPING_MS = 1000;
export const KILL_ROUNDS = 20;

/** The seed of this run: KILL_TEST_SEED when set (to replay a failure), else a fresh one. */
export function killTestSeed(): number {
  const given = Number(process.env.KILL_TEST_SEED);
  return Number.isInteger(given) && given > 0 ? given : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** mulberry32: a small seeded generator, so a failing run can be replayed from its printed seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Plain words only: no Markdown shortcut (#, >, -, *) can fire, so what is stored is exactly
 * what was typed. Each round's text says which round it is.
 */
export function roundText(round: number): string {
  const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu';
  return `r${String(round).padStart(2, '0')} ${words} ${words} `;
}

export type TypingRecord = {
  /** Every character delivered to the page, with the moment its keystroke had been handled. */
  typed: { char: string; at: number }[];
  killedAt: number;
};

/**
 * Types `text` at a steady pace and runs `kill` after `killAfterMs`; typing stops at the kill.
 * The kill happens on a timer, independent of the keystrokes, so it can land anywhere in a save.
 */
export async function typeUntilKilled(page: Page, text: string, killAfterMs: number, kill: () => Promise<void>): Promise<TypingRecord> {
  const typed: TypingRecord['typed'] = [];
  const start = Date.now();
  let killedAt = 0;
  const killing = new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      killedAt = Date.now();
      kill().then(resolve, reject);
    }, killAfterMs);
  });
  for (let index = 0; index < text.length && killedAt === 0; index++) {
    const wait = start + index * KEY_INTERVAL_MS - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    if (killedAt !== 0) break;
    await page.keyboard.type(text[index]);
    typed.push({ char: text[index], at: Date.now() });
  }
  await killing;
  return { typed, killedAt };
}

/** How many characters had been typed a second before the kill: these must be on disk. */
export function charactersDue({ typed, killedAt }: TypingRecord): number {
  return typed.filter((entry) => entry.at <= killedAt - MAX_LOST_TYPING_MS).length;
}
