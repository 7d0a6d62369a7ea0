import { dateOfPgDate } from './pg-date';

describe('a PostgreSQL date read back', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it.each(['UTC', 'Asia/Shanghai', 'America/New_York'])('is the same day whatever zone the process runs in (%s)', (tz) => {
    process.env.TZ = tz;
    // node-pg builds a date column's value as local midnight of the day: 2026-03-01 00:00 here.
    expect(dateOfPgDate(new Date(2026, 2, 1))).toBe('2026-03-01');
    expect(dateOfPgDate('2026-03-01')).toBe('2026-03-01');
  });
});
