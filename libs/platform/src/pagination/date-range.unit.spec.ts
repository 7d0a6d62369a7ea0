import { shanghaiDateRange } from './date-range';

describe('shanghaiDateRange', () => {
  it('turns inclusive Shanghai dates into a half-open UTC range', () => {
    // 2025-03-04 00:00 in Shanghai (UTC+8) is 2025-03-03 16:00 UTC; the 5th ends at 2025-03-05 16:00 UTC.
    expect(shanghaiDateRange('2025-03-04', '2025-03-05')).toEqual({ from: new Date('2025-03-03T16:00:00Z'), to: new Date('2025-03-05T16:00:00Z') });
    expect(shanghaiDateRange(undefined, undefined)).toEqual({ from: null, to: null });
  });

  it('refuses an invalid date with INVALID_DATE and the filter it came from', () => {
    expect(() => shanghaiDateRange('2025-13-01', undefined)).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'from' }));
    expect(() => shanghaiDateRange(undefined, '2025-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'to' }));
  });
});
