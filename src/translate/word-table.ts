/** A table written as `from:to from:to …`, an underscore standing for a space on either side (whats:what_is). */
export function wordTable(pairs: string): ReadonlyMap<string, string> {
  return new Map(
    pairs.split(' ').map((pair) => {
      const [from, to] = pair.split(':') as [string, string];
      return [from.replace(/_/g, ' '), to.replace(/_/g, ' ')];
    }),
  );
}
