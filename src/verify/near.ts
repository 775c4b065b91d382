/** When two different normalized words are still the same word, spelled a little differently. */

/** At most one letter inserted, deleted or replaced (no allocation: it runs for many word pairs). */
function levenshteinAtMostOne(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length - b.length > 1) return false;
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === b.length) return true;
  const skipB = a.length === b.length ? 1 : 0; // replace: skip one in both; delete: skip one in the longer
  for (let k = i + 1; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k - 1 + skipB)) return false;
  return true;
}

const hasDigit = (s: string) => /\d/.test(s);

/** Same word up to one letter (long words) or a one-letter conjunction/preposition prefix. */
export function isNearWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length === short.length + 1 && short.length >= 2 && 'وفبل'.includes(long[0]!) && long.endsWith(short)) return true;
  return short.length >= 4 && levenshteinAtMostOne(a, b) && !hasDigit(a) && !hasDigit(b);
}
