import { BusinessCalendar, Fen, LocalDate, addCalendarDays, localDate, refuse } from '@dw/kernel';
import { RateCardInForce } from '../../rate-card/domain/rate-card.decider';
import { StorageKind, storageRateOf } from '../../rate-card/domain/rate-card.terms';
import { perTonneFee } from './per-tonne-fee';

/** What storage is charged on: a receipt's goods, by actual weight, where they lie. */
export interface StoredGoods {
  readonly receiptNumber: string;
  readonly commodity: string;
  readonly storageKind: StorageKind;
  readonly weightKg: number;
}

/** A change of who holds a receipt, on a Shanghai date: a transfer's buyer, or null when the receipt leaves circulation (cancelled). */
export interface TitleChange {
  readonly on: LocalDate;
  readonly holderPartyId: string | null;
}

/** One holder's span of a receipt: days `from` (inclusive) to `until` (exclusive; null while still held). */
export interface Holding extends StoredGoods {
  readonly holderPartyId: string;
  readonly from: LocalDate;
  readonly until: LocalDate | null;
}

/**
 * The holdings of a receipt from its title changes in date order, the first being its issue
 * to the first holder. A day belongs to whoever holds the receipt at its close: the buyer from
 * the transfer day on, the seller up to the day before; a receipt cancelled on a day is not
 * held that day. Two changes on one day leave the day to the last holder.
 */
export function holdingsOf(goods: StoredGoods, changes: readonly TitleChange[]): Holding[] {
  // rule BILL-TRANSFER-DAY-BUYER
  if (changes.length === 0 || changes[0]!.holderPartyId === null) {
    throw refuse.invalid('TITLE_CHANGES_INVALID', `receipt ${goods.receiptNumber}: the first title change issues it to a holder`, 'changes');
  }
  const holdings: Holding[] = [];
  changes.forEach((change, index) => {
    if (index > 0 && change.on < changes[index - 1]!.on) {
      throw refuse.invalid('TITLE_CHANGES_INVALID', `receipt ${goods.receiptNumber}: title changes must be in date order`, `changes[${index}].on`);
    }
    if (change.holderPartyId === null) return;
    const next = changes[index + 1];
    if (next && next.on === change.on) return; // held for no close
    holdings.push({ ...goods, holderPartyId: change.holderPartyId, from: change.on, until: next ? next.on : null });
  });
  return holdings;
}

/**
 * The day a day's storage is charged on: the day itself, except a day of a public holiday
 * (a State Council day off in the calendar data), whose storage is charged on the last trading
 * day before the holiday period (标准仓单交易管理办法 第四十一条), but never before the holding began
 * (a receipt that passed to its holder during the holiday is charged from that day).
 */
export function storageChargeDateOf(day: LocalDate, holdingFrom: LocalDate, calendar: BusinessCalendar): LocalDate {
  // rule BILL-HOLIDAY-STORAGE-PRECEDING-TRADING-DAY
  if (!calendar.isHoliday(day)) return day;
  const preceding = calendar.previousTradingDay(day);
  return preceding < holdingFrom ? holdingFrom : preceding;
}

/** One receipt's storage for one day to its holder that day, at the rate card in force that day. */
export interface StorageCharge {
  readonly receiptNumber: string;
  readonly holderPartyId: string;
  readonly day: LocalDate;
  readonly chargedOn: LocalDate;
  readonly weightKg: number;
  readonly rateCard: { readonly source: 'contract' | 'default'; readonly version: number };
  readonly fenPerTonneDay: number;
  readonly fen: Fen;
}

/** The rate card a party is charged by on a day (the contract's version in force, else the default's: rateCardInForce). */
export type RateCardLookup = (partyId: string, day: LocalDate) => RateCardInForce;

/**
 * Storage of one holding charged on or before `asOf`: for each calendar day held, the holder
 * that day owes the rate in force that day × the actual weight (标准仓单交易管理办法 第五十四条:
 * 仓储费按日按实际重量向标准仓单所有人收取), one charge per day rounded as BILL-FEE-ROUNDING says.
 * On the trading day before a public holiday the holiday's days are charged too.
 */
export function storageChargesAccruedBy(holding: Holding, asOf: LocalDate, rateCardOf: RateCardLookup, calendar: BusinessCalendar): StorageCharge[] {
  // rule BILL-STORAGE-DAILY-ACTUAL-WEIGHT
  const charges: StorageCharge[] = [];
  for (let day = localDate(holding.from, 'from'); holding.until === null || day < holding.until; day = addCalendarDays(day, 1)) {
    const chargedOn = storageChargeDateOf(day, holding.from, calendar);
    // Charge dates never go down as days go up, so the first one after asOf ends the accrual.
    if (chargedOn > asOf) break;
    const card = rateCardOf(holding.holderPartyId, day);
    const fenPerTonneDay = storageRateOf(card.terms, holding.storageKind, holding.commodity);
    charges.push({
      receiptNumber: holding.receiptNumber,
      holderPartyId: holding.holderPartyId,
      day,
      chargedOn,
      weightKg: holding.weightKg,
      rateCard: { source: card.source, version: card.version },
      fenPerTonneDay,
      fen: perTonneFee(fenPerTonneDay, holding.weightKg),
    });
  }
  return charges;
}
