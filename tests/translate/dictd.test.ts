import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isIsnadError } from '../../src/errors.js';
import { decodeDictdNumber, DictdDictionary, encodeDictdNumber, parseEntry } from '../../src/translate/dictd.js';
import { lemmaCandidates } from '../../src/translate/lemma.js';
import { transliterate } from '../../src/translate/transliterate.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = path.resolve('tests/fixtures/dict');

test('dictd numbers round-trip through its base64', () => {
  fc.assert(fc.property(fc.nat(2 ** 40), (n) => decodeDictdNumber(encodeDictdNumber(n)) === n));
  expect(decodeDictdNumber('B')).toBe(1);
  expect(decodeDictdNumber('BA')).toBe(64);
});

test('the fixture dictionary (made by scripts/make-fixture-dictionary.ts) reads like FreeDict: senses in order, case-insensitive, phrases', () => {
  const dict = DictdDictionary.open(FIXTURE)!;
  expect(dict.translations('Faction')).toEqual(['الفصيل', 'الفئة']);
  expect(dict.translations('united nations')).toEqual(['الأمم المتحدة']);
  expect(dict.has('nonexistent')).toBe(false);
  expect(dict.translations('nonexistent')).toEqual([]);
});

test('FreeDict entries: phonetics line dropped, numbering and " - " glosses removed', () => {
  expect(parseEntry('A-bomb /ɐ bˈɒm/\n1. القنبلة النووية\n2. القنبلة الذرية\n')).toEqual(['القنبلة النووية', 'القنبلة الذرية']);
  expect(parseEntry('A /ˈeɪ/\nآي - الحرف الأول في اللغة الإنجليزية\n')).toEqual(['آي']);
});

test('no dictionary in the folder → null; a broken one → DICTIONARY_INVALID naming the file', () => {
  expect(DictdDictionary.open(tempDir())).toBeNull();
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'freedict-eng-ara.index'), 'word\tA\tZZZZ\n');
  fs.writeFileSync(path.join(dir, 'freedict-eng-ara.dict.dz'), zlib.gzipSync(Buffer.from('word\nكلمة\n')));
  try {
    DictdDictionary.open(dir);
    expect.unreachable();
  } catch (error) {
    expect(isIsnadError(error, 'DICTIONARY_INVALID')).toBe(true);
    expect((error as Error).message).toContain('freedict-eng-ara.index line 1');
  }
  fs.writeFileSync(path.join(dir, 'freedict-eng-ara.dict.dz'), 'not gzip');
  expect(() => DictdDictionary.open(dir)).toThrow(/not a dictzip\/gzip file/);
});

test('English lemmas: plurals, verb endings and irregular past forms', () => {
  expect(lemmaCandidates('factions')).toContain('faction');
  expect(lemmaCandidates('countries')).toContain('country');
  expect(lemmaCandidates('stopped')).toContain('stop');
  expect(lemmaCandidates('announced')).toContain('announce');
  expect(lemmaCandidates('lost')).toContain('lose');
  expect(lemmaCandidates("Luther's")[0]).toBe('luther');
});

test('English words named like object properties are words, not properties', () => {
  // "constructor" once returned Object's constructor function as a lemma, and the translation broke on it.
  for (const word of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
    expect(lemmaCandidates(word).every((form) => typeof form === 'string')).toBe(true);
  }
});

test('transliteration follows the rules Arabic news uses for foreign names', () => {
  expect(transliterate('Warsaw')[0]).toBe('وارساو');
  expect(transliterate('Lavrentiev')[0]).toBe('لافرينتيف');
  expect(transliterate('Sheffield')[0]).toMatch(/^ش/);
  expect(transliterate('Putin')[0]).toBe('بوتين');
  expect(transliterate('Chelsea')).toContain('تشيلسيا');
  expect(transliterate('2015')).toEqual([]);
});
