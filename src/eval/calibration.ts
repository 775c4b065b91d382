import { confidenceLevel, type ConfidenceLevel } from '../retrieve/ranker.js';

/**
 * Is the confidence shown to users what it claims, the chance that passage #1 answers? Every answered
 * held-out question (a question asked without its article counts, with #1 never answering) falls in
 * the bucket of its shown level; a calibrated confidence has each bucket's mean near its observed share.
 */
export interface ReliabilityRow {
  level: ConfidenceLevel;
  questions: number;
  /** Mean confidence shown. */
  predicted: number;
  /** Share whose #1 holds the answer. */
  observed: number;
}

export function reliability(answers: ReadonlyArray<{ confidence: number; firstAnswers: boolean }>): ReliabilityRow[] {
  return (['high', 'medium', 'low'] as const).map((level) => {
    const inLevel = answers.filter((a) => confidenceLevel(a.confidence) === level);
    const n = inLevel.length || 1;
    return {
      level,
      questions: inLevel.length,
      predicted: inLevel.reduce((sum, a) => sum + a.confidence, 0) / n,
      observed: inLevel.filter((a) => a.firstAnswers).length / n,
    };
  });
}
