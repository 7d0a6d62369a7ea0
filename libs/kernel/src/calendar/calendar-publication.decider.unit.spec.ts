import { foldEvents } from '../decider/decider';
import { CalendarRangeError } from './calendar-range.error';
import { cnMainlandCalendarData } from './cn-mainland-calendar';
import { calendarPublicationDecider as decider, CalendarPublicationEvent, PublishCalendarYear, publishedCalendar } from './calendar-publication.decider';
import type { HolidayData } from './calendar-data';
import { localDate } from './local-date';
import { refusalOf } from '@dw/testing';

const exchange = { subject: 'shfe', role: 'exchange' };

/** The bundled 2025 and 2026 notices, as the service seeds them into its log. */
const seeded: CalendarPublicationEvent[] = cnMainlandCalendarData.years.map((y) => ({
  type: 'CalendarYearPublished',
  data: {
    calendar: 'cn-mainland',
    timeZone: 'Asia/Shanghai',
    year: y.year,
    source: y.source,
    holidays: y.holidays,
    revision: 1,
    publishedBy: { subject: 'bundled', role: 'ops' },
    publishedAt: '2025-11-20T00:00:00.000Z',
  },
}));

/**
 * An example notice for 2027 (test data, not the State Council's): New Year's Day on Friday
 * 2027-01-01 with the weekend after it, and a Spring Festival week with one make-up Saturday.
 */
const notice2027: HolidayData[] = [
  { name: 'New Year', daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkingDays: [] },
  {
    name: 'Spring Festival',
    daysOff: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    makeUpWorkingDays: ['2027-02-13'],
  },
];

const publish = (year: number, holidays: HolidayData[], today = '2026-12-07', source = `example notice for ${year}`): PublishCalendarYear => ({
  type: 'PublishCalendarYear',
  data: {
    calendar: 'cn-mainland',
    timeZone: 'Asia/Shanghai',
    year,
    source,
    holidays,
    today: localDate(today),
    publishedBy: exchange,
    publishedAt: '2026-12-07T02:00:00.000Z',
  },
});

const decide = (given: CalendarPublicationEvent[], command: PublishCalendarYear) => decider.decide(command, foldEvents(decider, given));

describe('publishing a calendar year', () => {
  it('extends the calendar by the next year: the first trading day after Thu 2026-12-31 becomes Mon 2027-01-04', () => {
    const before = publishedCalendar(foldEvents(decider, seeded))!;
    // Before: the count walks past the last published day, so it is refused, not guessed.
    expect(() => before.addTradingDays('2026-12-31', 1)).toThrow(CalendarRangeError);

    const events = decide(seeded, publish(2027, notice2027));
    expect(events).toEqual([
      expect.objectContaining({ type: 'CalendarYearPublished', data: expect.objectContaining({ year: 2027, revision: 1, publishedBy: exchange }) }),
    ]);
    const after = publishedCalendar(foldEvents(decider, [...seeded, ...events]))!;
    // Fri Jan 1 is New Year's Day, Sat 2 and Sun 3 are the weekend: Mon Jan 4 is next.
    expect(after.addTradingDays('2026-12-31', 1)).toBe('2027-01-04');
    // Sat 2027-02-13 is a make-up working day but, as every weekend day, not a trading day.
    expect(after.isWorkingDay('2027-02-13')).toBe(true);
    expect(after.isTradingDay('2027-02-13')).toBe(false);
    expect(after.lastDate).toBe('2027-12-31');
  });

  it('refuses a year that would leave a gap (2028 while 2027 is unpublished): CALENDAR_YEAR_GAP', () => {
    const refusal = refusalOf(() => decide(seeded, publish(2028, [])));
    expect(refusal.code).toBe('CALENDAR_YEAR_GAP');
    expect(refusal.details).toMatchObject({ firstYear: 2025, lastYear: 2026, year: 2028 });
  });

  it('changes nothing when the same notice is published again (a retried publication)', () => {
    const first = decide(seeded, publish(2027, notice2027));
    expect(decide([...seeded, ...first], publish(2027, notice2027))).toEqual([]);
  });

  it('accepts a correction of days still ahead as revision 2, and refuses one that changes a day already past', () => {
    const first = decide(seeded, publish(2027, notice2027));
    // Spring Festival extended by Saturday 2027-02-13, which stops being a make-up day.
    const extended = [notice2027[0]!, { name: 'Spring Festival', daysOff: [...notice2027[1]!.daysOff, '2027-02-13'], makeUpWorkingDays: [] }];
    const correction = decide([...seeded, ...first], publish(2027, extended, '2027-01-20', 'corrected notice'));
    expect(correction[0]!.data.revision).toBe(2);

    // Published on 2027-02-14, the same correction rewrites 2027-02-13, a day already gone.
    const late = refusalOf(() => decide([...seeded, ...first], publish(2027, extended, '2027-02-14', 'corrected notice')));
    expect(late.code).toBe('CALENDAR_PAST_DAYS_CHANGED');
    expect(late.details).toMatchObject({ days: ['2027-02-13'] });
  });

  it('refuses an unsound notice as CALENDAR_DATA_INVALID: a day off outside its year, a make-up day on a weekday', () => {
    expect(refusalOf(() => decide(seeded, publish(2027, [{ name: 'New Year', daysOff: ['2026-12-31'], makeUpWorkingDays: [] }]))).code).toBe(
      'CALENDAR_DATA_INVALID',
    );
    // 2027-01-05 is a Tuesday: a working day already, so it cannot be a make-up day.
    expect(refusalOf(() => decide(seeded, publish(2027, [{ name: 'New Year', daysOff: ['2027-01-01'], makeUpWorkingDays: ['2027-01-05'] }]))).code).toBe(
      'CALENDAR_DATA_INVALID',
    );
  });

  it('refuses a year that is not a whole year in range: CALENDAR_YEAR_INVALID', () => {
    expect(refusalOf(() => decide(seeded, publish(2027.5, notice2027))).code).toBe('CALENDAR_YEAR_INVALID');
    expect(refusalOf(() => decide([], publish(1900, []))).code).toBe('CALENDAR_YEAR_INVALID');
  });
});
