/** The hand-written sets over the seeds (eval/README.md) are measures only while their gold spans and shapes hold. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGoldFile } from '../../src/eval/gold.js';

const seeds = fs.readdirSync('seeds').map((name) => ({ name, text: fs.readFileSync(path.join('seeds', name), 'utf8') }));
const collapse = (text: string) => text.replace(/\s+/g, ' ');

// The dialect sets are only a measure if every gold span is really in the seed it names (as eval compares it).
describe.each(['eval/dialect.jsonl', 'eval/dialect-blind.jsonl', 'eval/dialect-blind2.jsonl', 'eval/dialect-blind3.jsonl', 'eval/dialect-blind4.jsonl', 'eval/dialect-blind5.jsonl', 'eval/dialect-plain.jsonl', 'eval/short.jsonl'])('%s', (file) => {
  it('names spans that are in the seed they cite', async () => {
    const missing: string[] = [];
    for (const question of await readGoldFile(file)) {
      for (const [prefix, span] of question.gold) {
        const seed = seeds.filter((s) => s.name.startsWith(prefix));
        if (seed.length !== 1 || !collapse(seed[0]!.text).includes(collapse(span))) missing.push(`${question.id}: ${prefix} «${span}»`);
      }
    }
    expect(missing).toEqual([]);
  });
});

/** [answerable, unanswerable] questions per value of a tag. */
async function countsOf(file: string, tag = 'dialect'): Promise<Record<string, [number, number]>> {
  const counts: Record<string, [number, number]> = {};
  for (const q of await readGoldFile(file)) {
    const row = (counts[q.tags[tag] ?? 'none'] ??= [0, 0]);
    row[q.gold.length > 0 ? 0 : 1] += 1;
  }
  return counts;
}

describe('eval/dialect-blind.jsonl', () => {
  it('asks 15 answerable and 2 unanswerable questions in each of the four dialects', async () => {
    expect(await countsOf('eval/dialect-blind.jsonl')).toEqual({ levantine: [15, 2], gulf: [15, 2], egyptian: [15, 2], maghrebi: [15, 2] });
  });
});

describe('eval/dialect-blind2.jsonl', () => {
  it('asks 15 answerable and 3 unanswerable questions in each of the four dialects, and 7 answerable in others', async () => {
    expect(await countsOf('eval/dialect-blind2.jsonl')).toEqual({
      levantine: [15, 3], gulf: [15, 3], egyptian: [15, 3], maghrebi: [15, 3], other: [7, 0],
    });
  });
});

describe('eval/dialect-blind3.jsonl', () => {
  it('asks 16 answerable and 3 unanswerable questions in each of the four dialects, and 8 answerable in others', async () => {
    expect(await countsOf('eval/dialect-blind3.jsonl')).toEqual({
      levantine: [16, 3], gulf: [16, 3], egyptian: [16, 3], maghrebi: [16, 3], other: [8, 0],
    });
  });
});

describe('eval/dialect-blind5.jsonl', () => {
  it('asks 16 answerable and 4 unanswerable questions in each of the four dialects, and 12 answerable in nine others', async () => {
    expect(await countsOf('eval/dialect-blind5.jsonl')).toEqual({
      levantine: [16, 4], gulf: [16, 4], egyptian: [16, 4], maghrebi: [16, 4],
      iraqi: [3, 0], sudanese: [2, 0], yemeni: [1, 0], libyan: [1, 0], tunisian: [1, 0], hijazi: [1, 0], emirati: [1, 0], kuwaiti: [1, 0], omani: [1, 0],
    });
  });
});

describe('eval/dialect-plain.jsonl', () => {
  it('asks 12 answerable and 3 unanswerable questions in each of the four dialects', async () => {
    expect(await countsOf('eval/dialect-plain.jsonl')).toEqual({ levantine: [12, 3], gulf: [12, 3], egyptian: [12, 3], maghrebi: [12, 3] });
  });
});

describe('eval/short.jsonl', () => {
  it('asks short questions only (2–4 words): 16 keyword-style and 14 dialect answerable ones, 30 off-topic', async () => {
    const long: string[] = [];
    for (const q of await readGoldFile('eval/short.jsonl')) {
      const words = q.q.replace(/[؟?]/g, ' ').split(/\s+/).filter((w) => w !== '').length;
      if (words < 2 || words > 4) long.push(q.id);
    }
    expect(await countsOf('eval/short.jsonl', 'kind')).toEqual({ keyword: [16, 0], dialect: [14, 0], offtopic: [0, 30] });
    expect(long).toEqual([]);
  });
});
