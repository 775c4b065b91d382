import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chunkDocument } from '../ingest/chunk.js';
import { Prng, ZipfSampler } from './prng.js';

/**
 * Synthetic Arabic corpus for `npm run bench`: recombines the sentences of the seed articles and
 * substitutes words from a Zipf-distributed vocabulary (seed words plus words built on Arabic root
 * patterns), so the vocabulary keeps growing with the corpus as in real text rather than 100k
 * passages over the ~1k words of the seeds — which would make every posting list huge and the
 * lexical leg look slower than it is. Documents vary from one paragraph to long reports.
 */

export interface SeedMaterial {
  sentences: string[];
  words: string[];
}

const ARABIC_WORD = /^[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+$/;

/** Sentences (with their end mark) and distinct Arabic words of the seed texts. */
export function seedMaterial(texts: readonly string[]): SeedMaterial {
  const sentences: string[] = [];
  const words = new Set<string>();
  for (const text of texts) {
    for (const line of text.split(/\n+/)) {
      for (const match of line.matchAll(/[^.!?؟؛]+[.!?؟؛]*/g)) {
        const sentence = match[0].replace(/\s+/g, ' ').trim();
        if (sentence.length >= 20) sentences.push(sentence);
      }
    }
    for (const token of text.split(/[\s.,،:;؛!?؟()"“”«»#_\-–]+/)) if (token.length >= 3 && ARABIC_WORD.test(token)) words.add(token);
  }
  return { sentences, words: [...words].sort() };
}

export async function readSeedMaterial(seedsDir: string): Promise<SeedMaterial> {
  const names = (await fs.readdir(seedsDir)).filter((n) => /\.(txt|md)$/i.test(n)).sort();
  const texts = await Promise.all(names.map((n) => fs.readFile(path.join(seedsDir, n), 'utf8')));
  const material = seedMaterial(texts);
  if (material.sentences.length === 0) throw new Error(`No sentences found in ${seedsDir}`);
  return material;
}

const ROOT_LETTERS = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';
/** Common derivation patterns; 1/2/3 stand for the root's letters. */
const PATTERNS = ['1ا23', '12ا3', 'م12و3', 'م123', 'ت12ي3', 'است123', 'ا123', '1ا2ي3', 'م1ا23', '12ي3', 'ت1ا23', 'ان12ا3', 'ا1ت2ا3'];
const PREFIXES = ['', '', '', 'ال', 'ال', 'و', 'وال', 'ب', 'بال', 'ل', 'لل'];
const SUFFIXES = ['', '', '', 'ة', 'ات', 'ين', 'ون', 'ها', 'هم', 'ية'];

/** A deterministic vocabulary: the seed words first (most frequent ranks), then pattern-built words. */
export function buildVocabulary(prng: Prng, seedWords: readonly string[], size: number): string[] {
  const vocabulary = [...seedWords];
  // Shuffled so the most frequent ranks are not simply the alphabetically first seed words.
  for (let i = vocabulary.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [vocabulary[i], vocabulary[j]] = [vocabulary[j]!, vocabulary[i]!];
  }
  const seen = new Set(vocabulary);
  let attempts = 0;
  while (vocabulary.length < size && attempts++ < size * 20) {
    const root = [prng.pick([...ROOT_LETTERS]), prng.pick([...ROOT_LETTERS]), prng.pick([...ROOT_LETTERS])];
    const stem = prng.pick(PATTERNS).replace(/[123]/g, (d) => root[Number(d) - 1]!);
    const word = prng.pick(PREFIXES) + stem + prng.pick(SUFFIXES);
    if (!seen.has(word)) {
      seen.add(word);
      vocabulary.push(word);
    }
  }
  return vocabulary;
}

const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

export interface CorpusOptions {
  /** Passages wanted after chunking (the generator chunks as it goes and stops once reached). */
  passages: number;
  seed?: number;
  /** Share of seed words replaced by vocabulary words (0..1). */
  substitution?: number;
  /** Distinct words to draw from; default grows with the corpus (Heaps' law-like). */
  vocabularySize?: number;
}

export interface GeneratedDocument {
  source: string;
  text: string;
  passages: number;
}

export class CorpusGenerator {
  private readonly prng: Prng;
  private readonly vocabulary: string[];
  private readonly zipf: ZipfSampler;
  private readonly substitution: number;
  private count = 0;

  constructor(private readonly material: SeedMaterial, private readonly options: CorpusOptions) {
    this.prng = new Prng(options.seed ?? 42);
    const size = options.vocabularySize ?? Math.round(Math.min(200_000, 2_000 + 40 * Math.sqrt(options.passages) * 10));
    this.vocabulary = buildVocabulary(this.prng, material.words, size);
    this.zipf = new ZipfSampler(this.vocabulary.length, 1.05);
    this.substitution = options.substitution ?? 0.35;
  }

  private sentence(): string {
    const p = this.prng;
    const words = p.pick(this.material.sentences).split(' ');
    const out = words.map((word) => {
      const m = /^(.*?)([.,،:؛!?؟»"”)]*)$/.exec(word)!;
      const core = m[1]!;
      if (core.length >= 3 && ARABIC_WORD.test(core) && p.chance(this.substitution)) return this.vocabulary[this.zipf.sample(p)]! + m[2]!;
      return word;
    });
    if (p.chance(0.08)) out.splice(p.int(0, out.length - 1), 0, `في ${p.int(1, 28)} ${p.pick(MONTHS)} ${p.int(1990, 2024)}`);
    return out.join(' ');
  }

  private paragraph(): string {
    const sentences: string[] = [];
    const n = this.prng.int(1, 6);
    for (let i = 0; i < n; i++) sentences.push(this.sentence());
    return sentences.join(' ');
  }

  /** Next document: 1–120 paragraphs, log-uniform, so most are short and a few are long reports. */
  nextDocument(): GeneratedDocument {
    const p = this.prng;
    const paragraphs = Math.max(1, Math.round(Math.exp(p.next() * Math.log(120))));
    const parts: string[] = [];
    if (p.chance(0.5)) parts.push(this.sentence().replace(/[.؟!]+$/, '')); // a title line
    for (let i = 0; i < paragraphs; i++) parts.push(this.paragraph());
    const text = parts.join(p.chance(0.3) ? '\n\n' : '\n') + '\n';
    const index = ++this.count;
    const source = `${String(index).padStart(6, '0')}_${createHash('sha256').update(text).digest('hex').slice(0, 8)}.txt`;
    const passages = chunkDocument({ source, text, hash: '', bytes: 0 }).length;
    return { source, text, passages };
  }

  /** Documents until their passages reach the target. */
  *documents(): Generator<GeneratedDocument> {
    let total = 0;
    while (total < this.options.passages) {
      const doc = this.nextDocument();
      total += doc.passages;
      yield doc;
    }
  }
}

export interface WrittenCorpus {
  dir: string;
  files: number;
  passages: number;
  bytes: number;
}

/** Writes a corpus of about `options.passages` passages into `dir` (100 files a folder, as a real archive might be). */
export async function writeCorpus(dir: string, material: SeedMaterial, options: CorpusOptions): Promise<WrittenCorpus> {
  const generator = new CorpusGenerator(material, options);
  let files = 0;
  let passages = 0;
  let bytes = 0;
  for (const doc of generator.documents()) {
    const folder = path.join(dir, `part-${String(Math.floor(files / 100)).padStart(4, '0')}`);
    if (files % 100 === 0) await fs.mkdir(folder, { recursive: true });
    const data = Buffer.from(doc.text, 'utf8');
    await fs.writeFile(path.join(folder, doc.source), data);
    files++;
    passages += doc.passages;
    bytes += data.length;
  }
  return { dir, files, passages, bytes };
}
