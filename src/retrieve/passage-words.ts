import { perIndex, type IndexSnapshot, type PassageWordIds } from '../index/snapshot.js';
import { analyze } from '../text/analyze.js';

/** Passages analyzed per slice before yielding to the event loop (a few ms of work). */
const SLICE = 500;
/** Term numbers per block of the arena (4 MB): a block is filled, then the next one is started. */
const BLOCK = 1 << 20;

/**
 * Every analyzed passage's term numbers, packed into a few large blocks instead of one small typed
 * array per passage: at 100k passages 100k small arrays cost more in object and allocation overhead
 * (~35 MB of RSS) than the numbers themselves (~17 MB).
 */
interface Words {
  blocks: Int32Array[];
  /** Term numbers used in the last block. */
  fill: number;
  /** Per row: its block, where its terms start in it, and how many (−1: not analyzed yet). */
  block: Int32Array;
  start: Int32Array;
  length: Int32Array;
  ready: number;
  building: Promise<void> | null;
  /** Kept by the build that made this index (the words it indexed, already packed): nothing to analyze again. */
  built: PassageWordIds | null;
}

const wordsOf = perIndex((index): Words => {
  const built = index.words && index.words.offsets.length === index.passages.length + 1 ? index.words : null;
  // With the build's words at hand the per-row arrays are never used: keep them empty.
  const rows = built ? 0 : index.passages.length;
  return {
    blocks: [],
    fill: 0,
    block: new Int32Array(rows),
    start: new Int32Array(rows),
    length: new Int32Array(rows).fill(-1),
    ready: built ? index.passages.length : 0,
    building: null,
    built,
  };
});

function store(words: Words, row: number, ids: Int32Array): void {
  let last = words.blocks[words.blocks.length - 1];
  if (!last || words.fill + ids.length > last.length) {
    words.blocks.push((last = new Int32Array(Math.max(BLOCK, ids.length))));
    words.fill = 0;
  }
  last.set(ids, words.fill);
  words.block[row] = words.blocks.length - 1;
  words.start[row] = words.fill;
  words.length[row] = ids.length;
  words.fill += ids.length;
}

/**
 * A passage's analyzed terms in order, as the BM25 index's term numbers (word order for proximity,
 * answer type, near-duplicates). Analyzing a passage is the costly step of ranking: `preparePassageWords`
 * does every passage once per index, in slices, when it loads; until then a passage is analyzed on first
 * use and kept. Numbers, not strings: 100k passages hold ~17 MB instead of ~300. The array returned is a
 * view: read it, do not change it.
 */
export function passageWords(index: IndexSnapshot, row: number): Int32Array {
  const words = wordsOf(index);
  if (words.built) return words.built.ids.subarray(words.built.offsets[row]!, words.built.offsets[row + 1]!);
  if (words.length[row]! < 0) {
    const terms = analyze(index.passages[row]!.text);
    store(words, row, Int32Array.from(terms, (t) => index.lexical.termId(t)));
  }
  const start = words.start[row]!;
  return words.blocks[words.block[row]!]!.subarray(start, start + words.length[row]!);
}

/** Where a passage's words are: `ids[start … end)`. */
export interface WordSpan {
  ids: Int32Array;
  start: number;
  end: number;
}

const span: WordSpan = { ids: new Int32Array(0), start: 0, end: 0 };

/**
 * `passageWords` without making a view: the span returned is one object, rewritten by the next call,
 * for loops over the words of many passages per question (a view each was ~8 % of what a question allocates).
 */
export function passageWordSpan(index: IndexSnapshot, row: number): Readonly<WordSpan> {
  const words = wordsOf(index);
  if (words.built) {
    span.ids = words.built.ids;
    span.start = words.built.offsets[row]!;
    span.end = words.built.offsets[row + 1]!;
    return span;
  }
  if (words.length[row]! < 0) passageWords(index, row);
  span.ids = words.blocks[words.block[row]!]!;
  span.start = words.start[row]!;
  span.end = span.start + words.length[row]!;
  return span;
}

/** Analyzes every passage of the index (once), yielding between slices; `stopped` ends it early. */
export function preparePassageWords(index: IndexSnapshot, stopped: () => boolean = () => false): Promise<void> {
  const words = wordsOf(index);
  words.building ??= (async () => {
    while (words.ready < index.passages.length && !stopped()) {
      const end = Math.min(index.passages.length, words.ready + SLICE);
      for (let row = words.ready; row < end; row++) passageWords(index, row);
      words.ready = end;
      if (end < index.passages.length) await new Promise((resolve) => setImmediate(resolve));
    }
    words.building = null;
  })();
  return words.building;
}
