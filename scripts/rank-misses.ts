/**
 * The held-out questions whose gold passage is not #1, each with a guessed cause. Same gathering, folds
 * (by article) and fitRanker as scripts/cv-ranking.ts: each article's questions are ranked by weights
 * fitted on the other articles. For every miss it prints the question, #1 and the first gold passage with
 * their ranks, the features where they differ most (weight × difference, + favours #1) and the classes
 * below; then the count of each class (first matching class, and every class a miss shows).
 * Classes (read from the analyzed words, so a guess to check by reading, not a verdict):
 *   absent      the gold passage is not among the candidates
 *   boundary    #1 is the gold passage's neighbour in the same document (the answer sits next door)
 *   spread      #1 matches as much of the question as the gold, but over more sentences: the gold's best
 *               sentence holds more of the question's IDF than #1's
 *   subject     a question word the gold and its neighbours lack is in its document's first passage
 *   morphology  a question word the gold lacks has a word of the same root key in the gold
 *   number      a question word the gold lacks is a number, or the gold holds the answer as digits the question spells
 *   paraphrase  the gold lacks question words #1 holds, with none of the relations above
 *   tie         the two scores are within TIE (0.3) of each other
 *   article     none of the above, #1 in another article (English: the words' classes are not read, translations)
 *   other       none of the above, #1 in the same article
 * Run: npx tsx scripts/rank-misses.ts GOLD DOCS [GOLD DOCS …]   (QUIET=1: the counts only)
 */
import path from 'node:path';
import { alignFeatures, DEFAULT_FIT, fitRanker, type Example } from '../src/eval/fit.js';
import { rankCandidates } from '../src/retrieve/ranker.js';
import { snapshotContext } from '../src/retrieve/features.js';
import { questionTerms } from '../src/retrieve/query-terms.js';
import { readQuestion } from '../src/retrieve/question.js';
import type { IndexSnapshot } from '../src/index/snapshot.js';
import { analyze } from '../src/text/analyze.js';
import { rootKey } from '../src/text/root-key.js';
import { askHeldOut } from './held-out-items.js';

interface Item {
  file: string;
  id: string;
  q: string;
  index: IndexSnapshot;
  terms: string[];
  example: Example;
}

const TIE = Number(process.env.TIE ?? 0.3);
const args = process.argv.slice(2);
const pairs: Array<[string, string]> = [];
for (let i = 0; i + 1 < args.length; i += 2) pairs.push([path.resolve(args[i]!), path.resolve(args[i + 1]!)]);
const items = await askHeldOut(pairs, ({ file, question, index, example }): Item => ({
  file,
  id: question.id,
  q: question.q,
  index,
  // English questions are matched through translations: their words' classes are not read.
  terms: /[a-z]/i.test(question.q) ? [] : questionTerms(index.lexical, readQuestion(question.q).search),
  example,
}));
alignFeatures(items.map((i) => i.example)).forEach((e, i) => (items[i]!.example = e));

const words = (text: string) => new Set(analyze(text));
/** The question's IDF share in the passage's best sentence. */
function bestSentence(index: IndexSnapshot, text: string, terms: string[], mass: number): number {
  let best = 0;
  for (const sentence of text.split(/[.!?؟؛\n]+/)) {
    const here = words(sentence);
    best = Math.max(best, terms.reduce((sum, t) => sum + (here.has(t) ? index.lexical.idf(t) : 0), 0) / mass);
  }
  return best;
}

/**
 * Two passages of one file share characters or no passage lies between them: the ±1 rows when passages
 * tile the file, and still "next door" for a seam passage across a cut (src/ingest/chunk.ts).
 */
function nextDoor(index: IndexSnapshot, a: number, b: number): boolean {
  const [p, q] = [index.passages[a]!, index.passages[b]!];
  if (p.start < q.end && q.start < p.end) return true;
  const [from, to] = p.end <= q.start ? [p.end, q.start] : [q.end, p.start];
  return !index.passages.some((r) => r.source === p.source && r.start >= from && r.end <= to);
}

function classify(item: Item, first: number, gold: number | null, gap: number): string[] {
  if (gold === null) return ['absent'];
  const { index, terms } = item;
  const { docOf } = snapshotContext(index);
  const classes: string[] = [];
  if (docOf[first] === docOf[gold] && nextDoor(index, first, gold)) classes.push('boundary');
  const text = (row: number) => index.passages[row]!.text;
  const inGold = words(text(gold));
  const inFirst = words(text(first));
  const context = new Set(inGold);
  for (const r of [gold - 1, gold + 1]) if (r >= 0 && r < docOf.length && docOf[r] === docOf[gold]) for (const w of words(text(r))) context.add(w);
  const known = [...new Set(terms)].filter((t) => index.lexical.documentFrequency(t) > 0);
  const mass = known.reduce((s, t) => s + index.lexical.idf(t), 0) || 1;
  const share = (set: Set<string>) => known.reduce((s, t) => s + (set.has(t) ? index.lexical.idf(t) : 0), 0) / mass;
  if (terms.length > 0) {
    if (share(inFirst) >= share(inGold) - 1e-9 && bestSentence(index, text(gold), known, mass) > bestSentence(index, text(first), known, mass) + 1e-9) classes.push('spread');
    const lacking = known.filter((t) => !inGold.has(t));
    let docStart = gold;
    while (docStart > 0 && docOf[docStart - 1] === docOf[gold]) docStart--;
    const opening = words(text(docStart));
    if (lacking.some((t) => !context.has(t) && opening.has(t))) classes.push('subject');
    const goldKeys = new Set([...inGold].map(rootKey));
    if (lacking.some((t) => goldKeys.has(rootKey(t)))) classes.push('morphology');
    if (lacking.some((t) => /\d/.test(t))) classes.push('number');
    if (lacking.some((t) => inFirst.has(t)) && !classes.some((c) => c !== 'boundary' && c !== 'spread')) classes.push('paraphrase');
  }
  if (Math.abs(gap) < TIE) classes.push('tie');
  if (classes.length === 0) classes.push(docOf[first] === docOf[gold] ? 'other' : 'article');
  return classes;
}

/** The question words the gold passage lacks as written, each with a gold word of the same root key (→) if any. */
function lacks(item: Item, row: number): string[] {
  const own = [...words(item.index.passages[row]!.text)];
  return [...new Set(item.terms)]
    .filter((t) => !own.includes(t))
    .map((t) => {
      const kin = own.find((w) => rootKey(w) === rootKey(t));
      return item.index.lexical.documentFrequency(t) === 0 ? `${t}(unknown)` : kin ? `${t}→${kin}` : t;
    });
}

const folds = [...new Set(items.map((i) => i.example.fold))];
const primary = new Map<string, number>();
const every = new Map<string, number>();
const perFile = new Map<string, { n: number; misses: number }>();
const quiet = Boolean(process.env.QUIET);
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const clip = (s: string) => s.replace(/\s+/g, ' ').slice(0, Number(process.env.CHARS ?? 220));
for (const fold of folds) {
  const weights = fitRanker(items.filter((i) => i.example.fold !== fold).map((i) => i.example), DEFAULT_FIT);
  for (const item of items.filter((i) => i.example.fold === fold)) {
    const f = perFile.get(item.file) ?? { n: 0, misses: 0 };
    f.n++;
    perFile.set(item.file, f);
    const { set } = item.example;
    const ranked = rankCandidates(set, weights);
    const at = new Map(set.candidates.map((c, i) => [c.row, i]));
    const goldAt = ranked.findIndex((c) => item.example.hits[at.get(c.row)!]);
    if (goldAt === 0) continue;
    f.misses++;
    const top = ranked[0]!;
    const gold = goldAt >= 0 ? ranked[goldAt]! : null;
    const classes = classify(item, top.row, gold?.row ?? null, gold ? top.score - gold.score : Infinity);
    bump(primary, `${item.file} ${classes[0]}`);
    for (const c of classes) bump(every, `${item.file} ${c}`);
    if (gold && top.doc !== gold.doc) bump(every, `${item.file} (#1 in another article)`);
    if (quiet) continue;
    const p = (row: number) => item.index.passages[row]!;
    const side = gold && classes.includes('boundary') ? (gold.row > top.row ? ' (gold after #1)' : ' (gold before #1)') : '';
    console.log(`${item.id} gold@${goldAt + 1}/${ranked.length} [${classes.join(' ')}]${side}\n  q: ${item.q}\n  terms: ${item.terms.join(' ')}`);
    console.log(`  #1 ${p(top.row).source}:${p(top.row).line} (${top.score.toFixed(2)}) ${clip(p(top.row).text)}`);
    if (!gold) continue;
    console.log(`  gold ${p(gold.row).source}:${p(gold.row).line} (${gold.score.toFixed(2)}) ${clip(p(gold.row).text)}`);
    if (item.terms.length > 0) console.log(`  gold lacks: ${lacks(item, gold.row).join(' ') || '–'}`);
    const diffs = set.names
      .map((n, j) => ({ n, d: (weights[n] ?? 0) * (top.values[j]! - gold.values[j]!), a: top.values[j]!, b: gold.values[j]! }))
      .filter((x) => Math.abs(x.d) > 1e-6)
      .sort((x, y) => Math.abs(y.d) - Math.abs(x.d))
      .slice(0, 5);
    console.log(`  differ: ${diffs.map((x) => `${x.n} ${x.d >= 0 ? '+' : ''}${x.d.toFixed(2)} (${x.a.toFixed(2)}/${x.b.toFixed(2)})`).join(', ')}`);
  }
}
for (const [file, f] of perFile) {
  console.log(`\n${file}: ${f.misses} of ${f.n} held-out questions with the gold not #1`);
  const list = (m: Map<string, number>) => [...m].filter(([k]) => k.startsWith(file + ' ')).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k.slice(file.length + 1)} ${n}`).join(', ');
  console.log(`  first class: ${list(primary)}\n  any class:   ${list(every)}`);
}
