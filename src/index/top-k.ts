/**
 * The best `limit` (index, score) pairs of a stream, in a min-heap of typed arrays: O(n log k).
 * An item enters only when the heap is not full or it scores strictly above the worst kept, so a
 * push that does neither changes nothing: the sparse BM25 search relies on that to skip the rows no
 * query term occurs in and still return exactly what a scan of every row returns.
 */
export class TopK {
  private readonly heapIdx: Int32Array;
  private readonly heapVal: Float32Array;
  private size = 0;
  /** With `traced`: each index whose push changed the heap, in push order, and the worst kept score just after it. */
  private enteredIdx = new Uint32Array(0);
  private enteredFloor = new Float32Array(0);
  private entered = 0;

  constructor(
    readonly limit: number,
    private readonly traced = false,
  ) {
    this.heapIdx = new Int32Array(Math.max(0, limit));
    this.heapVal = new Float32Array(Math.max(0, limit));
    if (traced) [this.enteredIdx, this.enteredFloor] = [new Uint32Array(4 * limit + 16), new Float32Array(4 * limit + 16)];
  }

  /** What a traced heap recorded: the indices that entered it (in push order) and its worst kept score after each. */
  trace(): { rows: Uint32Array; floor: Float32Array } {
    return { rows: this.enteredIdx.slice(0, this.entered), floor: this.enteredFloor.slice(0, this.entered) };
  }

  private record(index: number): void {
    if (this.entered === this.enteredIdx.length) {
      const rows = new Uint32Array(2 * this.entered);
      const floor = new Float32Array(2 * this.entered);
      rows.set(this.enteredIdx);
      floor.set(this.enteredFloor);
      [this.enteredIdx, this.enteredFloor] = [rows, floor];
    }
    this.enteredIdx[this.entered] = index;
    this.enteredFloor[this.entered++] = this.heapVal[0]!;
  }

  /** Whether pushing `score` would change anything (a boolean, not the worst score: reading that in a hot loop boxed a number per call). */
  admits(score: number): boolean {
    return this.size < this.limit ? this.limit > 0 : score > this.heapVal[0]!;
  }

  /**
   * The score a push must beat to change anything: admits(s) is s > floor() (−∞ while the heap fills, +∞ with no
   * room). For a loop over many rows that keeps it in a local and reads it again only after a push.
   */
  floor(): number {
    return this.size < this.limit ? (this.limit > 0 ? -Infinity : Infinity) : this.heapVal[0]!;
  }

  push(index: number, score: number): void {
    const { heapIdx, heapVal } = this;
    if (this.size < this.limit) {
      let j = this.size++;
      heapVal[j] = score;
      heapIdx[j] = index;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (heapVal[p]! <= heapVal[j]!) break;
        this.swap(p, j);
        j = p;
      }
      if (this.traced) this.record(index);
    } else if (this.limit > 0 && score > heapVal[0]!) {
      heapVal[0] = score;
      heapIdx[0] = index;
      this.siftDown(0);
      if (this.traced) this.record(index);
    }
  }

  /** Best first; equal scores by index. */
  sorted(): Array<{ index: number; score: number }> {
    const out: Array<{ index: number; score: number }> = [];
    for (let i = 0; i < this.size; i++) out.push({ index: this.heapIdx[i]!, score: this.heapVal[i]! });
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  private siftDown(i: number): void {
    const { heapVal } = this;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && heapVal[l]! < heapVal[m]!) m = l;
      if (r < this.size && heapVal[r]! < heapVal[m]!) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const { heapIdx, heapVal } = this;
    const v = heapVal[a]!;
    heapVal[a] = heapVal[b]!;
    heapVal[b] = v;
    const x = heapIdx[a]!;
    heapIdx[a] = heapIdx[b]!;
    heapIdx[b] = x;
  }
}

/** Keeps the best `k` (score, index) pairs of a full scan. */
export function topKIndices(scores: Float32Array, k: number): Array<{ index: number; score: number }> {
  const heap = new TopK(Math.min(k, scores.length));
  for (let i = 0; i < scores.length; i++) heap.push(i, scores[i]!);
  return heap.sorted();
}
