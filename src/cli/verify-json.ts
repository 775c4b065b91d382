import type { VerifyResult } from '../collection.js';

/** The terminal's JSON line for one verdict (`npm run verify -- --json`, stdin mode, eval). */
export function verifyJson(result: VerifyResult) {
  const m = result.match;
  return {
    quote: result.quote,
    verdict: result.verdict,
    spellingDiffers: result.spellingDiffers,
    source: m?.source ?? null,
    start: m?.start ?? null,
    end: m?.end ?? null,
    line: m?.line ?? null,
    endLine: m?.endLine ?? null,
    passageIds: m?.passageIds ?? [],
    text: m?.text ?? null,
    similarity: result.similarity,
    changes: result.changes.map((c) => ({ op: c.op, quote: c.quote, document: c.document, kind: c.kind })),
  };
}

export type VerifyJson = ReturnType<typeof verifyJson>;
