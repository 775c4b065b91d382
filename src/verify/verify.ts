import { IsnadError } from '../errors.js';
import { analyze } from '../text/analyze.js';
import type { IndexSnapshot } from '../index/snapshot.js';
import { alignInSlices, bandFor, SLICE_CELLS, type Alignment, type Step } from './align.js';
import { isNegation } from './changes.js';
import { describe, isAnchor, notFound, type Aligned } from './describe.js';
import type { DocumentText } from './documents.js';
import { extractQuotes } from './extract.js';
import { inTurn } from './turns.js';
import type { VerifyResult } from './types.js';
import { words, type Region, type Word } from './words.js';

/** Longer quotes are refused: alignment work grows with quote length × document stretch. */
export const MAX_QUOTE_WORDS = 400;
/** Passages the lexical index proposes per quote; each is aligned with its neighbours. */
export const CANDIDATES = 8;
/** Text around the quoted spans that matches the document this well means the whole message is the quote. */
const WHOLE_MESSAGE_OUTSIDE_MATCHED = 0.6;

/**
 * The stretches to align against: each candidate passage with enough neighbours on both sides to
 * hold a quote that starts or ends in it. Neighbours need the file (the text between passages lives
 * only there); without it, a candidate is aligned alone.
 */
async function regionsFor(snapshot: IndexSnapshot, rows: number[], quoteChars: number, documentText: DocumentText): Promise<Region[]> {
  const { passages } = snapshot;
  const ranges: Array<{ source: string; a: number; b: number }> = [];
  for (const row of rows) {
    const p = passages[row]!;
    let a = row;
    let b = row;
    const file = await documentText(p.source);
    if (file !== null) {
      const reach = quoteChars + 40;
      while (a > 0 && passages[a - 1]!.source === p.source && p.start - passages[a - 1]!.end < reach) a--;
      while (b + 1 < passages.length && passages[b + 1]!.source === p.source && passages[b + 1]!.start - p.end < reach) b++;
    }
    const overlapping = ranges.find((r) => r.source === p.source && a <= r.b + (file ? 1 : 0) && b >= r.a - (file ? 1 : 0));
    if (overlapping) [overlapping.a, overlapping.b] = [Math.min(a, overlapping.a), Math.max(b, overlapping.b)];
    else ranges.push({ source: p.source, a, b });
  }
  const regions: Region[] = [];
  for (const { source, a, b } of ranges) {
    const first = passages[a]!;
    const last = passages[b]!;
    const text = a === b ? first.text : (await documentText(source))!.slice(first.start, last.end);
    regions.push({ source, start: first.start, line: first.line, text, passages: passages.slice(a, b + 1) });
  }
  return regions;
}

async function alignQuote(snapshot: IndexSnapshot, quote: string, documentText: DocumentText): Promise<Aligned> {
  const qw = words(quote);
  if (qw.length === 0) return { result: notFound(quote), matched: [], quoteWords: qw };
  if (qw.length > MAX_QUOTE_WORDS) {
    throw new IsnadError('QUOTE_INVALID', `The quote has ${qw.length} words; verify at most ${MAX_QUOTE_WORDS} at a time (select a shorter part).`);
  }
  const qTerms = qw.map((w) => w.term);
  const rows = snapshot.lexical.search(analyze(quote), CANDIDATES).map((h) => h.row);
  const regions = await regionsFor(snapshot, rows, quote.length, documentText);
  let best: { region: Region; dw: Word[]; alignment: Alignment; score: number } | null = null;
  for (const region of regions) {
    const dw = words(region.text);
    if (dw.length === 0) continue;
    const starts = sentenceStarts(region.text, dw);
    const dTerms = dw.map((w) => w.term);
    const run = alignInSlices(qTerms, dTerms, starts, SLICE_CELLS, bandFor(qTerms, dTerms));
    let slice = await inTurn(() => run.next());
    while (!slice.done) slice = await inTurn(() => run.next());
    const alignment = slice.value;
    const score = alignment.score + boundaryBonus(alignment.steps, starts);
    if (!best || score > best.score) best = { region, dw, alignment, score };
    if (alignment.steps.every(isAnchor)) break;
  }
  if (!best) return { result: notFound(quote), matched: new Array(qw.length).fill(false), quoteWords: qw };
  const { region, dw, alignment } = best;
  // "لم تشارك المعارضة…" quoted as "تشارك المعارضة…": a negation just before the quote belongs to it.
  const firstPlaced = alignment.steps.find((s) => s.d1 > s.d0);
  if (firstPlaced && firstPlaced.d0 > 0 && isNegation(dw[firstPlaced.d0 - 1]!.term) && !isNegation(qTerms[0]!)) {
    const d = firstPlaced.d0 - 1;
    const at = alignment.steps.indexOf(firstPlaced);
    alignment.steps.splice(at, 0, { kind: 'del', q0: firstPlaced.q0, q1: firstPlaced.q0, d0: d, d1: d + 1 });
  }
  return describe(quote, qw, region, dw, alignment);
}

/** Word j begins a sentence (or line): the text since the previous word holds . ! ? ؟ ؛ or a line break. */
function sentenceStarts(text: string, dw: Word[]): boolean[] {
  return dw.map((w, j) => j === 0 || /[.!?\u061F\u061B\n]/.test(text.slice(dw[j - 1]!.end, w.start)));
}

/** Between equally good places, prefer the one whose span starts and ends where sentences do. */
function boundaryBonus(steps: Step[], starts: boolean[]): number {
  const placed = steps.filter((s) => s.d1 > s.d0);
  if (placed.length === 0) return 0;
  const first = placed[0]!.d0;
  const end = placed[placed.length - 1]!.d1;
  return (starts[first] ? 0.25 : 0) + (end >= starts.length || starts[end] ? 0.25 : 0);
}

/** Verifies one quote (already extracted from its message). */
async function verifyQuote(snapshot: IndexSnapshot, quote: string, documentText: DocumentText): Promise<VerifyResult> {
  return (await alignQuote(snapshot, quote, documentText)).result;
}

/**
 * Verifies the quotes a message holds: each «…», "…", “…”, `> ` block or code span (up to 5), or the
 * whole message when it has none — or when the text around its quotation marks matches the document
 * too (a pasted sentence that itself contains quotation marks).
 */
export async function verifyMessage(snapshot: IndexSnapshot, message: string, documentText: DocumentText): Promise<VerifyResult[]> {
  const extracted = extractQuotes(message);
  if (extracted.message.trim() === '') throw new IsnadError('QUOTE_INVALID', 'There is no text to verify.');
  const spans = extracted.spans;
  if (spans.length === 0) return [await verifyQuote(snapshot, extracted.message, documentText)];
  const outside = (w: Word) => !spans.some((s) => w.start >= s.start && w.end <= s.end);
  const wholeWords = words(extracted.message);
  if (wholeWords.some(outside) && wholeWords.length <= MAX_QUOTE_WORDS) {
    const whole = await alignQuote(snapshot, extracted.message, documentText);
    const around = whole.quoteWords.map((w, i) => ({ w, matched: whole.matched[i]! })).filter(({ w }) => outside(w));
    const matchedAround = around.filter((x) => x.matched).length / around.length;
    if (whole.result.verdict !== 'not_found' && matchedAround >= WHOLE_MESSAGE_OUTSIDE_MATCHED) return [whole.result];
  }
  const results: VerifyResult[] = [];
  for (const span of spans) results.push(await verifyQuote(snapshot, span.text, documentText));
  return results;
}
