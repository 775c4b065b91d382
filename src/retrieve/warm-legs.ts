import type { IndexSnapshot } from '../index/snapshot.js';
import type { TermGroup } from '../types.js';
import { searchDepth } from './answer.js';
import { snapshotContext } from './features.js';
import { passageWords } from './passage-words.js';
import { EXPAND_MAX_DOCUMENT_FREQUENCY, searchVariantLegs } from './variant-leg.js';

/** Searches run by `warmVariantLegs`, spread over the collection. */
export const WARM_SEARCHES = 24;

/**
 * The spelling-variant legs' BM25 passes (rescoredTopRows, summedTopRows) run only for a question with a word
 * the collection lacks, and their loops run long: V8 compiled them while a user's question ran them, and
 * until then that question ran them in the interpreter (one 10 ms answer in the 100k bench's timed window,
 * bench/README.md, round 17). So after a load, a few searches of the collection's own words with one word
 * respelled (its long vowels doubled, as a name written another way) run them first. Answers are unchanged:
 * a search leaves nothing behind but per-term facts, which are the same whenever they are computed.
 */
export async function warmVariantLegs(index: IndexSnapshot, stopped: () => boolean = () => false, searches = WARM_SEARCHES): Promise<number> {
  const { docOf, docs } = snapshotContext(index);
  const lexical = index.lexical;
  const depth = searchDepth();
  let ran = 0;
  for (let i = 0; i < searches && index.passages.length > 0 && !stopped(); i++) {
    const row = Math.floor(((i + 0.5) * index.passages.length) / searches);
    const terms: string[] = [];
    for (const id of passageWords(index, row)) {
      const term = id >= 0 ? lexical.termAt(id) : '';
      if (term.length >= 3 && !terms.includes(term) && terms.push(term) >= 4) break;
    }
    // The rarest word respelled in every other search, the commonest in the rest: a rare word's close spellings
    // are rare too (rescoredTopRows bounds their rows one by one), a common word's are not (summedTopRows).
    let at = -1;
    for (let k = 0; k < terms.length; k++) {
      if (!/[اوي]/.test(terms[k]!)) continue;
      const df = lexical.documentFrequency(terms[k]!);
      if (at < 0 || (i % 2 === 0 ? df < lexical.documentFrequency(terms[at]!) : df > lexical.documentFrequency(terms[at]!))) at = k;
    }
    if (at < 0) continue;
    const respelled = [...terms];
    respelled[at] = terms[at]!.replace(/([اوي])/g, '$1$1');
    searchVariantLegs(lexical, respelled, depth, lexical.searchScored(respelled, depth, docOf, docs));
    // Every third passage also searches a word only it holds, as written: such a word is expanded too, keeping itself among its
    // spellings, which takes rescoredTopRows' branch for a known word (left cold, that branch threw the compiled
    // function away and had it compiled again inside a user's question: bench/README.md, round 18).
    const once = i % 3 === 2 ? rareWordOf(index, row) : null;
    if (once !== null && !terms.includes(once)) {
      terms[at] = once;
      searchVariantLegs(lexical, terms, depth, lexical.searchScored(terms, depth, docOf, docs));
    }
    // Every third passage, from the second, also searches a word of it as a group of alternatives (the word, or two
    // others of the passage as one alternative), as a question's news words or typed slips are searched: that pass
    // (scoreAlternatives) and its scratch rows were otherwise first run inside a user's question, ~20 ms at 100k
    // (bench/README.md, round 24).
    if (i % 3 === 1 && terms.length >= 3) {
      // In a turn of its own: that pass reads every posting of the passage's words (~3 ms at 100k passages).
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped()) break;
      const others = terms.filter((_, k) => k !== at).slice(0, 2);
      const group: TermGroup = { alternatives: [{ terms: [terms[at]!], weight: 1 }, { terms: others, weight: 0.5 }] };
      lexical.searchScored([...terms.filter((_, k) => k !== at), group], depth, docOf, docs);
    }
    ran++;
    // One passage's searches per turn of the event loop (~3–6 ms at 100k passages): a user's question waits for them at most.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return ran;
}

/** A word of `row` as rare as the variant legs still expand (EXPAND_MAX_DOCUMENT_FREQUENCY: in no other passage), or null. */
function rareWordOf(index: IndexSnapshot, row: number): string | null {
  for (const id of passageWords(index, row)) {
    const term = id >= 0 ? index.lexical.termAt(id) : '';
    if (term.length >= 3 && index.lexical.documentFrequency(term) === EXPAND_MAX_DOCUMENT_FREQUENCY) return term;
  }
  return null;
}
