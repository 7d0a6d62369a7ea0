import { type BusinessCalendar, type LocalDate, localDate, refuse, requireInstant, requireRole, requireText } from '@dw/kernel';
import type { Actor } from './actor';

/** The frame of what the exchange tells billing about one commodity from one trading day on. */
export interface ExchangeCommodityDay {
  readonly commodity: string;
  readonly day: LocalDate;
  readonly at: string;
}

/**
 * The frame every exchange input about a commodity and a trading day shares (a settlement price,
 * a trading fee rate): only the exchange sends it, it names a commodity and the instant it was
 * sent, and its day is a trading day of the calendar, since the exchange neither settles nor
 * starts a rate on a day it is closed. Each input keeps its own refusal code for the closed day.
 */
export function exchangeCommodityDayOf(
  data: { readonly actor: Actor; readonly calendar: BusinessCalendar; readonly commodity: string; readonly at: string },
  day: { readonly field: string; readonly value: string },
  action: string,
  notTradingDay: { readonly code: string; readonly reason: (day: LocalDate) => string },
): ExchangeCommodityDay {
  requireRole(data.actor, ['exchange'], action);
  const commodity = requireText(data.commodity, 'commodity');
  const tradingDay = localDate(day.value, day.field);
  const at = requireInstant(data.at, 'at');
  if (!data.calendar.isTradingDay(tradingDay)) {
    throw refuse.invalid(notTradingDay.code, notTradingDay.reason(tradingDay), day.field, { [day.field]: tradingDay });
  }
  return { commodity, day: tradingDay, at };
}
