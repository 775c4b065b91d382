/**
 * The README's "Limits", one test each: when a limit is lifted its test fails, and the README
 * section must change with it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DICT_DIR, loadConfig } from '../src/config.js';
import { silentLogger } from '../src/log.js';
import { openCollection } from '../src/open-collection.js';
import type { Collection } from '../src/collection.js';
import { confidenceLevel, shippedWeights } from '../src/retrieve/ranker.js';
import { ENG_ARA, englishArabicDictionary } from '../src/translate/dictd.js';
import { copyOfSeeds, tempDir } from './helpers/temp.js';

const noModel = async () => ({ embedder: null, status: { loaded: false as const, modelId: null, reason: 'disabled' } });

async function open(docs: string, env: Record<string, string> = {}): Promise<Collection> {
  const config = loadConfig({ DOCS_DIR: docs, INDEX_DIR: path.join(tempDir(), 'index'), MODEL_ID: 'none', ...env });
  return openCollection(config, { log: silentLogger, loadModel: noModel });
}

describe('README Limits', () => {
  let seeds: Collection;
  beforeAll(async () => {
    seeds = await open(copyOfSeeds());
  });

  it('formats: UTF-8 text, the text layer of PDFs (no OCR), DOCX, HTML; an old .doc is not read', async () => {
    const docs = copyOfSeeds();
    fs.copyFileSync(path.join(import.meta.dirname, 'fixtures', 'formats', 'scanned.pdf'), path.join(docs, 'scan.pdf'));
    fs.writeFileSync(path.join(docs, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    fs.writeFileSync(path.join(docs, 'utf16.txt'), Buffer.from('\uFEFFأستانا', 'utf16le'));
    const collection = await open(docs);
    const sources = collection.documents().map((d) => d.source);
    expect(sources.some((s) => s === 'scan.pdf' || s === 'old.doc')).toBe(false);
    expect(collection.status().skipped.map((s) => [s.source, s.reason])).toEqual([
      ['scan.pdf', 'no text layer: needs OCR (2 pages of images only)'],
      ['utf16.txt', 'UTF-16 encoded; re-save it as UTF-8'],
    ]);
  });

  it('without the model and without the dictionary, an English question over the Arabic seeds is not answered', async () => {
    const noDictionary = await open(copyOfSeeds(), { DICT_DIR: tempDir() });
    const answer = await noDictionary.ask('Who heads the Syrian government delegation?');
    expect(answer.mode).toBe('lexical');
    expect(answer.answered).toBe(false);
    expect(answer.notice).toMatch(/dict-freedict-eng-ara/);
  });

  it('lexical abstention is a coverage heuristic: an absent fact that shares the collection\'s names can still be "answered"', async () => {
    const answer = await seeds.ask('من هو رئيس تركيا الحالي؟');
    expect(answer.answered).toBe(true);
    expect(answer.results.map((r) => r.text).join(' ')).not.toMatch(/رئيس تركيا/);
  });

  it('results keep the ranker\'s order: a later result can show a higher confidence than an earlier one', async () => {
    const answer = await seeds.ask('من يرأس وفد النظام السوري؟');
    const confidences = answer.results.map((r) => r.confidence);
    expect(confidences.some((c, i) => i > 0 && c > confidences[i - 1]!)).toBe(true);
  });

  it('a question sharing one word with the collection can still be answered when its other word has a close form there', async () => {
    // #1 is an "Agence France-Presse" credit: it holds no عملة (currency), only الفرنسية, which meets فرنسا
    // twice (the derived leg, and the loose features' shared opening letters فرنس).
    const answer = await seeds.ask('ما عملة فرنسا؟');
    expect(answer.answered).toBe(true);
    expect(confidenceLevel(answer.confidence)).toBe('low');
    expect(answer.results[0]!.text).not.toMatch(/فرنسا/);
  });

  it('a two-word off-topic question whose one known word is rare in the collection is answered, with low confidence', async () => {
    // بكرا (tomorrow) is read as غدا, which one seed passage holds; الطقس (the weather) is in no seed.
    const answer = await seeds.ask('شو الطقس بكرا؟');
    expect(answer.answered).toBe(true);
    expect(confidenceLevel(answer.confidence)).toBe('low');
    expect(answer.results[0]!.text).toMatch(/غدا/);
  });

  it('a two-word off-topic question whose both words stand in one passage about something else is answered', async () => {
    // The seeds' first line says عاصمة كازاخستان (Kazakhstan's capital) and names روسيا (Russia) a few words on.
    const answer = await seeds.ask('عاصمة روسيا؟');
    expect(answer.answered).toBe(true);
    expect(answer.results[0]!.text).toMatch(/عاصمة كازاخستان/);
    expect(answer.results[0]!.text).toMatch(/روسيا/);
  });

  it.skipIf(!fs.existsSync(path.join(DEFAULT_DICT_DIR, `${ENG_ARA}.index`)))(
    'with the dictionary, English is weaker than Arabic: FreeDict gives one translation per word, sometimes in another sense',
    () => {
      const dictionary = englishArabicDictionary(DEFAULT_DICT_DIR)!;
      expect(dictionary.translations('season')).toEqual(['الفصل']); // the season of the year, never موسم (a sports season)
      expect(dictionary.translations('tackle')).toEqual(['الأدوات']); // gear, not the football tackle
    },
  );

  it('the shipped weights were fitted without a model: the dense leg\'s features carry weight 0', () => {
    const weights = shippedWeights();
    for (const feature of ['dense', 'denseRank']) {
      expect(weights.ranker[feature] ?? 0, feature).toBe(0);
      expect(weights.answerable.weights[feature] ?? 0, feature).toBe(0);
    }
  });

  it('Verify quote: a swapped name whose two readings score alike is shown as a dropped stretch, not as the swap', async () => {
    const [result] = await seeds.verifyQuotes('يقود وفد المعارضة العسكرية السورية بشار الجعفري');
    expect(result!.verdict).toBe('altered');
    // The span runs on to the other delegation's head, instead of stopping at محمد علوش.
    expect(result!.match!.text).toContain('محمد علوش');
    expect(result!.match!.text).toContain('بينما يرأس وفد النظام السوري');
    expect(result!.changes.some((c) => c.op === 'replace' && c.kind === 'name')).toBe(false);
  });
});
