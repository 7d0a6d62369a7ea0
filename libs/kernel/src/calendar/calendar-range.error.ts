import { DomainError } from '../errors/domain-error';

/**
 * A question the calendar data cannot answer: the date, or a date a computation would have to
 * walk through, lies outside the published years. Holidays are announced by the State Council
 * each November, so anything past the data is unknown, and answering it would be a guess.
 */
export class CalendarRangeError extends DomainError {
  constructor(
    readonly date: string,
    readonly firstDate: string,
    readonly lastDate: string,
    field = 'date',
  ) {
    super(
      'CALENDAR_OUT_OF_RANGE',
      `the business calendar covers ${firstDate}..${lastDate}; ${date} is outside it`,
      'invalid',
      { date, firstDate, lastDate },
      field,
    );
    this.name = 'CalendarRangeError';
  }
}
