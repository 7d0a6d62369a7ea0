import { requireDistinctList, requireInstant, requireNonNegativeInteger, requireOneOf, requirePositiveInteger, requireText } from './field-rules';
import { refusalOf } from '@dw/testing';

describe('field rules shared by every service', () => {
  it('takes text trimmed, and refuses a missing or blank one as FIELD_REQUIRED naming the field', () => {
    expect(requireText('  恒达钢铁 ', 'holderName')).toBe('恒达钢铁');
    for (const blank of ['', '   ', '\t', undefined, null]) {
      expect(refusalOf(() => requireText(blank, 'holderName'))).toMatchObject({ code: 'FIELD_REQUIRED', field: 'holderName', kind: 'invalid' });
    }
  });

  it('takes whole numbers above 0 (or from 0) and refuses fractions, negatives and unsafe integers', () => {
    expect(requirePositiveInteger(6_000, 'kg')).toBe(6_000);
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 53]) expect(refusalOf(() => requirePositiveInteger(bad, 'kg')).code).toBe('POSITIVE_INTEGER_REQUIRED');
    expect(requireNonNegativeInteger(0, 'pieces')).toBe(0);
    for (const bad of [-1, 0.5]) expect(refusalOf(() => requireNonNegativeInteger(bad, 'pieces')).code).toBe('NON_NEGATIVE_INTEGER_REQUIRED');
  });

  it('takes one of the allowed values and names them when refusing', () => {
    expect(requireOneOf('rail', ['rail', 'truck'] as const, 'arrivalMode')).toBe('rail');
    expect(refusalOf(() => requireOneOf('plane', ['rail', 'truck'] as const, 'arrivalMode'))).toMatchObject({
      code: 'VALUE_NOT_ALLOWED',
      details: { allowed: ['rail', 'truck'] },
    });
  });

  it('takes a list with at least one entry and no repeats', () => {
    expect(requireDistinctList(['B1', 'B2'], 'barcodes')).toEqual(['B1', 'B2']);
    expect(refusalOf(() => requireDistinctList([], 'barcodes')).code).toBe('LIST_EMPTY');
    expect(refusalOf(() => requireDistinctList(['B1', 'B1'], 'barcodes'))).toMatchObject({ code: 'LIST_HAS_REPEATS', details: { repeated: 'B1' } });
  });

  it('takes ISO-8601 instants with a zone and refuses any without one or with impossible fields as INVALID_INSTANT', () => {
    expect(requireInstant('2026-03-01T10:00:00+08:00', 'at')).toBe('2026-03-01T10:00:00+08:00');
    for (const bad of ['2026-03-01', '2026-03-01T10:00:00', 'yesterday', '2026-03-01T25:00:00Z', 42]) {
      expect(refusalOf(() => requireInstant(bad, 'at'))).toMatchObject({ code: 'INVALID_INSTANT', field: 'at' });
    }
  });
});
