import fc from 'fast-check';
import { levenshtein, normaliseName } from './commodity-name';

describe('normaliseName', () => {
  it('folds full-width to half-width, case and whitespace', () => {
    // U+3000 ideographic space and full-width letters/digits as typed on a Chinese keyboard
    expect(normaliseName('螺纹钢　ＨＲＢ４００Ｅ  Φ２０')).toBe('螺纹钢hrb400eφ20');
    expect(normaliseName(' 螺纹钢 HRB400E Φ20 ')).toBe('螺纹钢hrb400eφ20');
    expect(normaliseName('（一级）')).toBe('(一级)');
  });
});

describe('levenshtein', () => {
  it.each([
    // the textbook example: k→s, e→i, insert g
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', 'abc', 0],
    // no character in common: 2 substitutions + 1 deletion, one edit per Chinese character
    ['螺纹钢', '线材', 3],
    // '400e' → '335': no common characters, so max(4, 3) = 4 edits
    ['螺纹钢hrb400e', '螺纹钢hrb335', 4],
    // one substitution in the diameter
    ['螺纹钢hrb400eφ22沙钢', '螺纹钢hrb400eφ20沙钢', 1],
  ])('%s → %s is %i edits', (a, b, distance) => {
    expect(levenshtein(a, b)).toBe(distance);
  });

  it('is a metric bounded by the longer length', () => {
    const text = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', '钢', '材') });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const ab = levenshtein(a, b);
        expect(ab).toBe(levenshtein(b, a));
        expect(levenshtein(a, a)).toBe(0);
        expect(ab === 0).toBe(a === b);
        expect(ab).toBeLessThanOrEqual(levenshtein(a, c) + levenshtein(c, b));
        expect(ab).toBeLessThanOrEqual(Math.max(Array.from(a).length, Array.from(b).length));
        expect(ab).toBeGreaterThanOrEqual(Math.abs(Array.from(a).length - Array.from(b).length));
      }),
    );
  });
});
