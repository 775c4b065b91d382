import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PassageSearch } from '../../src/retrieve/passage-search.js';
import { normalize } from '../../src/text/normalize.js';
import type { Passage } from '../../src/types.js';

const passage = (i: number, text: string): Passage => ({ id: `p${String(i).padStart(5, '0')}`, source: 'a.txt', start: 0, end: text.length, line: 1, text });
const naive = (passages: Passage[], query: string, limit: number) => {
  const q = query.trim().toLowerCase();
  if (q === '') return passages.slice(0, limit);
  const byId = passages.filter((p) => p.id.startsWith(q));
  const needle = normalize(q).replace(/\s+/g, ' ');
  const byText = passages.filter((p) => !p.id.startsWith(q) && normalize(p.text).replace(/\s+/g, ' ').includes(needle));
  return [...byId, ...byText].slice(0, limit);
};

describe('PassageSearch', () => {
  test('once prepared, finds exactly what a full scan finds, ids first, in index order', async () => {
    const words = ['وفد', 'النظام', 'أستانا', 'الجعفري', 'جنيف', 'p0', 'Astana', 'مُفاوضات', 'مفاوضات', '  '];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(' ')), { maxLength: 60 }),
        fc.constantFrom(...words, 'p00', 'وفد النظام', 'مفاوضات'),
        fc.integer({ min: 1, max: 25 }),
        async (texts, query, limit) => {
          const passages = texts.map((t, i) => passage(i, t));
          const search = new PassageSearch(passages);
          await search.prepare();
          expect(search.search(query, limit)).toEqual(naive(passages, query, limit));
        },
      ),
      { numRuns: 200, seed: 10 },
    );
  });

  test('unprepared, a keystroke scans a bounded amount of text; preparing makes the rest searchable', async () => {
    const filler = 'نص عادي '.repeat(125); // 1,000 characters
    const passages = Array.from({ length: 1_000 }, (_, i) => passage(i, i === 999 ? `${filler} كلمةنادرة` : filler));
    const search = new PassageSearch(passages);
    expect(search.search('كلمةنادرة', 5)).toEqual([]); // past the per-keystroke budget
    expect(search.search('p00999', 5).map((p) => p.id)).toEqual(['p00999']); // ids are always searched in full
    await search.prepare();
    expect(search.complete).toBe(true);
    expect(search.search('كلمةنادرة', 5).map((p) => p.id)).toEqual(['p00999']);
  });

  test('preparing yields to the event loop between slices', async () => {
    const passages = Array.from({ length: 2_000 }, (_, i) => passage(i, 'نص '.repeat(300)));
    const search = new PassageSearch(passages);
    const order: string[] = [];
    const ready = search.prepare().then(() => order.push('prepared'));
    setImmediate(() => order.push(`other work (complete: ${search.complete})`));
    await ready;
    expect(order[0]).toBe('other work (complete: false)');
  });
});
