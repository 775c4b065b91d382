/**
 * What a usearch graph is built with (its shape, recorded in usearch.json beside it) and how passage
 * labels become its keys. Plain data: reading a shape does not load usearch's native module.
 */
import { indexCorrupt } from '../index/index-file.js';

/** Candidates kept while adding to a graph: part of every shape this version builds or reads. */
export const EXPANSION_ADD = 128;

/** What a graph was built with, recorded in the index (usearch.json) beside it. */
export interface GraphShape {
  /** Links per node: a denser graph costs more to build and store but reaches a given recall with a narrower search. */
  connectivity: number;
  expansionAdd: number;
  quantization: 'i8';
  metric: 'ip';
  /**
   * How labels become the graph's keys. usearch finds a key in a linear-probing table hashed by the key itself and
   * removes it by scanning to the end of its run: a full build's labels 0…N−1 fill one run, and removing 10k of 1M
   * took 32 s (bench/README.md, *the first update after a full build*). 'mixed' spreads them by a bijection; graphs
   * written before it (absent) keep their labels as keys.
   */
  keys?: 'mixed';
}

/** The recorded graph shape, checked: a graph this code did not build cannot be patched or searched as if it had. */
export function readShape(raw: unknown, metaFile: string): GraphShape {
  const shape = raw as Partial<GraphShape> | null;
  const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0;
  if (!shape || !whole(shape.connectivity) || !whole(shape.expansionAdd) || shape.quantization !== 'i8' || shape.metric !== 'ip' || (shape.keys !== undefined && shape.keys !== 'mixed')) {
    throw indexCorrupt(metaFile, `records a graph shape this version cannot serve (${JSON.stringify(raw)})`);
  }
  return { connectivity: shape.connectivity, expansionAdd: shape.expansionAdd, quantization: 'i8', metric: 'ip', ...(shape.keys ? { keys: shape.keys } : {}) };
}

/** An odd multiplier and its inverse modulo 2^32: label ↔ key is a bijection on 32 bits, and consecutive labels land far apart. */
const KEY_MIX = 0x9e3779b1;
const KEY_UNMIX = 0x0e8b2f51;

/** The graph key of a label. */
export function graphKeyOf(label: number, shape: GraphShape): number {
  return shape.keys === 'mixed' ? Math.imul(label, KEY_MIX) >>> 0 : label;
}

/** The label of a graph key (the inverse of graphKeyOf). */
export function labelOfGraphKey(key: number, shape: GraphShape): number {
  return shape.keys === 'mixed' ? Math.imul(key, KEY_UNMIX) >>> 0 : key;
}

/**
 * The shape of a graph written before shapes were recorded: all were built with connectivity 16 and keyed by
 * their labels. One frozen object: the search reads it for every key.
 */
export const RECORDLESS_SHAPE: GraphShape = Object.freeze({ connectivity: 16, expansionAdd: EXPANSION_ADD, quantization: 'i8', metric: 'ip' });
/**
 * Every new graph's connectivity, chosen by scripts/ann-curve.ts (bench/README.md, *Graph connectivity*): at equal
 * recall a graph of 32 links per node is searched with a narrower expansion than one of 16, for less
 * CPU per query (100k: recall@10 0.974 at expansion 128 against 0.974 at 256 for 16), and at 1M it has
 * margin where 16 had none (0.967 at p95 8.5–8.9 ms; 16: 0.954 at 8.9–9.5 ms). It costs ~1.3–1.7× the
 * build time and ~25 % more graph file (630 MB at 1M × 384).
 */
const CONNECTIVITY = 32;

/** The shape a new graph is built with (`connectivity` overrides the shipped one: old indexes, scripts/ann-curve.ts). */
export function graphShape(connectivity = CONNECTIVITY): GraphShape {
  return { connectivity, expansionAdd: EXPANSION_ADD, quantization: 'i8', metric: 'ip', keys: 'mixed' };
}
