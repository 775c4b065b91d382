/**
 * Only cells with |j − i − offset| ≤ radius are computed (quote word i, document word j): a long
 * quote is aligned along the diagonal its exact word matches point to, not against every offset.
 */
export interface Band {
  offset: number;
  radius: number;
}

/**
 * The band for a long quote: around the diagonal most exact word matches agree on, wide enough for
 * a skipped clause or added words. Null (no band) for short quotes, where the whole region is cheap.
 */
export function bandFor(quote: string[], doc: string[]): Band | null {
  const radius = Math.max(40, Math.ceil(quote.length / 3));
  if (doc.length <= 2 * radius + 1) return null;
  const positions = new Map<string, number[]>();
  doc.forEach((term, j) => {
    const list = positions.get(term);
    if (list) list.push(j);
    else positions.set(term, [j]);
  });
  const votes = new Map<number, number>();
  quote.forEach((term, i) => {
    const at = positions.get(term);
    // Frequent words vote everywhere; only fairly specific ones say where the quote is.
    if (at && at.length <= 3) for (const j of at) votes.set(j - i, (votes.get(j - i) ?? 0) + 1);
  });
  let offset = 0;
  let most = 0;
  for (const [diagonal, count] of votes) if (count > most) (most = count), (offset = diagonal);
  return most === 0 ? null : { offset, radius };
}

