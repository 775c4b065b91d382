/**
 * Analyzer collisions (issue 9): content words that matching-only normalization turns into function words,
 * and word pairs of one meaning that light stemming splits. Over the vocabulary of xquad-dev's docs and Arabic
 * questions, seeds/ and the questions of eval/*.jsonl, it lists
 *  (a) words written with a hamza carrier (ئ ؤ) or ة that are dropped as function words (فئة → فيه "in it"),
 *      and apart those kept whose stems spell a function word (الهيئة → هي);
 *  (b) pairs that should share a stem but do not: a nisba's masculine and feminine (-ي / -ية, ثنائي / ثنائية),
 *      and a -ة noun and its -ات plural (فئة / فئات).
 * Each with its frequency (occurrences of the words in the vocabulary).
 *   npx tsx scripts/analyzer-collisions.ts [XQUAD=/work/shared/eval/xquad-dev] [--list]
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze, isStopword } from '../src/text/analyze.js';
import { normalize } from '../src/text/normalize.js';

const xquad = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/work/shared/eval/xquad-dev';
const list = process.argv.includes('--list');

function textsOf(): string[] {
  const texts: string[] = [];
  const folderTexts = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const questions = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => String((JSON.parse(l) as { q: string }).q));
  texts.push(...folderTexts(path.join(xquad, 'docs')), ...questions(path.join(xquad, 'gold-ar.jsonl')), ...folderTexts('seeds'));
  for (const f of fs.readdirSync('eval').filter((f) => f.endsWith('.jsonl'))) texts.push(...questions(path.join('eval', f)));
  return texts;
}

// Words as written, without the marks normalization drops (tashkeel, tatweel), so a voweled word stays one word.
const counts = new Map<string, number>();
for (const text of textsOf()) {
  for (const [w] of text.replace(/[\u064B-\u065F\u0670\u0640]/g, '').matchAll(/\p{Script=Arabic}+/gu)) counts.set(w, (counts.get(w) ?? 0) + 1);
}
const freq = (w: string) => counts.get(w) ?? 0;

// (a) Written with a carrier or ة, dropped as a function word (some are one: أية, هؤلاء, dialect شنوة). Those whose stem
// only spells a function word (الهيئة → هي) are counted apart: stems are not filtered, so they still match.
const written = [...counts.keys()].filter((w) => /[ئؤة]/.test(w));
for (const [label, of] of [
  ['dropped as function words', written.filter((w) => analyze(w).length === 0)],
  ['kept, with a stem that spells a function word', written.filter((w) => analyze(w).length > 0 && analyze(w).every(isStopword))],
] as const) {
  console.log(`(a) carrier/ة words ${label}: ${of.length} words, ${of.reduce((s, w) => s + freq(w), 0)} occurrences`);
  if (list) for (const w of [...of].sort((x, y) => freq(y) - freq(x))) console.log(`  ${w} ×${freq(w)} → ${normalize(w)} ${JSON.stringify(analyze(w))}`);
}

// (b) Pairs of one meaning with different stems.
const same = (a: string, b: string) => analyze(a).some((s) => analyze(b).includes(s));
const pairs: { kind: string; a: string; b: string }[] = [];
for (const w of counts.keys()) {
  if (w.endsWith('ي') && counts.has(w + 'ة')) pairs.push({ kind: 'nisba -ي/-ية', a: w, b: w + 'ة' });
  if (w.endsWith('ة') && counts.has(w.slice(0, -1) + 'ات')) pairs.push({ kind: 'plural -ة/-ات', a: w, b: w.slice(0, -1) + 'ات' });
  if (w.endsWith('ية') && counts.has(w.slice(0, -1) + 'ات')) pairs.push({ kind: 'nisba plural -ية/-يات', a: w, b: w.slice(0, -1) + 'ات' });
}
for (const kind of new Set(pairs.map((p) => p.kind))) {
  const of = pairs.filter((p) => p.kind === kind);
  const split = of.filter((p) => !same(p.a, p.b));
  const n = split.reduce((s, p) => s + freq(p.a) + freq(p.b), 0);
  console.log(`(b) ${kind}: ${of.length} pairs in the vocabulary, ${split.length} split (${n} occurrences)`);
  if (list) for (const p of split.sort((x, y) => freq(y.a) + freq(y.b) - freq(x.a) - freq(x.b))) console.log(`  ${p.a} ×${freq(p.a)} ${JSON.stringify(analyze(p.a))} / ${p.b} ×${freq(p.b)} ${JSON.stringify(analyze(p.b))}`);
}
