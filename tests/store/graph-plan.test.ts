import { describe, expect, it } from 'vitest';
import { planGraph, type PlanBase } from '../../src/store/graph-plan.js';
import { graphShape } from '../../src/store/graph-shape.js';

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `p${from + i}`);
function base(list: string[], connectivity = 32): PlanBase {
  return { ids: list, labels: Uint32Array.from(list, (_, row) => row), nextLabel: list.length, changedSinceBuild: 0, shape: graphShape(connectivity) };
}

describe('planGraph: what a reindex does to the vector graph', () => {
  it('patches: kept passages keep their labels, new ones get fresh labels, gone ones are removed', () => {
    const plan = planGraph([...ids(1, 100), 'new'], base(ids(0, 100)));
    expect(plan.incremental).toBe(true);
    expect(plan.removed).toEqual([0]); // p0 is gone
    expect(plan.addedRows).toEqual([99]); // only 'new' goes through the graph
    expect(plan.labels[0]).toBe(1); // p1 keeps label 1
    expect(plan.labels[99]).toBe(100); // a label never used before: a deleted passage can never come back
    expect(plan.changedSinceBuild).toBe(2);
  });

  it('rebuilds past a fifth of the passages changed since the last full build', () => {
    const plan = planGraph(ids(30, 130), base(ids(0, 100)));
    expect(plan.incremental).toBe(false);
    expect(plan.addedRows).toHaveLength(100);
    expect(plan.removed).toEqual([]);
    expect(Array.from(plan.labels.slice(0, 3))).toEqual([0, 1, 2]);
  });

  it('rebuilds a graph sparser than new graphs are built, and keeps a patched one at the shape it has', () => {
    expect(planGraph(ids(0, 100), base(ids(0, 100), 16)).incremental).toBe(false);
    const denser = planGraph(ids(0, 100), base(ids(0, 100), 48));
    expect(denser.incremental).toBe(true);
    expect(denser.shape.connectivity).toBe(48);
  });

  it('builds from scratch without a base', () => {
    const plan = planGraph(ids(0, 5), null);
    expect(plan.incremental).toBe(false);
    expect(plan.shape).toEqual(graphShape());
  });
});
