import { BusinessCalendar, CalendarRangeError, LocalDate, addCalendarDays } from '@dw/kernel';
import { addMonthsClamped } from '../../common/domain/calendar-months';
import { ReceiptRuleTerms } from './receipt-rule.terms';

/**
 * The last day a receipt is good for delivery and transfer: it is valid through `validUntil`
 * inclusive and expired from the day after.
 * - production-date basis: earliest production date on the receipt + N calendar days (the
 *   oldest goods decide, so no piece on the receipt is past its time): produced 2026-03-05,
 *   90 days → valid through 2026-06-03.
 * - issue-date basis: issue date + N months, clamped to the end of a shorter month (see
 *   addMonthsClamped): issued 2026-01-31, 6 months → valid through 2026-07-31.
 */
export function validUntilOf(terms: ReceiptRuleTerms, issueDate: LocalDate, productionDates: readonly LocalDate[]): LocalDate {
  // rules RCPT-VALIDITY-WAREHOUSE-90D, RCPT-VALIDITY-FACTORY-6M
  const validity = terms.validity;
  if (validity.basis === 'issue-date') return addMonthsClamped(issueDate, validity.months);
  const earliest = [...productionDates].sort()[0]!;
  return addCalendarDays(earliest, validity.days);
}

/**
 * The last exchange trading day on which a receipt valid through `validUntil` can still be
 * delivered: `validUntil` itself when it is a trading day, else the trading day before it. Null
 * when the calendar data does not reach that far (holidays are published a year at a time;
 * guessing would be wrong exactly around the holidays that matter).
 */
export function lastTradingDayWithin(calendar: BusinessCalendar, validUntil: LocalDate): LocalDate | null {
  // rule RCPT-LAST-TRADING-DAY
  if (!calendar.covers(validUntil)) return null;
  if (calendar.isTradingDay(validUntil)) return validUntil;
  try {
    return calendar.previousTradingDay(validUntil);
  } catch (error) {
    if (error instanceof CalendarRangeError) return null;
    throw error;
  }
}
