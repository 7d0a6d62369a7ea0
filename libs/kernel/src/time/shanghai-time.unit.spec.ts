import fc from 'fast-check';
import {
  SHANGHAI_UTC_OFFSET_MINUTES,
  endOfShanghaiDay,
  isBeforeShanghaiDeadline,
  isBeforeShanghaiTimeOfDay,
  shanghaiDateOf,
  shanghaiInstant,
  shanghaiMonthOf,
  startOfShanghaiDay,
} from './shanghai-time';

const at = (iso: string) => new Date(iso);

describe('Shanghai time (UTC+8, no DST since 1991)', () => {
  it('is eight hours ahead of UTC', () => {
    expect(SHANGHAI_UTC_OFFSET_MINUTES).toBe(480);
  });

  describe('shanghaiDateOf around midnight in Shanghai (16:00 UTC)', () => {
    it.each([
      ['2026-03-01T15:59:59.999Z', '2026-03-01'], // 23:59:59.999 in Shanghai
      ['2026-03-01T16:00:00.000Z', '2026-03-02'], // 00:00 in Shanghai
      ['2026-03-01T16:30:00Z', '2026-03-02'], // 00:30 in Shanghai: already the next business date
      ['2026-03-02T00:00:00Z', '2026-03-02'], // 08:00 in Shanghai
      ['2025-12-31T16:00:00Z', '2026-01-01'], // New Year arrives in Shanghai while it is still 2025 in UTC
      ['2024-02-28T16:00:00Z', '2024-02-29'], // leap day
    ])('%s is %s in Shanghai', (iso, date) => {
      expect(shanghaiDateOf(at(iso))).toBe(date);
    });
  });

  it('gives the Shanghai month, which can differ from the UTC month', () => {
    expect(shanghaiMonthOf(at('2026-01-31T15:59:59Z'))).toBe('2026-01'); // 23:59:59 Jan 31 in Shanghai
    expect(shanghaiMonthOf(at('2026-01-31T16:00:00Z'))).toBe('2026-02'); // 00:00 Feb 1 in Shanghai
    expect(shanghaiMonthOf(at('2025-12-31T17:00:00Z'))).toBe('2026-01');
  });

  it('turns a Shanghai wall time into the UTC instant', () => {
    // 14:00 in Shanghai is 14 - 8 = 06:00 UTC on the same date.
    expect(shanghaiInstant('2026-03-02', '14:00').toISOString()).toBe('2026-03-02T06:00:00.000Z');
    // 00:00 in Shanghai is 16:00 UTC the day before; 07:59 is 23:59 UTC the day before.
    expect(shanghaiInstant('2026-03-02', '00:00').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(shanghaiInstant('2026-03-01', '07:59').toISOString()).toBe('2026-02-28T23:59:00.000Z');
    expect(shanghaiInstant('2026-03-02', '23:59').toISOString()).toBe('2026-03-02T15:59:00.000Z');
  });

  it('bounds a Shanghai day half-open: [start, end)', () => {
    expect(startOfShanghaiDay('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-03-02').toISOString()).toBe('2026-03-02T16:00:00.000Z');
    // The end instant belongs to the next day; one millisecond before it to this one.
    expect(shanghaiDateOf(endOfShanghaiDay('2026-03-02'))).toBe('2026-03-03');
    expect(shanghaiDateOf(new Date(endOfShanghaiDay('2026-03-02').getTime() - 1))).toBe('2026-03-02');
    // Across a month end: Feb 28 2026 ends at Mar 1 00:00 Shanghai = Feb 28 16:00 UTC.
    expect(endOfShanghaiDay('2026-02-28').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });

  describe('deadlines', () => {
    it('EFP: an application must arrive before 14:00 Shanghai on the trading day (003)', () => {
      // 14:00 Shanghai on 2026-03-02 = 06:00 UTC.
      expect(isBeforeShanghaiDeadline(at('2026-03-02T05:59:59.999Z'), '2026-03-02', '14:00')).toBe(true);
      expect(isBeforeShanghaiDeadline(at('2026-03-02T06:00:00.000Z'), '2026-03-02', '14:00')).toBe(false);
      // 23:00 UTC on Mar 1 is 07:00 Mar 2 in Shanghai: in time for that day's 14:00.
      expect(isBeforeShanghaiDeadline(at('2026-03-01T23:00:00Z'), '2026-03-02', '14:00')).toBe(true);
    });

    it('compares with the time of day on the instant’s own Shanghai date', () => {
      expect(isBeforeShanghaiTimeOfDay(at('2026-03-02T06:59:00Z'), '15:00')).toBe(true); // 14:59 Shanghai
      expect(isBeforeShanghaiTimeOfDay(at('2026-03-02T07:00:00Z'), '15:00')).toBe(false); // 15:00 Shanghai
      // 16:30 UTC is 00:30 the next Shanghai day: early on that day, before its 15:00.
      expect(isBeforeShanghaiTimeOfDay(at('2026-03-01T16:30:00Z'), '15:00')).toBe(true);
      // 15:59 UTC is 23:59 Shanghai: after 15:00.
      expect(isBeforeShanghaiTimeOfDay(at('2026-03-01T15:59:00Z'), '15:00')).toBe(false);
    });
  });

  describe('bad input', () => {
    it.each(['14:00:00', '24:00', '9:00', '14:60', '1400', '', '14.00'])('refuses the time of day %j', (hhmm) => {
      expect(() => shanghaiInstant('2026-03-02', hhmm)).toThrow(expect.objectContaining({ code: 'INVALID_TIME_OF_DAY', kind: 'invalid', field: 'time' }));
    });

    it('refuses invalid dates and Dates', () => {
      expect(() => shanghaiInstant('2026-02-29', '14:00')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
      expect(() => shanghaiDateOf(new Date('not a date'))).toThrow(
        expect.objectContaining({ code: 'INVALID_INSTANT', details: expect.objectContaining({ reason: 'not_a_date' }) }),
      );
      expect(() => isBeforeShanghaiDeadline('2026-03-02T06:00:00Z' as unknown as Date, '2026-03-02', '14:00')).toThrow(
        expect.objectContaining({ code: 'INVALID_INSTANT' }),
      );
    });

    it('refuses times before 1992, when Shanghai still had summer time', () => {
      // The time-zone database itself says Shanghai was UTC+9 in July 1991 — a fixed +8 would be wrong there.
      const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', timeZoneName: 'shortOffset' })
        .formatToParts(at('1991-07-01T00:00:00Z'))
        .find((part) => part.type === 'timeZoneName')?.value;
      expect(offset).toBe('GMT+9');
      expect(() => shanghaiDateOf(at('1991-07-01T00:00:00Z'))).toThrow(
        expect.objectContaining({ code: 'INVALID_INSTANT', details: expect.objectContaining({ reason: 'out_of_range' }) }),
      );
      expect(() => startOfShanghaiDay('1991-12-31')).toThrow(
        expect.objectContaining({ code: 'INVALID_DATE', details: expect.objectContaining({ reason: 'before_fixed_offset' }) }),
      );
      // The first supported instant: 1992-01-01 00:00 Shanghai.
      expect(shanghaiDateOf(at('1991-12-31T16:00:00Z'))).toBe('1992-01-01');
      expect(() => shanghaiDateOf(at('1991-12-31T15:59:59.999Z'))).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT' }));
    });
  });

  it('agrees with the IANA Asia/Shanghai zone for any instant from 1992 to 2100 (property)', () => {
    const ianaShanghai = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const from = Date.parse('1991-12-31T16:00:00Z');
    const to = Date.parse('2100-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const instant = new Date(ms);
        const parts = Object.fromEntries(ianaShanghai.formatToParts(instant).map((p) => [p.type, p.value]));
        const date = `${parts.year}-${parts.month}-${parts.day}`;
        expect(shanghaiDateOf(instant)).toBe(date);
        const wallMinute = shanghaiInstant(date, `${parts.hour}:${parts.minute}`).getTime();
        expect(ms - wallMinute).toBeGreaterThanOrEqual(0);
        expect(ms - wallMinute).toBeLessThan(60_000);
      }),
      { numRuns: 500 },
    );
  });
});
