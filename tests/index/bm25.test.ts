import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../src/index/bm25.js';
import { Bm25Builder } from '../../src/index/bm25-builder.js';
import { tempDir } from '../helpers/temp.js';

const docs = [
  ['وفد', 'نظام', 'جعفري'],
  ['وفد', 'معارض', 'علوش'],
  ['مناطق', 'امن', 'تصعيد', 'تصعيد'],
  ['وفد', 'وفد', 'وفد', 'روسيا'],
];

describe('Bm25Index', () => {
  const builder = new Bm25Builder();
  for (const terms of docs) builder.add(terms);
  const index = builder.finish();

  it('ranks the passage that has the rare terms first', () => {
    expect(index.search(['وفد', 'جعفري'], 3)[0]!.row).toBe(0);
    expect(index.search(['تصعيد'], 3).map((h) => h.row)).toEqual([2]);
  });

  it('reports the share of the question it covers, counting unknown words against it', () => {
    const [hit] = index.search(['جعفري', 'برميل'], 1);
    expect(hit!.row).toBe(0);
    expect(hit!.coverage).toBeGreaterThan(0.3);
    expect(hit!.coverage).toBeLessThan(0.7);
    expect(index.search(['جعفري'], 1)[0]!.coverage).toBeCloseTo(1);
    expect(index.search(['برميل'], 3)).toEqual([]);
  });

  it('returns the same results after a save/load round trip', async () => {
    const copy = Bm25Index.deserialize(index.serialize());
    expect(copy.search(['وفد', 'علوش'], 4)).toEqual(index.search(['وفد', 'علوش'], 4));
    const dir = tempDir();
    await index.save(dir);
    expect((await Bm25Index.load(dir)).search(['وفد', 'علوش'], 4)).toEqual(index.search(['وفد', 'علوش'], 4));
  });

  it('refuses a truncated file with INDEX_CORRUPT', () => {
    const { header, binary } = index.serialize();
    expect(() => Bm25Index.deserialize({ header, binary: binary.subarray(0, binary.length - 3) }, 'lexical.bin')).toThrow(/lexical\.bin/);
  });
});
