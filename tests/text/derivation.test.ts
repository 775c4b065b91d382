import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/text/analyze.js';
import { isSuffixDerivation } from '../../src/text/derivation.js';

/** The analyzed term of a single written word. */
function term(word: string): string {
  const [t] = analyze(word);
  return t!;
}

describe('suffix derivations', () => {
  it('links a country to its adjective, either way round', () => {
    expect(isSuffixDerivation(term('فرنسا'), term('الفرنسية'))).toBe(true);
    expect(isSuffixDerivation(term('السوري'), term('سوريا'))).toBe(true);
    expect(isSuffixDerivation(term('الفرنسيين'), term('فرنسا'))).toBe(true);
  });

  it('links a noun to its adverb (the accusative ending)', () => {
    expect(isSuffixDerivation(term('أخيرا'), term('الأخير'))).toBe(true);
  });

  it('does not call two spellings of one name a derivation', () => {
    expect(isSuffixDerivation(term('نزاربايف'), term('نزارباييف'))).toBe(false);
    expect(isSuffixDerivation(term('لافرنتييف'), term('لافرينتييف'))).toBe(false);
    expect(isSuffixDerivation('لوكال', 'وكال')).toBe(false); // a prefix, not an ending
  });

  it('does not call other endings or too short a base a derivation', () => {
    expect(isSuffixDerivation('ترنيم', 'ترنيمت')).toBe(false);
    expect(isSuffixDerivation('سو', 'سوا')).toBe(false);
    expect(isSuffixDerivation('فرنسا', 'فرنسا')).toBe(false);
  });
});
