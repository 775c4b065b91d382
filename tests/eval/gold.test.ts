import { describe, expect, it } from 'vitest';
import { isIsnadError } from '../../src/errors.js';
import { parseGold, readGoldFile } from '../../src/eval/gold.js';

function errorOf(fn: () => unknown): { code: string; message: string; line?: unknown } {
  try {
    fn();
  } catch (error) {
    if (!isIsnadError(error)) throw error;
    return { code: error.code, message: error.message, line: error.details.line };
  }
  throw new Error('expected an error');
}

describe('parseGold', () => {
  it('reads valid lines, defaults lang to ar, skips blank lines, keeps line numbers', () => {
    const text = [
      '{"id":"a","q":"سؤال","gold":[["001","نص"]]}',
      '',
      '{"id":"b","q":"Question?","lang":"en","gold":[["002","x"],["003","y"]]}',
      '{"id":"c","q":"لا جواب","gold":[]}',
    ].join('\n');
    const questions = parseGold(text);
    expect(questions.map((q) => [q.id, q.lang, q.gold.length, q.line])).toEqual([
      ['a', 'ar', 1, 1],
      ['b', 'en', 2, 3],
      ['c', 'ar', 0, 4],
    ]);
    expect(questions[1]!.gold[1]).toEqual(['003', 'y']);
  });

  it('keeps any other string field as a tag (e.g. the dialect of a question)', () => {
    const [q] = parseGold('{"id":"a","q":"شو صار؟","dialect":"levantine","n":3,"gold":[]}');
    expect(q!.tags).toEqual({ dialect: 'levantine' });
  });

  it('accepts CRLF line ends and a BOM', () => {
    expect(parseGold('\uFEFF{"id":"a","q":"q","gold":[]}\r\n{"id":"b","q":"q","gold":[]}\r\n')).toHaveLength(2);
  });

  it.each([
    ['{"id":"a","q":"q","gold":[]', 'not valid JSON'],
    ['[1,2]', 'not a JSON object'],
    ['{"q":"q","gold":[]}', '"id"'],
    ['{"id":"a","gold":[]}', '"q"'],
    ['{"id":"a","q":"q"}', '"gold" must be an array'],
    ['{"id":"a","q":"q","gold":[["001"]]}', 'gold[0] must be a pair'],
    ['{"id":"a","q":"q","gold":[["001",""]]}', 'gold[0] has an empty'],
    ['{"id":"a","q":"q","lang":"Arabic","gold":[]}', '"lang"'],
  ])('rejects %s naming line 2 and the problem', (bad, what) => {
    const text = `{"id":"ok","q":"q","gold":[]}\n${bad}\n{"id":"z","q":"q","gold":[]}`;
    const error = errorOf(() => parseGold(text, 'gold.jsonl'));
    expect(error.code).toBe('EVAL_GOLD_INVALID');
    expect(error.line).toBe(2);
    expect(error.message).toContain('gold.jsonl:2:');
    expect(error.message).toContain(what);
  });

  it('rejects a duplicate id, naming both lines', () => {
    const error = errorOf(() => parseGold('{"id":"a","q":"q","gold":[]}\n{"id":"a","q":"r","gold":[]}'));
    expect(error.message).toMatch(/:2: duplicate id "a" \(first on line 1\)/);
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseGold('\n\n')).code).toBe('EVAL_GOLD_INVALID');
  });

  it('parses the project dev set', async () => {
    const questions = await readGoldFile('eval/dev.jsonl');
    expect(questions.length).toBeGreaterThan(20);
    expect(questions.some((q) => q.gold.length === 0)).toBe(true);
    expect(questions.some((q) => q.lang === 'en')).toBe(true);
  });

  it('a missing file is EVAL_GOLD_INVALID too', async () => {
    await expect(readGoldFile('eval/nope.jsonl')).rejects.toMatchObject({ code: 'EVAL_GOLD_INVALID' });
  });
});
