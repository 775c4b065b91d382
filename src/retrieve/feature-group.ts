/**
 * Why the candidate loop reads arrays of one kind. V8 (Node 20) throws a function's optimized code away
 * ('wrong map') when an array it reads comes in an elements kind it has not met, and compiles it again on a
 * helper thread, which on a 2-core machine competes with the answer for a core: in the 100k bench's 240
 * timed answers, after 100 others, ~0.5 s of compiling (scripts/serve-threads.ts, bench/README.md round 14).
 * A `.map` result is such an array: packed from the builtin, holey from TurboFan's inlined copy, so it
 * changes kind the moment the function calling `.map` is optimized. Hot code therefore pushes into arrays
 * it builds, and reads the feature groups through this one small function.
 */

/** A feature group's values of every candidate in one array of doubles (candidates × width). */
export interface FeatureGroup {
  width: number;
  values: Float64Array;
}

/**
 * A feature group written in place: `write(values, at, row, position)` fills `values[at … at + width)`, or
 * leaves them 0. No small array per candidate and group (they were ~36 KB of a question's ~420 KB of garbage,
 * and came in every elements kind: `[0]`, doubles, `.map` results packed or holey).
 */
export function featureGroup(rows: readonly number[], width: number, write: (values: Float64Array, at: number, row: number, position: number) => void): FeatureGroup {
  const values = new Float64Array(rows.length * width);
  for (let position = 0; position < rows.length; position++) write(values, position * width, rows[position]!, position);
  return { width, values };
}

/** `rows.map(valuesOf)` built by pushing: an array of one kind whether or not its caller is optimized. */
export function perCandidate<T>(rows: readonly number[], valuesOf: (row: number, position: number) => T): T[] {
  const out: T[] = [];
  for (let position = 0; position < rows.length; position++) out.push(valuesOf(rows[position]!, position));
  return out;
}
