import { BusinessCalendar } from './business-calendar';
import { CalendarData, InvalidCalendarDataError, parseCalendarData } from './calendar-data';
import bundled from './cn-mainland.calendar.json';

const copyOfBundled = (): CalendarData => JSON.parse(JSON.stringify(bundled));

function failure(mutate: (data: CalendarData & Record<string, unknown>) => void): InvalidCalendarDataError {
  const data = copyOfBundled() as CalendarData & Record<string, unknown>;
  mutate(data);
  try {
    parseCalendarData(data);
  } catch (error) {
    if (error instanceof InvalidCalendarDataError) return error;
    throw error;
  }
  throw new Error('expected the calendar data to be refused');
}

describe('calendar data file', () => {
  it('holds every day off and make-up day of the 2025 and 2026 State Council notices', () => {
    const parsed = parseCalendarData(bundled);
    // 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28 days off; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33.
    expect(parsed.holidays.size).toBe(28 + 33);
    // 2025: Jan 26, Feb 8, Apr 27, Sep 28, Oct 11; 2026: Jan 4, Feb 14, Feb 28, May 9, Sep 20, Oct 10.
    expect([...parsed.makeUpWorkingDays].sort()).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(parsed.name).toBe('cn-mainland');
  });

  it('takes a new year by editing data only (a made-up 2027 notice, for the test)', () => {
    const data = copyOfBundled();
    data.lastDate = '2027-12-31';
    data.years.push({
      year: 2027,
      source: 'test fixture, not a real notice',
      holidays: [{ name: 'New Year', daysOff: ['2027-01-01'], makeUpWorkingDays: ['2027-01-02'] }],
    });
    const extended = new BusinessCalendar(data);
    // Thu 2026-12-31 -> Fri 2027-01-01 is off in this fixture, Sat Jan 2 a make-up day, Mon Jan 4 the next session.
    expect(extended.addWorkingDays('2026-12-31', 1)).toBe('2027-01-02');
    expect(extended.nextTradingDay('2026-12-31')).toBe('2027-01-04');
  });

  it.each<[string, (d: CalendarData & Record<string, unknown>) => void, string]>([
    [
      'a missing lastDate',
      (d) => {
        delete (d as Partial<CalendarData>).lastDate;
      },
      '$.lastDate',
    ],
    [
      'an impossible date',
      (d) => {
        d.years[0].holidays[0].daysOff[0] = '2025-02-30';
      },
      '$.years[0].holidays[0].daysOff[0]',
    ],
    [
      'lastDate before firstDate',
      (d) => {
        d.lastDate = '2024-12-31';
      },
      '$.lastDate',
    ],
    [
      'a day off outside the span',
      (d) => {
        d.years[0].holidays[0].daysOff.push('2024-12-31');
      },
      '$.years[0].holidays[0].daysOff[1]',
    ],
    [
      'a day listed twice',
      (d) => {
        d.years[1].holidays[0].daysOff.push('2026-01-02');
      },
      '$.years[1].holidays[0].daysOff[3]',
    ],
    [
      'a day both off and worked',
      (d) => {
        d.years[1].holidays[0].makeUpWorkingDays.push('2026-01-03');
      },
      '$.years[1].holidays[0].makeUpWorkingDays[1]',
    ],
    [
      'a make-up day on a weekday',
      (d) => {
        d.years[1].holidays[0].makeUpWorkingDays.push('2026-01-05');
      },
      '$.years[1].holidays[0].makeUpWorkingDays[1]',
    ],
    [
      'a span year without its notice',
      (d) => {
        d.lastDate = '2027-12-31';
      },
      '$.years',
    ],
    [
      'a year given twice',
      (d) => {
        d.years.push({ ...d.years[1], holidays: [] });
      },
      '$.years[2].year',
    ],
    [
      'a notice outside the span',
      (d) => {
        d.years.push({ year: 2024, source: 'x', holidays: [] });
      },
      '$.years[2].year',
    ],
    [
      'a holiday without a name',
      (d) => {
        d.years[0].holidays[0].name = '';
      },
      '$.years[0].holidays[0].name',
    ],
    [
      'a year without a source',
      (d) => {
        (d.years[0] as Partial<CalendarData['years'][0]>).source = undefined;
      },
      '$.years[0].source',
    ],
    [
      'days off that are not a list',
      (d) => {
        (d.years[0].holidays[0] as unknown as Record<string, unknown>).daysOff = '2025-01-01';
      },
      '$.years[0].holidays[0].daysOff',
    ],
    [
      'a fractional year',
      (d) => {
        d.years[0].year = 2025.5;
      },
      '$.years[0].year',
    ],
  ])('refuses %s, naming where', (_case, mutate, path) => {
    expect(failure(mutate).path).toBe(path);
  });

  it('refuses data that is not an object at all', () => {
    expect(() => new BusinessCalendar(null)).toThrow(InvalidCalendarDataError);
    expect(() => new BusinessCalendar([])).toThrow(/invalid calendar data at \$: must be an object/);
  });
});
