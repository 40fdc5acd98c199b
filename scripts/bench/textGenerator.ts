/**
 * Deterministic English-like notes for the benchmark: headings, paragraphs, bullet and
 * numbered lists and bold phrases, as Markdown that the services' own Markdown import turns
 * into the editor state the app stores. The same seed always gives the same text, so runs
 * on different days measure the same documents.
 */

export type Random = () => number;

/**
 * mulberry32, written out because it is six lines and must give the same sequence on every
 * Node version forever; Math.random cannot be seeded.
 */
export function seededRandom(seed: string | number): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function hashSeed(seed: string): number {
  let hash = 2166136261;
  for (let index = 0; index < seed.length; index++) hash = Math.imul(hash ^ seed.charCodeAt(index), 16777619);
  return hash >>> 0;
}

// Common words first: picking with a squared random makes the early ones frequent, as in real text.
const WORDS = (
  'the of and to a in that is it for on was with as be this at by are from have not but we they ' +
  'you an or which their one all were there can more about has so people if what when our some ' +
  'would new into them also how time only other these than first two most like then over well ' +
  'many much where because very after just make work through need could each both same really ' +
  'speaker talk room audience question answer team product data users open source community ' +
  'platform release design problem idea example years today future build tools support model ' +
  'cloud network security privacy code testing deploy scale performance latency memory browser ' +
  'editor keynote panel workshop session slides demo story research study results growth market ' +
  'customers developers engineers students teachers city energy climate health policy standard ' +
  'language library framework service server client interface feature change process practice ' +
  'lesson mistake experiment metric budget launch partner funding licence governance maintainers ' +
  'accessibility documentation onboarding migration rewrite benchmark prototype roadmap feedback ' +
  'simple small large fast slow early late clear hard easy better worse important useful honest ' +
  'public private local global shared common careful quiet busy real practical surprising ' +
  'said showed argued explained asked wanted learned found moved shipped measured tried started ' +
  'stopped kept broke fixed compared suggested described admitted promised noticed reminded'
).split(' ');

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const commonWord = (random: Random): string => WORDS[Math.floor(random() * random() * WORDS.length)];
const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `count` words as a sentence: capitalised, the odd comma, a full stop. */
function sentence(random: Random, count: number): string {
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    let word = commonWord(random);
    if (index === 0) word = capitalise(word);
    if (index > 1 && index < count - 2 && random() < 0.07) word += ',';
    words.push(word);
  }
  return `${words.join(' ')}.`;
}

/** A paragraph of exactly `count` words; one in four carries a bold phrase. */
function paragraph(random: Random, count: number): string {
  const sentences: string[] = [];
  let left = count;
  while (left > 0) {
    let length = Math.min(left, between(random, 6, 22));
    if (left - length < 3) length = left;
    sentences.push(sentence(random, length));
    left -= length;
  }
  let text = sentences.join(' ');
  if (count >= 12 && random() < 0.25) {
    const words = text.split(' ');
    // Never the last word, so every note ends in plain text a probe can look for.
    const start = between(random, 1, words.length - 5);
    const end = start + between(random, 1, 3);
    words[start] = `**${words[start]}`;
    words[end] = `${words[end].replace(/[.,]$/, '')}**${words[end].match(/[.,]$/)?.[0] ?? ''}`;
    text = words.join(' ');
  }
  return text;
}

function list(random: Random, items: number[], ordered: boolean): string {
  return items.map((count, index) => `${ordered ? `${index + 1}.` : '-'} ${sentence(random, count)}`).join('\n');
}

/**
 * A note of exactly `words` words as a reader counts them (`countWords` of its plain text).
 * It always ends with a plain paragraph, so its last words are known and unformatted.
 */
export function generateNoteMarkdown(random: Random, words: number): string {
  const blocks: string[] = [];
  let left = words;
  let sinceHeading = words >= 400 ? Infinity : 0;
  const take = (count: number) => {
    left -= count;
    return count;
  };
  while (left > 0) {
    if (left <= 40) {
      blocks.push(paragraph(random, take(left)));
      break;
    }
    if (sinceHeading > between(random, 250, 450)) {
      const level = random() < 0.7 ? '##' : '###';
      blocks.push(`${level} ${capitalise(sentence(random, take(between(random, 3, 7))).slice(0, -1))}`);
      sinceHeading = 0;
      continue;
    }
    const roll = random();
    if (roll < 0.12 && left > 80) {
      const items = Array.from({ length: between(random, 3, 5) }, () => between(random, 4, 12));
      take(items.reduce((sum, count) => sum + count, 0));
      blocks.push(list(random, items, random() < 0.3));
      sinceHeading += 30;
      continue;
    }
    const count = take(Math.min(left - 10, between(random, 30, 110)));
    blocks.push(paragraph(random, count));
    sinceHeading += count;
  }
  return `${blocks.join('\n\n')}\n`;
}

/** A talk title of a few capitalised words. */
export function generateTitle(random: Random): string {
  return sentence(random, between(random, 3, 7)).slice(0, -1).split(' ').map(capitalise).join(' ').replace(/,/g, '');
}

const FIRST_NAMES = ['Ada', 'Ben', 'Chioma', 'Dmitri', 'Elif', 'Farah', 'Grace', 'Hiroshi', 'Ines', 'Jonas', 'Kavya', 'Luis', 'Mei', 'Noor', 'Olu', 'Priya'];
const LAST_NAMES = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Haddad', 'Novak', 'Silva', 'Kowalski', 'Mensah', 'Rossi', 'Park', 'Ibrahim'];

export function generateSpeakerName(random: Random): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}
