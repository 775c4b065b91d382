import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusGenerator, buildVocabulary, readSeedMaterial, seedMaterial, writeCorpus } from '../../src/bench/synth.js';
import { Prng, ZipfSampler, randomUnitVector } from '../../src/bench/prng.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { tempDir } from '../helpers/temp.js';

describe('Prng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Prng(7);
    const b = new Prng(7);
    const c = new Prng(8);
    const seq = (p: Prng) => Array.from({ length: 5 }, () => p.next());
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('Zipf favours low ranks; random unit vectors have unit length', () => {
    const zipf = new ZipfSampler(1000);
    const prng = new Prng(1);
    const samples = Array.from({ length: 5000 }, () => zipf.sample(prng));
    expect(samples.filter((r) => r < 10).length).toBeGreaterThan(samples.filter((r) => r >= 500).length);
    const v = randomUnitVector(prng, 384);
    expect(Math.hypot(...v)).toBeCloseTo(1, 5);
  });
});

describe('synthetic corpus', async () => {
  const material = await readSeedMaterial('seeds');

  it('takes sentences and Arabic words from the seeds', () => {
    expect(material.sentences.length).toBeGreaterThan(20);
    expect(material.words.length).toBeGreaterThan(200);
    expect(material.words.every((w) => /^[\u0621-\u06D3]+$/.test(w))).toBe(true);
    expect(seedMaterial(['جملة أولى طويلة بما يكفي للاختبار. قصيرة.']).sentences).toEqual(['جملة أولى طويلة بما يكفي للاختبار.']);
  });

  it('builds a vocabulary beyond the seed words, deterministically', () => {
    const v1 = buildVocabulary(new Prng(3), material.words, 5000);
    expect(v1).toHaveLength(5000);
    expect(new Set(v1).size).toBe(5000);
    expect(buildVocabulary(new Prng(3), material.words, 5000)).toEqual(v1);
  });

  it('is deterministic for a seed', () => {
    const docs = (seed: number) => [...new CorpusGenerator(material, { passages: 300, seed }).documents()].map((d) => d.text);
    const a = docs(11);
    expect(docs(11)).toEqual(a);
    expect(docs(12)).not.toEqual(a);
  });

  it('produces roughly the requested passage count, with varied document lengths', () => {
    for (const target of [500, 3000]) {
      const docs = [...new CorpusGenerator(material, { passages: target, seed: 5 }).documents()];
      const total = docs.reduce((n, d) => n + d.passages, 0);
      expect(total).toBeGreaterThanOrEqual(target);
      expect(total).toBeLessThan(target * 1.25 + 200);
      const lengths = docs.map((d) => d.passages);
      expect(Math.max(...lengths)).toBeGreaterThan(3 * Math.min(...lengths));
    }
  });

  it('writes files whose chunking gives the counted passages', async () => {
    const dir = tempDir('isnad-bench-corpus-');
    const written = await writeCorpus(dir, material, { passages: 400, seed: 9 });
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt'));
    expect(files).toHaveLength(written.files);
    let passages = 0;
    for (const f of files) passages += chunkDocument({ source: f, text: fs.readFileSync(path.join(dir, f), 'utf8'), hash: '', bytes: 0 }).length;
    expect(passages).toBe(written.passages);
    expect(written.passages).toBeGreaterThanOrEqual(400);
  });
});
