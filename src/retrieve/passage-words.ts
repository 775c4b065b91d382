import { perIndex, type IndexSnapshot, type PassageWordIds } from '../index/snapshot.js';
import { analyze } from '../text/analyze.js';

/** Passages analyzed per slice before yielding to the event loop (a few ms of work). */
const SLICE = 500;

interface Words {
  rows: Array<Int32Array | undefined>;
  ready: number;
  building: Promise<void> | null;
  /** Kept by the build that made this index (the words it indexed): nothing to analyze again. */
  built: PassageWordIds | null;
}

const wordsOf = perIndex((index): Words => {
  const built = index.words && index.words.offsets.length === index.passages.length + 1 ? index.words : null;
  return { rows: new Array(index.passages.length), ready: built ? index.passages.length : 0, building: null, built };
});

/**
 * A passage's analyzed terms in order, as the BM25 index's term numbers (word order for proximity,
 * answer type, near-duplicates). Analyzing a passage is the costly step of ranking: `preparePassageWords`
 * does every passage once per index, in slices, when it loads; until then a passage is analyzed on first
 * use and kept. Numbers, not strings: 100k passages hold ~30 MB instead of ~300.
 */
export function passageWords(index: IndexSnapshot, row: number): Int32Array {
  const words = wordsOf(index);
  let ids = words.rows[row];
  if (!ids && words.built) {
    ids = words.built.ids.subarray(words.built.offsets[row]!, words.built.offsets[row + 1]!);
    words.rows[row] = ids;
  }
  if (!ids) {
    const terms = analyze(index.passages[row]!.text);
    ids = Int32Array.from(terms, (t) => index.lexical.termId(t));
    words.rows[row] = ids;
  }
  return ids;
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
