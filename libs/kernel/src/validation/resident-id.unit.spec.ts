import { refusalOf } from '@dw/testing';
import { requireResidentId, residentIdCheckCharacter } from './resident-id';

describe('a resident ID number (GB 11643)', () => {
  it('computes the check character of 11010519491231002X by hand: weighted sum 167, 167 mod 11 = 2, character X', () => {
    // digits  1 1  0 1 0 5 1 9 4 9 1 2  3 1 0 0 2
    // weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // products 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 = 15 × 11 + 2; "10X98765432"[2] = X
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(requireResidentId('11010519491231002X', 'collector.residentId')).toBe('11010519491231002X');
  });

  it('computes a digit check character too: 44030419800101001 sums to 170, 170 mod 11 = 5, character 7; any other last character is refused', () => {
    // digits  4 4  0 3 0 4 1 9 8 0 0 1  0 1 0 0 1
    // weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // products 28+36+0+15+0+16+2+9+48+0+0+9+0+5+0+0+2 = 170; 170 = 15 × 11 + 5; "10X98765432"[5] = 7
    expect(residentIdCheckCharacter('44030419800101001')).toBe('7');
    expect(requireResidentId('440304198001010017', 'id')).toBe('440304198001010017');
    expect(refusalOf(() => requireResidentId('440304198001010018', 'id'))).toMatchObject({ code: 'RESIDENT_ID_INVALID', details: { reason: 'check_digit' } });
  });

  it('takes a lower-case x as X, and refuses a wrong length, letters, or a birth date that is no day', () => {
    expect(requireResidentId(' 11010519491231002x ', 'id')).toBe('11010519491231002X');
    for (const [value, reason] of [
      ['1101051949123100', 'format'],
      ['11010519491231002XX', 'format'],
      ['1101051949123100AX', 'format'],
      // 1949-02-30 does not exist.
      ['110105194902300023', 'birth_date'],
    ] as const) {
      expect(refusalOf(() => requireResidentId(value, 'collector.residentId'))).toMatchObject({
        code: 'RESIDENT_ID_INVALID',
        field: 'collector.residentId',
        details: { reason },
      });
    }
  });
});
