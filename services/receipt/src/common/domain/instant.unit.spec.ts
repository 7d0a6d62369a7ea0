import { assertInstant, businessDateOf } from './instant';
import { refusalOf } from './refusal.spec-helper';

describe('command instants', () => {
  it('takes the Shanghai business date of an instant (UTC+8)', () => {
    expect(businessDateOf('2026-03-01T16:30:00Z')).toBe('2026-03-02'); // 00:30 on the 2nd in Shanghai
    expect(businessDateOf('2026-03-01T15:59:59Z')).toBe('2026-03-01'); // 23:59:59 on the 1st
    expect(businessDateOf('2026-03-02T00:10:00+08:00')).toBe('2026-03-02');
  });

  it('refuses instants without a zone or with impossible fields', () => {
    for (const bad of ['2026-03-01', '2026-03-01T10:00:00', 'yesterday', '2026-03-01T25:00:00Z', 42]) {
      const error = refusalOf(() => assertInstant(bad, 'at'));
      expect([error.code, error.field]).toEqual(['INVALID_INSTANT', 'at']);
    }
    expect(assertInstant('2026-03-01T10:00:00+08:00', 'at').toISOString()).toBe('2026-03-01T02:00:00.000Z');
  });
});
