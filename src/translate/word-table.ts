/** A table written as `from:to from:to …`, an underscore standing for a space on either side (whats:what_is). */
export function wordTable(pairs: string): ReadonlyMap<string, string> {
  return new Map(
    pairs.split(' ').map((pair) => {
      const [from, to] = pair.split(':') as [string, string];
      return [from.replace(/_/g, ' '), to.replace(/_/g, ' ')];
    }),
  );
}

/** A table written as `a,b:x,y c:z`: each word before the colon maps to the list after it (a → [x, y], b → [x, y]). */
export function wordListTable(pairs: string): ReadonlyMap<string, string[]> {
  const map = new Map<string, string[]>();
  for (const pair of pairs.split(' ')) {
    const [from, to] = pair.split(':') as [string, string];
    for (const word of from.split(',')) map.set(word, to.split(','));
  }
  return map;
}
