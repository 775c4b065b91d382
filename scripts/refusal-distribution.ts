/**
 * Helpers of scripts/refusal-variants.ts: the ranker's own distribution over a question's candidates as
 * refusal evidence, and the article bootstrap of a refusal model's net change (eval/JOURNAL.md).
 */
/**
 * The ranker's own distribution over the question's candidates (softmax of the scores: the ranker is
 * fitted listwise with that softmax, so its scores are logits): #1's probability and its log, the
 * entropy, the uncapped margins #1 − #2 and #1 − best of another document, and the probability mass
 * of #1's document over all candidates and over the first 10.
 */
export function rankerDistribution(ranked: ReadonlyArray<{ doc: number; score: number }>): Record<string, number> {
  if (ranked.length === 0) return { pFirst: 0, logPFirst: -10, entropy: 0, margin12: 0, marginOther: 0, docMass: 0, docMass10: 0 };
  const top = ranked[0]!;
  const e = ranked.map((r) => Math.exp(r.score - top.score));
  const total = e.reduce((s, x) => s + x, 0);
  let entropy = 0;
  let docMass = 0;
  let mass10 = 0;
  let doc10 = 0;
  e.forEach((x, i) => {
    const p = x / total;
    if (p > 0) entropy -= p * Math.log(p);
    if (ranked[i]!.doc === top.doc) docMass += p;
    if (i < 10) (mass10 += x), (doc10 += ranked[i]!.doc === top.doc ? x : 0);
  });
  const other = ranked.find((r) => r.doc !== top.doc)?.score ?? top.score - 10;
  return {
    pFirst: 1 / total,
    logPFirst: -Math.log(total),
    entropy,
    margin12: Math.min(10, top.score - (ranked[1]?.score ?? top.score - 10)),
    marginOther: Math.min(10, top.score - other),
    docMass,
    docMass10: doc10 / mass10,
  };
}

export interface Held {
  fold: string;
  answerable: boolean;
  p: number;
}

/** Share of unanswerable questions refused at the threshold that answers `keep` of the answerable ones. */
export function refusedShare(held: readonly Held[], keep: number): number {
  const answerable = held.filter((h) => h.answerable).map((h) => h.p).sort((a, b) => a - b);
  const unanswerable = held.filter((h) => !h.answerable);
  const t = answerable[Math.floor((1 - keep) * answerable.length)]!;
  return unanswerable.filter((h) => h.p < t).length / unanswerable.length;
}

/** Area under the ROC curve of P(answerable), answerable against held-out-article questions (ties count half). */
export function auc(held: readonly Held[]): number {
  const sorted = [...held].sort((x, y) => x.p - y.p);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.p === sorted[i]!.p) j++;
    for (let k = i; k < j; k++) if (sorted[k]!.answerable) (rankSum += (i + j + 1) / 2), positives++;
    i = j;
  }
  const negatives = sorted.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives || 1);
}

/**
 * The net change of `statistic` of `held` against `base` (times `scale`), point and 5–95 % range when
 * the articles are resampled with replacement (2,000 resamples, fixed seed).
 */
function resampled(base: readonly Held[], held: readonly Held[], statistic: (hs: readonly Held[]) => number, scale: number, digits: number): string {
  const folds = [...new Set(held.map((h) => h.fold))];
  const byFold = (hs: readonly Held[]) => new Map(folds.map((f) => [f, hs.filter((h) => h.fold === f)]));
  const [b, h] = [byFold(base), byFold(held)];
  // Park–Miller: products stay below 2^53, so the sequence is exact in doubles.
  let seed = 12345;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const nets: number[] = [];
  for (let r = 0; r < 2000; r++) {
    const pick = folds.map(() => folds[Math.floor(random() * folds.length)]!);
    nets.push((statistic(pick.flatMap((f) => h.get(f)!)) - statistic(pick.flatMap((f) => b.get(f)!))) * scale);
  }
  nets.sort((x, y) => x - y);
  const point = (statistic(held) - statistic(base)) * scale;
  return `${point >= 0 ? '+' : ''}${point.toFixed(digits)} (${nets[100]!.toFixed(digits)}…${nets[1899]!.toFixed(digits)})`;
}

/** The net change in refused held-out-article questions (their count) at `keep` answered, the threshold re-chosen in each resample. */
export function bootstrap(base: readonly Held[], held: readonly Held[], keep: number): string {
  return resampled(base, held, (hs) => refusedShare(hs, keep), held.filter((x) => !x.answerable).length, 0);
}

/** The net change in AUC: the whole curve, not one noisy point of it. */
export function bootstrapAuc(base: readonly Held[], held: readonly Held[]): string {
  return resampled(base, held, auc, 1, 3);
}
