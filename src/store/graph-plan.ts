import { graphShape, type GraphShape } from './graph-shape.js';

/** Past this share of passages changed since the last full build, the graph is rebuilt instead of patched. */
const REBUILD_SHARE = 0.2;

/** What the last build did to the graph, for the reindex summary and the bench. */
export interface GraphUpdate {
  kind: 'none' | 'exact-only' | 'full' | 'incremental' | 'unchanged';
  added: number;
  removed: number;
}

/** The graph a new store is built from, as far as planning needs it. */
export interface PlanBase {
  /** The passage id of each row, and the label that row has in the graph. */
  ids: readonly string[];
  labels: Uint32Array;
  nextLabel: number;
  changedSinceBuild: number;
  shape: GraphShape;
}

/** What a build does to the graph: each row's label, which rows go in, which labels come out. */
export interface GraphPlan {
  labels: Uint32Array;
  /** Rows whose vectors are added (every row for a full build). */
  addedRows: number[];
  /** Labels of the base's passages that are gone. */
  removed: number[];
  incremental: boolean;
  nextLabel: number;
  changedSinceBuild: number;
  /** A patched graph keeps the shape it was built with (usearch reads it from the file); a new one follows the rule. */
  shape: GraphShape;
}

/**
 * Plans a store's graph for `ids` (in passage order) from `base`'s: unchanged passages keep their
 * labels, so only the difference goes through the graph. A full build instead when there is no base,
 * past REBUILD_SHARE of changes since the last full build, or when the base is sparser than new graphs
 * are built (patching would keep it too sparse for the recall its search is set for; a denser one is kept).
 */
export function planGraph(ids: readonly string[], base: PlanBase | null, connectivity?: number | GraphShape): GraphPlan {
  const labels = new Uint32Array(ids.length);
  const addedRows: number[] = [];
  let removed: number[] = [];
  if (base) {
    const labelOf = new Map<string, number>();
    base.ids.forEach((id, row) => labelOf.set(id, base.labels[row]!));
    ids.forEach((id, row) => {
      const label = labelOf.get(id);
      if (label === undefined) addedRows.push(row);
      else {
        labels[row] = label;
        labelOf.delete(id);
      }
    });
    removed = [...labelOf.values()];
  }
  const changed = (base?.changedSinceBuild ?? 0) + addedRows.length + removed.length;
  // A whole shape is asked for only to write a graph as older versions did (tests of the upgrade path).
  const wanted = typeof connectivity === 'object' ? connectivity : graphShape(connectivity);
  if (base && changed <= REBUILD_SHARE * ids.length && base.shape.connectivity >= wanted.connectivity) {
    let nextLabel = base.nextLabel;
    for (const row of addedRows) labels[row] = nextLabel++;
    return { labels, addedRows, removed, incremental: true, nextLabel, changedSinceBuild: changed, shape: base.shape };
  }
  labels.forEach((_, row) => (labels[row] = row));
  return { labels, addedRows: ids.map((_, row) => row), removed: [], incremental: false, nextLabel: ids.length, changedSinceBuild: 0, shape: wanted };
}
