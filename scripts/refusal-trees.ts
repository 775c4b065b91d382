/** A small gradient-boosted tree ensemble (logistic loss, histogram splits) for scripts/refusal-variants.ts: comparison only. */
export type Tree = { f: number; t: number; l: Tree | number; r: Tree | number } | number;
export function predictTree(n: Tree, x: readonly number[]): number {
  while (typeof n !== 'number') n = x[n.f]! <= n.t ? n.l : n.r;
  return n;
}
export function fitTrees(X: number[][], y: boolean[], rounds = 150, depth = 2, rate = 0.1, minLeaf = 10, bins = 24, start?: (x: number[]) => number): (x: number[]) => number {
  const n = X.length;
  const width = X[0]!.length;
  const cuts = Array.from({ length: width }, (_, f) => {
    const s = X.map((r) => r[f]!).sort((a, b) => a - b);
    return [...new Set(Array.from({ length: bins - 1 }, (_, k) => s[Math.floor(((k + 1) * n) / bins)]!))];
  });
  const bin = X.map((r) => r.map((v, f) => cuts[f]!.filter((c) => v > c).length));
  // From a prior model's logit when given (trees then correct the logistic), else from the base rate.
  const bias = start ? 0 : Math.log((y.filter(Boolean).length + 1) / (n - y.filter(Boolean).length + 1));
  const F = Float64Array.from(X, (x) => bias + (start ? start(x) : 0));
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const leaf = (idx: number[]) => -idx.reduce((s, i) => s + g[i]!, 0) / (idx.reduce((s, i) => s + h[i]!, 0) + 1);
  const build = (idx: number[], d: number): Tree => {
    if (d === 0 || idx.length < 2 * minLeaf) return leaf(idx);
    const G = idx.reduce((s, i) => s + g[i]!, 0);
    const H = idx.reduce((s, i) => s + h[i]!, 0);
    let best = { gain: 1e-9, f: -1, b: 0 };
    for (let f = 0; f < width; f++) {
      const hg = new Float64Array(bins);
      const hh = new Float64Array(bins);
      const hc = new Int32Array(bins);
      for (const i of idx) (hg[bin[i]![f]!]! += g[i]!), (hh[bin[i]![f]!]! += h[i]!), hc[bin[i]![f]!]!++;
      let gl = 0, hl = 0, cl = 0;
      for (let b = 0; b < bins - 1; b++) {
        gl += hg[b]!; hl += hh[b]!; cl += hc[b]!;
        if (cl < minLeaf || idx.length - cl < minLeaf) continue;
        const gain = gl ** 2 / (hl + 1) + (G - gl) ** 2 / (H - hl + 1) - G ** 2 / (H + 1);
        if (gain > best.gain) best = { gain, f, b };
      }
    }
    if (best.f < 0) return leaf(idx);
    const L = idx.filter((i) => bin[i]![best.f]! <= best.b);
    const R = idx.filter((i) => bin[i]![best.f]! > best.b);
    return { f: best.f, t: cuts[best.f]![best.b]!, l: build(L, d - 1), r: build(R, d - 1) };
  };
  const trees: Tree[] = [];
  for (let k = 0; k < rounds; k++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-F[i]!));
      g[i] = p - (y[i] ? 1 : 0);
      h[i] = p * (1 - p);
    }
    const tree = build([...Array(n).keys()], depth);
    trees.push(tree);
    for (let i = 0; i < n; i++) F[i]! += rate * predictTree(tree, X[i]!);
  }
  return (x) => 1 / (1 + Math.exp(-(bias + (start ? start(x) : 0) + rate * trees.reduce<number>((s, t) => s + predictTree(t, x), 0))));
}
