// NOT FOR MERGING (experiment of branch short): full fits with short copies of the gold questions, judged on the seeds sets.
// Run: [SHORT_K23=1] [ISNAD_THRESHOLD_ALL=1] [SHORTX=1] VARIANTS=none,all,clean,neg npx tsx scripts/short-copy-variants.ts
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { openIndex } from '../src/open-collection.js';
import { decide, gatherEvidence } from '../src/retrieve/answer.js';
import { readGoldFile } from '../src/eval/gold.js';
import { askFolds } from '../src/eval/crossval.js';
import { fitWeights, type Example } from '../src/eval/fit.js';
import { isHit } from '../src/eval/metrics.js';
const X = '/work/shared/eval/xquad-dev';
const sets: [string, string][] = [[`${X}/gold-ar.jsonl`, `${X}/docs`], [`${X}/gold-en.jsonl`, `${X}/docs`], ['eval/dev.jsonl', 'seeds']];
const examples: Example[] = [];
let seeds: any = null;
let dictionary: any;
for (const [i, [g, d]] of sets.entries()) {
  const config = loadConfig({ DOCS_DIR: d, INDEX_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'v-')), MODEL_ID: 'none' });
  const opened = await openIndex(config, { log: silentLogger });
  if (d === 'seeds') { seeds = opened.snapshot; }
  dictionary = opened.steps.dictionary;
  const asked = await askFolds(opened.snapshot, null, await readGoldFile(g), { dictionary: opened.steps.dictionary });
  examples.push(...asked.map((a) => ({ ...a.example, fold: `${i}:${a.fold}` })));
  console.error(g, asked.length, new Date().toISOString());
}
const probes = ['eval/short.jsonl', 'eval/dialect.jsonl', 'eval/dialect-blind.jsonl', 'eval/dev.jsonl'];
const evid: any = {};
for (const p of probes) { evid[p] = []; for (const q of await readGoldFile(p)) evid[p].push({ q, ev: await gatherEvidence(seeds, null, q.q, { dictionary }) }); }
const variants: Record<string, (e: Example) => boolean> = {
  none: (e) => !e.short,
  all: () => true,
  clean: (e) => !e.short || !e.answerable || e.hits.some(Boolean),
  neg: (e) => !e.short || !e.answerable,
};
const chosen = (process.env.VARIANTS ?? 'none,all,clean').split(',');
for (const name of chosen) {
  const w = fitWeights(examples.filter(variants[name]!), name);
  fs.writeFileSync(`/tmp/iss11/short/var-${name}${process.env.ISNAD_THRESHOLD_ALL ? '-tall' : ''}.json`, JSON.stringify(w));
  const out: string[] = [`${name}${process.env.ISNAD_THRESHOLD_ALL ? ' (threshold all)' : ''} thr ${w.answerable.threshold.toFixed(3)}`];
  for (const p of probes) {
    let A = 0, a = 0, U = 0, u = 0, h5 = 0; const wrong: string[] = [];
    for (const { q, ev } of evid[p]) {
      const { answer } = decide(seeds, ev, w, 5);
      if (q.gold.length) { A++; if (answer.answered) a++; else wrong.push(q.id); if (answer.answered && answer.results.some((r: any) => isHit(r, q.gold))) h5++; }
      else { U++; if (!answer.answered) u++; else wrong.push(q.id); }
    }
    out.push(`  ${p}: answered ${a}/${A} (e2e hit@5 ${h5}) refused ${u}/${U}  wrong: ${wrong.join(' ')}`);
  }
  console.log(out.join('\n'));
}
