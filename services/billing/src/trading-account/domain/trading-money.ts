import { type BusinessCalendar, epochDayOf, fen, kg, type LocalDate, percentOf, perTonneCharge, shanghaiInstant } from '@dw/kernel';

/**
 * The trading platform's money arithmetic (标准仓单交易管理办法 第五章), integer fen throughout,
 * each amount rounded once, half up.
 */

/** The invoice deposit withheld from the seller: 20% of the proceeds (第四十三条), 2 000 basis points. */
export const INVOICE_DEPOSIT_BASIS_POINTS = 2_000;
/** The seller's VAT invoice is due within 5 trading days after the trade day (第四十六条). */
export const INVOICE_DUE_TRADING_DAYS = 5;
/** The exchange verifies an invoice within 2 trading days of receiving it (第四十七条). */
export const INVOICE_VERIFY_TRADING_DAYS = 2;
/** The day the buyer's VAT invoices of a month are cut off (第四十五条). */
export const BUYER_INVOICE_CUTOFF_DAY = 20;
/** A trading day's market closes at 15:00 and opens at 09:00, Asia/Shanghai (the daily settlement and its objection window). */
export const TRADING_DAY_CLOSE = '15:00';
export const TRADING_DAY_OPEN = '09:00';

/**
 * One side's trading fee of a take (第四十条: the exchange sets the rate, as data): the rate in
 * whole fen per tonne per side × the take's weight in kg / 1000, rounded half up once.
 */
export function tradingFeeOf(rateFenPerTonne: number, weightKg: number): number {
  // rule TRADE-FEE-PER-TONNE
  return perTonneCharge(fen(rateFenPerTonne), kg(weightKg));
}

/** 20% of the proceeds withheld as the seller's invoice deposit, rounded half up to the fen (第四十三条). */
export function invoiceDepositOf(proceedsFen: number): number {
  // rule TRADE-INVOICE-DEPOSIT
  return percentOf(fen(proceedsFen), INVOICE_DEPOSIT_BASIS_POINTS);
}

/** The last trading day the seller's invoice is on time: the 5th trading day after the trade day (第四十六条). */
export function invoiceDueDayOf(tradeDay: LocalDate, calendar: BusinessCalendar): LocalDate {
  // rule TRADE-INVOICE-DUE
  return calendar.addTradingDays(tradeDay, INVOICE_DUE_TRADING_DAYS);
}

/** The last trading day the exchange verifies a received invoice by: the 2nd trading day after its receipt (第四十七条). */
export function invoiceVerifyByOf(receivedOn: LocalDate, calendar: BusinessCalendar): LocalDate {
  return calendar.addTradingDays(receivedOn, INVOICE_VERIFY_TRADING_DAYS);
}

/** Calendar days an invoice received on `receivedOn` is late after its due day (0 when on time). */
export function daysLateOf(dueDay: LocalDate, receivedOn: LocalDate): number {
  return Math.max(0, epochDayOf(receivedOn) - epochDayOf(dueDay));
}

/**
 * The late-invoice penalty in basis points of the proceeds (第四十八条), as this service reads it:
 * lateness in calendar days after the due day ("天", where 第四十六条 says 交易日 for the due
 * date); days 1–2 late cost nothing; days 3–10 late 0.5% (50 bp) each; days 11–30 late 1% (100 bp)
 * each, on top of the 8 days at 0.5% (the bands are progressive: the 1% applies to days 11–30
 * only); more than 30 days late counts as no invoice: 20% (2 000 bp) once.
 */
export function invoicePenaltyBasisPointsOf(daysLate: number): number {
  // rule TRADE-INVOICE-PENALTY-BANDS
  if (daysLate > 30) return 2_000;
  const halfPercentDays = Math.max(0, Math.min(daysLate, 10) - 2);
  const onePercentDays = Math.max(0, daysLate - 10);
  return halfPercentDays * 50 + onePercentDays * 100;
}

/** The penalty in fen: the proceeds × the band's basis points, rounded half up once. */
export function invoicePenaltyOf(proceedsFen: number, daysLate: number): number {
  return percentOf(fen(proceedsFen), invoicePenaltyBasisPointsOf(daysLate));
}

/**
 * How a penalty is taken when the deposit is released (第四十三条: the deposit is for penalties):
 * out of the deposit first; what the deposit does not cover is deducted from the seller's
 * trading balance in the same entry (it may go below zero, and then nothing is withdrawable).
 */
export function depositReleaseOf(depositFen: number, penaltyFen: number): { readonly releasedFen: number; readonly fromBalanceFen: number } {
  // rule TRADE-INVOICE-PENALTY-FROM-DEPOSIT
  return { releasedFen: Math.max(0, depositFen - penaltyFen), fromBalanceFen: Math.max(0, penaltyFen - depositFen) };
}

/** The month the exchange invoices the buyer of a trade in (第四十五条): trades up to the 20th in that month, later ones the next month. */
export function buyerInvoiceMonthOf(tradeDay: LocalDate): string {
  // rule TRADE-INVOICE-BUYER-MONTH
  const [year, month, day] = tradeDay.split('-').map(Number) as [number, number, number];
  if (day <= BUYER_INVOICE_CUTOFF_DAY) return tradeDay.slice(0, 7);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** One trading day's movements of a trading account, each a non-negative sum of fen except withdrawals net of returns. */
export interface DayFigures {
  readonly proceedsReceivedFen: number;
  readonly paymentsFen: number;
  readonly depositsFen: number;
  readonly withdrawalsFen: number;
  readonly tradingFeesFen: number;
  readonly invoiceDepositsWithheldFen: number;
  readonly invoiceDepositsReleasedFen: number;
  readonly invoicePenaltiesFen: number;
  readonly storageFeesFen: number;
  readonly transferFeesFen: number;
  readonly otherFeesFen: number;
}

export const noFigures: DayFigures = {
  proceedsReceivedFen: 0,
  paymentsFen: 0,
  depositsFen: 0,
  withdrawalsFen: 0,
  tradingFeesFen: 0,
  invoiceDepositsWithheldFen: 0,
  invoiceDepositsReleasedFen: 0,
  invoicePenaltiesFen: 0,
  storageFeesFen: 0,
  transferFeesFen: 0,
  otherFeesFen: 0,
};

export function addFigures(a: DayFigures, b: Partial<DayFigures>): DayFigures {
  const sum = { ...a } as Record<keyof DayFigures, number>;
  for (const [key, value] of Object.entries(b) as [keyof DayFigures, number][]) sum[key] += value;
  return sum;
}

/**
 * The day's balance (第三十四条): 上一日资金余额 + 当日收入货款 − 当日支付货款 + 入金 − 出金 −
 * 当日交易手续费 − 当日暂扣发票保证金 + 当日清退发票保证金 − 发票违约金 − 当日仓储费 − 当日过户费 − 其他费用.
 */
export function dayBalanceOf(previousBalanceFen: number, day: DayFigures): number {
  // rule TRADE-BALANCE
  return (
    previousBalanceFen +
    day.proceedsReceivedFen -
    day.paymentsFen +
    day.depositsFen -
    day.withdrawalsFen -
    day.tradingFeesFen -
    day.invoiceDepositsWithheldFen +
    day.invoiceDepositsReleasedFen -
    day.invoicePenaltiesFen -
    day.storageFeesFen -
    day.transferFeesFen -
    day.otherFeesFen
  );
}

/** What may be withdrawn (第三十六条): the balance when asked less the other fees payable that day; never below 0. */
export function withdrawableOf(balanceFen: number, otherFeesPayableFen: number): number {
  // rule TRADE-WITHDRAWABLE
  return Math.max(0, balanceFen - otherFeesPayableFen);
}

/** The instant a trading day's market closes, after which its settlement report is issued (第三十八条). */
export const closeOf = (tradingDay: LocalDate): Date => shanghaiInstant(tradingDay, TRADING_DAY_CLOSE);
/** The deadline of an objection to a day's report: the next trading day's open (第三十九条). */
export const objectionDeadlineOf = (tradingDay: LocalDate, calendar: BusinessCalendar): Date =>
  shanghaiInstant(calendar.nextTradingDay(tradingDay), TRADING_DAY_OPEN);
