/** English questions over the Arabic seeds, no model: the fixture dictionary, names, mixed questions, and life without it. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { DEFAULT_DICT_DIR, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { openCollection } from '../../src/open-collection.js';
import { ENG_ARA } from '../../src/translate/dictd.js';
import { formatAnswer } from '../../src/cli/format-terminal.js';
import { collectingLogger } from '../helpers/collecting-logger.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = path.resolve('tests/fixtures/dict');

async function seeds(dictDir: string) {
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: tempDir('isnad-index-'), MODEL_ID: 'none', DICT_DIR: dictDir });
  return openCollection(config, { log: createLogger('silent') });
}

const texts = (passages: Array<{ text: string }>) => passages.map((p) => p.text).join('\n');

test('an English question is answered with the Arabic passage, quoted exactly, with its citation', async () => {
  const collection = await seeds(FIXTURE);
  const answer = await collection.ask('What did the armed factions threaten if talks fail?', { top: 3 });
  expect(answer.answered).toBe(true);
  expect(texts(answer.results)).toContain('ستستأنف القتال إذا فشلت المفاوضات');
  const source = fs.readFileSync(path.join('seeds', answer.results[0]!.source), 'utf8');
  for (const r of answer.results) expect(fs.readFileSync(path.join('seeds', r.source), 'utf8').slice(r.start, r.end)).toBe(r.text);
  expect(source.length).toBeGreaterThan(0);
  expect(answer.notice).toBeUndefined();
  expect(collection.status().english).toEqual({ dictionary: path.join(FIXTURE, `${ENG_ARA}.index`), hint: null });
});

test('a name the dictionary does not know is transliterated and found as the collection spells it', async () => {
  const collection = await seeds(FIXTURE);
  const answer = await collection.ask('Lavrentiev', { top: 3 });
  expect(answer.answered).toBe(true);
  expect(texts(answer.results)).toMatch(/لافرينتي?يف/);
});

test('a mixed Arabic question with English words uses both: the English phrase finds the passage', async () => {
  const collection = await seeds(FIXTURE);
  const without = await seeds(tempDir('isnad-nodict-'));
  const question = 'ما دور the United Nations في تعزيز وقف إطلاق النار؟';
  const mixed = await collection.ask(question, { top: 3 });
  expect(mixed.answered).toBe(true);
  expect(mixed.results[0]!.text).toContain('الأمم المتحدة');
  expect(mixed.results[0]!.text).toContain('تعزيز وقف إطلاق النار');
  // Without the dictionary the Arabic words alone still answer (as today), but rank another passage first.
  const arabicOnly = await without.ask(question, { top: 3 });
  expect(arabicOnly.answered).toBe(true);
  expect(arabicOnly.results[0]!.text).not.toContain('الأمم المتحدة');
});

test('an English question about something the collection lacks is refused, as an Arabic one is', async () => {
  const collection = await seeds(FIXTURE);
  const answer = await collection.ask('What is the recipe for chocolate cake?');
  expect(answer.answered).toBe(false);
  expect(answer.results).toEqual([]);
});

test('without the dictionary: Arabic works as before, English says once how to get support', async () => {
  const withDict = await seeds(FIXTURE);
  const without = await seeds(tempDir('isnad-nodict-'));
  const arabic = 'من يرأس وفد النظام السوري؟';
  expect((await without.ask(arabic)).results.map((r) => r.id)).toEqual((await withDict.ask(arabic)).results.map((r) => r.id));

  const first = await without.ask('What did the armed factions threaten if talks fail?');
  expect(first.answered).toBe(false);
  expect(first.notice).toContain('dict-freedict-eng-ara');
  expect(formatAnswer(first, { color: false })).toContain('DICT_DIR');
  const second = await without.ask('Who heads the Turkish delegation?');
  expect(second.notice).toBeUndefined();
  expect(without.status().english.dictionary).toBeNull();
  expect(without.status().english.hint).toContain('apt-get install dict-freedict-eng-ara');
});

test('without the dictionary, a question in Arabizi is no English question: answered in Arabic, with no notice', async () => {
  const without = await seeds(tempDir('isnad-nodict-'));
  const answer = await without.ask('meen elly by2ood wafd el mo3arda el 3askareya?');
  expect(answer.answered).toBe(true);
  expect(answer.results[0]!.text).toContain('محمد علوش');
  expect(answer.notice).toBeUndefined();
});

test('an unreadable dictionary is said once in the log, and English is answered as without one', async () => {
  const broken = tempDir('isnad-baddict-');
  fs.writeFileSync(path.join(broken, `${ENG_ARA}.index`), 'word\tA\tZZZZ\n');
  fs.writeFileSync(path.join(broken, `${ENG_ARA}.dict.dz`), 'not gzip');
  const log = collectingLogger();
  const config = loadConfig({ DOCS_DIR: 'seeds', INDEX_DIR: tempDir('isnad-index-'), MODEL_ID: 'none', DICT_DIR: broken });
  const collection = await openCollection(config, { log });
  expect((await collection.ask('من يرأس وفد النظام السوري؟')).answered).toBe(true);
  const english = await collection.ask('What did the armed factions threaten if talks fail?');
  expect(english.answered).toBe(false);
  expect(english.notice).toContain('dict-freedict-eng-ara');
  await collection.ask('Who heads the Turkish delegation?');
  expect(collection.status().english.dictionary).toBeNull();
  const warnings = log.at('warn').filter((l) => l.message.includes('English questions are answered without it'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0]!.message).toContain(`${ENG_ARA}.index`);
});

const realDictionary = fs.existsSync(path.join(DEFAULT_DICT_DIR, `${ENG_ARA}.index`));

test.skipIf(!realDictionary)(
  `real FreeDict dictionary (${DEFAULT_DICT_DIR}; skipped when absent: apt-get install dict-freedict-eng-ara)`,
  async () => {
    const collection = await seeds(DEFAULT_DICT_DIR);
    const turkish = await collection.ask('Who heads the Turkish delegation?', { top: 5 });
    expect(turkish.answered).toBe(true);
    expect(texts(turkish.results)).toContain('سيمثل وفد تركيا نائب وزير الخارجية سيدات أونال');
    const armed = await collection.ask('What did the armed factions threaten if talks fail?', { top: 5 });
    expect(texts(armed.results)).toContain('ستستأنف القتال إذا فشلت المفاوضات');
  },
);
