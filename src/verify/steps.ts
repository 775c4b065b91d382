/** The steps an alignment of a quote against a document is made of. */

export type StepKind = 'match' | 'join' | 'near' | 'sub' | 'ins' | 'del';

/** One alignment step: quote words [q0, q1) against document words [d0, d1). */
export interface Step {
  kind: StepKind;
  q0: number;
  q1: number;
  d0: number;
  d1: number;
}
