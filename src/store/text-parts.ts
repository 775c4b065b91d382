/**
 * When an update links the text parts of the generation it was built from (extracted texts,
 * extracted-files.ts; passage texts, passage-files.ts) instead of writing every text again: only while
 * most of what the linked parts hold is still used, and they are few, so a collection that keeps
 * changing does not drag along parts that are mostly dead text.
 */
const KEEP_SHARE = 0.75;
const MAX_PARTS = 8;

/** Whether `parts` previous parts, of which `kept` of `total` (bytes or characters) is still used, are worth linking. */
export function worthLinking(parts: number, kept: number, total: number): boolean {
  return parts > 0 && parts < MAX_PARTS && kept >= KEEP_SHARE * total;
}

/** The first of `partName(0)`, `partName(1)`, … that is not `taken` (a linked part is never written to). */
export function freePartName(partName: (k: number) => string, taken: (name: string) => boolean): string {
  let k = 0;
  while (taken(partName(k))) k++;
  return partName(k);
}
