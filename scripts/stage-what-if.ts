/**
 * How far the hybrid answer's p95 could fall if one stage were made faster, from the answers
 * `scripts/answer-stages.ts` dumps (DUMP=file.json): each answer's wall time with that stage's replayed
 * time replaced (its tail cut to the stage's p50, the stage made 30 % faster, or the stage made free),
 * the p95 of the result, and its change against the measured p95. An upper bound on what work inside one
 * stage can buy at p95 (the replay is the same work as the answer's, timed apart).
 *   DUMP=/tmp/a.json CLOCK=wall WARMUP=100 npx tsx scripts/answer-stages.ts <index> 2
 *   npx tsx scripts/stage-what-if.ts /tmp/a.json [/tmp/b.json …]        (several dumps: pooled)
 * WHOLE=cpu takes the answer's process CPU ms instead of its wall ms (dump made without CLOCK=wall, so the
 * stages are CPU ms too; process CPU counts V8's helper threads, which is why wall is the default).
 */
import fs from 'node:fs';
import { percentile } from '../src/bench/timing.js';

interface Dumped {
  q: string;
  wall: number;
  cpu: number;
  gc: number;
  stages: Record<string, number>;
}
const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npx tsx scripts/stage-what-if.ts <dump.json> [<dump.json> …]\n');
  process.exit(2);
}
const answers: Dumped[] = files.flatMap((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Dumped[]);
if (process.env.WHOLE === 'cpu') for (const a of answers) a.wall = a.cpu;
const names = [...new Set(answers.flatMap((a) => Object.keys(a.stages)))];
const p95 = (values: number[]) => percentile(values, 95);
const base = p95(answers.map((a) => a.wall));
const staged = answers.map((a) => Object.values(a.stages).reduce((s, ms) => s + ms, 0));
console.log(`${answers.length} answers; ${process.env.WHOLE === 'cpu' ? 'CPU' : 'wall'} p50 / p95 ${percentile(answers.map((a) => a.wall), 50).toFixed(2)} / ${base.toFixed(2)} ms; replayed stages summed p50 / p95 ${percentile(staged, 50).toFixed(2)} / ${p95(staged).toFixed(2)}`);
// The slowest 5 %: what their time is made of, on average.
const tail = [...answers].sort((x, y) => y.wall - x.wall).slice(0, Math.max(1, Math.round(answers.length / 20)));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
console.log(`slowest ${tail.length}: ${mean(tail.map((a) => a.wall)).toFixed(2)} ms, GC ${mean(tail.map((a) => a.gc)).toFixed(2)}, outside the replayed stages ${mean(tail.map((a) => a.wall - Object.values(a.stages).reduce((s, ms) => s + ms, 0))).toFixed(2)}`);
console.log('stage'.padEnd(20), 'p50'.padStart(6), 'p95'.padStart(6), 'tail5%'.padStart(7), '| answer p95 with the stage: at most its p50 / 30 % faster / free');
const row = (cut: (a: Dumped) => number) => {
  const p = p95(answers.map((a) => a.wall - cut(a)));
  return `${p.toFixed(2)} (${(((p - base) / base) * 100).toFixed(0)} %)`;
};
for (const name of names) {
  const ms = (a: Dumped) => a.stages[name] ?? 0;
  const median = percentile(answers.map(ms), 50);
  console.log(
    name.padEnd(20),
    median.toFixed(2).padStart(6),
    p95(answers.map(ms)).toFixed(2).padStart(6),
    mean(tail.map(ms)).toFixed(2).padStart(7),
    '|',
    [row((a) => Math.max(0, ms(a) - median)), row((a) => 0.3 * ms(a)), row(ms)].join('  '),
  );
}
// Every stage's tail cut at once: what is left of the p95 is the answers whose stages are all near-typical.
const medians = Object.fromEntries(names.map((name) => [name, percentile(answers.map((a) => a.stages[name] ?? 0), 50)]));
const flattened = answers.map((a) => a.wall - names.reduce((s, name) => s + Math.max(0, (a.stages[name] ?? 0) - medians[name]!), 0));
console.log(`every stage at most its p50: answer p95 ${p95(flattened).toFixed(2)} (${(((p95(flattened) - base) / base) * 100).toFixed(0)} %)`);
// Each question's fastest meeting (several passes or dumps pooled): the tail the questions' own work makes, without the run-to-run spread.
const fastest = new Map<string, Dumped>();
for (const a of answers) if (!fastest.has(a.q) || a.wall < fastest.get(a.q)!.wall) fastest.set(a.q, a);
const best = [...fastest.values()];
console.log(`each question's fastest of ${(answers.length / best.length).toFixed(1)}: answer p50 / p95 ${percentile(best.map((a) => a.wall), 50).toFixed(2)} / ${p95(best.map((a) => a.wall)).toFixed(2)}; its slowest:`);
for (const a of best.sort((x, y) => y.wall - x.wall).slice(0, Number(process.env.TAIL ?? 8))) {
  console.log(`${a.wall.toFixed(2).padStart(7)}`, Object.entries(a.stages).filter(([, ms]) => ms >= 0.3).map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', '), '|', a.q);
}
