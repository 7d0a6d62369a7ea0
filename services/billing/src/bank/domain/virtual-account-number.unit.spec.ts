import { isWellFormedVirtualAccount, luhnCheckDigit, virtualAccountNumberOf } from './virtual-account-number';

describe('virtual account numbers', () => {
  it('numbers the n-th account at a bank 88 + nine-digit sequence + Luhn check digit', () => {
    // Sequence 1: payload 88000000001. Luhn from the right, doubling the 1st, 3rd, … digit:
    // 1→2, 0, 0→0, 0, 0, 0, 0, 0, 0, 8, 8→16→7: sum 2 + 8 + 7 = 17; (10 − 7) mod 10 = 3.
    expect(virtualAccountNumberOf(1)).toBe('880000000013');
    // Sequence 42: payload 88000000042: 2→4, 4, 0…, 8, 8→7: sum 4 + 4 + 8 + 7 = 23 → check 7.
    expect(virtualAccountNumberOf(42)).toBe('880000000427');
    expect(luhnCheckDigit('7992739871')).toBe(3); // the textbook Luhn example: 79927398713
  });

  it('checks the format and the check digit, so a mistyped or swapped digit is caught', () => {
    expect(isWellFormedVirtualAccount('880000000013')).toBe(true);
    expect(isWellFormedVirtualAccount('880000000014')).toBe(false); // wrong check digit
    expect(isWellFormedVirtualAccount('880000000103')).toBe(false); // neighbours 1 and 0 swapped
    expect(isWellFormedVirtualAccount('770000000013')).toBe(false); // not the warehouse’s range
    expect(isWellFormedVirtualAccount('88000000013')).toBe(false); // a digit short
    expect(() => virtualAccountNumberOf(0)).toThrow(RangeError);
  });
});
