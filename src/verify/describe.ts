import { isStopword } from '../text/analyze.js';
import { lineAt } from '../text/lines.js';
import type { Alignment, Step } from './align.js';
import { changeKind } from './changes.js';
import type { DiffPart, QuoteChange, VerifyResult } from './types.js';
import type { Region, Word } from './words.js';

/** Below this weighted share of common words, the nearest place is not "the same text, altered". */
export const ALTERED_MIN_SIMILARITY = 0.5;

const weight = (term: string) => (isStopword(term) ? 0.25 : 1);
export const isAnchor = (s: Step) => s.kind === 'match' || s.kind === 'join';
/** The words as written (diacritics, hamza forms, tatweel and all), ignoring spacing and punctuation. */
const written = (s: string) => (s.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join(' ');
const lineIn = (region: Region, offset: number) => region.line + lineAt(region.text, offset) - 1;

export interface Aligned {
  result: VerifyResult;
  /** Per quote word: matched the document exactly (up to spelling). */
  matched: boolean[];
  quoteWords: Word[];
}

export function notFound(quote: string, similarity = 0): VerifyResult {
  return { quote, verdict: 'not_found', spellingDiffers: false, match: null, similarity, changes: [], diff: [] };
}

/** Turns the best alignment into a verdict: the place, the changes, the marked text and the similarity. */
export function describe(quote: string, qw: Word[], region: Region, dw: Word[], alignment: Alignment): Aligned {
  const { steps } = alignment;
  const matched = new Array<boolean>(qw.length).fill(false);
  for (const s of steps) if (isAnchor(s)) for (let i = s.q0; i < s.q1; i++) matched[i] = true;
  const placed = steps.filter((s) => s.d1 > s.d0);
  if (placed.length === 0) return { result: notFound(quote), matched, quoteWords: qw };
  const first = placed[0]!.d0;
  const last = placed[placed.length - 1]!.d1 - 1;
  const spanStart = dw[first]!.start;
  const spanEnd = dw[last]!.end;

  const changes: QuoteChange[] = [];
  const diff: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    const prev = diff[diff.length - 1];
    if (prev && prev.kind === kind) prev.text += text;
    else diff.push({ kind, text });
  };
  let pos = spanStart;
  let run = 0;
  let longestRun = 0;
  for (let k = 0; k < steps.length; ) {
    const step = steps[k]!;
    if (isAnchor(step)) {
      push('same', region.text.slice(pos, dw[step.d1 - 1]!.end));
      pos = dw[step.d1 - 1]!.end;
      longestRun = Math.max(longestRun, (run += 1));
      k++;
      continue;
    }
    run = 0;
    let end = k;
    while (end < steps.length && !isAnchor(steps[end]!)) end++;
    const group = steps.slice(k, end);
    const qs = group.filter((s) => s.q1 > s.q0);
    const ds = group.filter((s) => s.d1 > s.d0);
    const quoteText = qs.length ? quote.slice(qw[qs[0]!.q0]!.start, qw[qs[qs.length - 1]!.q1 - 1]!.end) : '';
    const docStart = ds.length ? dw[ds[0]!.d0]!.start : pos;
    const docEnd = ds.length ? dw[ds[ds.length - 1]!.d1 - 1]!.end : pos;
    push('same', region.text.slice(pos, docStart));
    push('quote', quoteText);
    push('document', region.text.slice(docStart, docEnd));
    pos = docEnd;
    const terms = (list: Step[], side: 'q' | 'd') =>
      list.flatMap((s) => (side === 'q' ? qw.slice(s.q0, s.q1) : dw.slice(s.d0, s.d1)).map((w) => w.term));
    changes.push({
      op: qs.length && ds.length ? 'replace' : qs.length ? 'insert' : 'delete',
      quote: quoteText,
      document: region.text.slice(docStart, docEnd),
      kind: changeKind(terms(qs, 'q'), terms(ds, 'd')),
    });
    k = end;
  }

  let common = 0;
  let total = 0;
  for (const s of steps) {
    const pairWeight = qw.slice(s.q0, s.q1).reduce((n, w) => n + weight(w.term), 0) + dw.slice(s.d0, s.d1).reduce((n, w) => n + weight(w.term), 0);
    total += pairWeight;
    if (isAnchor(s)) common += pairWeight;
  }
  const similarity = Math.round((total > 0 ? common / total : 0) * 100) / 100;
  const text = region.text.slice(spanStart, spanEnd);
  const match = {
    source: region.source,
    start: region.start + spanStart,
    end: region.start + spanEnd,
    line: lineIn(region, spanStart),
    endLine: lineIn(region, spanEnd - 1),
    text,
    passageIds: region.passages.filter((p) => p.end > region.start + spanStart && p.start < region.start + spanEnd).map((p) => p.id),
  };
  if (changes.length === 0) {
    const quoted = quote.slice(qw[0]!.start, qw[qw.length - 1]!.end);
    return { result: { quote, verdict: 'verbatim', spellingDiffers: written(quoted) !== written(text), match, similarity: 1, changes, diff }, matched, quoteWords: qw };
  }
  const commonContent = steps.filter((s) => isAnchor(s) && qw.slice(s.q0, s.q1).some((w) => !isStopword(w.term))).length;
  if (similarity < ALTERED_MIN_SIMILARITY || commonContent < 2 || longestRun < 2) return { result: notFound(quote, similarity), matched, quoteWords: qw };
  return { result: { quote, verdict: 'altered', spellingDiffers: false, match, similarity, changes, diff }, matched, quoteWords: qw };
}

