import { normalize, tokenize } from '../text/normalize.js';
import { VariantMatcher } from '../text/variants.js';

/** Prefixes a name carries in running text (and, by, for, the): the bare name is matched too. */
const NAME_PREFIXES = ['وال', 'بال', 'لل', 'ال', 'و', 'ب', 'ل', 'ف'];

/**
 * Spelling matcher over the words as the collection writes them (normalized, not stemmed: stemming
 * cuts name endings such as ان in نورمان), each also without a leading conjunction or article.
 * Built once per index (the caller caches it), by the first question that needs it.
 */
export function writtenWordsMatcher(passages: readonly { text: string }[]): VariantMatcher {
  const words = new Set<string>();
  for (const p of passages) {
    for (const { term } of tokenize(normalize(p.text))) {
      words.add(term);
      for (const prefix of NAME_PREFIXES) if (term.startsWith(prefix) && term.length - prefix.length >= 3) words.add(term.slice(prefix.length));
    }
  }
  return new VariantMatcher(words);
}
