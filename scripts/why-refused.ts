/**
 * Why a question is refused or answered: for each question (one per line on stdin) over DOCS_DIR, the
 * refusal's P(answerable) against its threshold, #1's passage, and the features whose weight × value
 * (squares folded in) move its logit most, measured against the mean of the refusal's own fit (zero
 * point: the logit of a feature vector of zeros is not meaningful, so each term is shown as it stands).
 *
 *   npx tsx scripts/why-refused.ts DOCS_DIR < questions.txt     (TOP=n terms shown, default 12)
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { decide, gatherEvidence } from '../src/retrieve/answer.js';
import { collapseNearDuplicates } from '../src/retrieve/fuse.js';
import { passageWords } from '../src/retrieve/passage-words.js';
import { rankCandidates, resultFeatures, shippedWeights, withSquares } from '../src/retrieve/ranker.js';

const docs = path.resolve(process.argv[2] ?? 'seeds');
const shown = Number(process.env.TOP ?? 12);
const indexDir = await fs.mkdtemp(path.join(os.tmpdir(), 'isnad-why-'));
try {
  const { snapshot } = await openIndex(loadConfig({ DOCS_DIR: docs, INDEX_DIR: indexDir, MODEL_ID: 'none' }), { log: silentLogger });
  const weights = shippedWeights();
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (!line.trim()) continue;
    const evidence = await gatherEvidence(snapshot, null, line);
    const { answer, answerable } = decide(snapshot, evidence, weights, 5);
    const ranked = rankCandidates(evidence.set, weights.ranker);
    const distinct = collapseNearDuplicates(ranked.slice(0, 20), (c) => passageWords(snapshot, c.row), undefined, 5);
    const f = resultFeatures(evidence.set, distinct, 0, ranked);
    const x = withSquares(f.names, f.values);
    const terms = x.names.map((n, i) => ({ n, v: x.values[i]!, t: (weights.answerable.weights[n] ?? 0) * x.values[i]! }));
    const top = (answer.results[0] ?? answer.closest[0]);
    console.log(`\n${line}\n  P=${answerable.toFixed(3)} threshold=${weights.answerable.threshold.toFixed(3)} ${answer.answered ? 'answered' : 'REFUSED'}; #1 ${top?.source.slice(0, 3)} line ${top?.line}: ${top?.text.slice(0, 80)}`);
    const raw = Object.fromEntries(f.names.map((n, i) => [n, +f.values[i]!.toFixed(3)]));
    console.log(`  features ${JSON.stringify(raw)}`);
    for (const t of terms.sort((a, b) => Math.abs(b.t) - Math.abs(a.t)).slice(0, shown)) console.log(`  ${t.t >= 0 ? '+' : ''}${t.t.toFixed(2)}  ${t.n}=${t.v.toFixed(3)}`);
  }
} finally {
  await fs.rm(indexDir, { recursive: true, force: true });
}
