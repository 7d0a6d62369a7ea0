import { cnMainlandCalendar, localDate } from '@dw/kernel';
import {
  buyerInvoiceMonthOf,
  dayBalanceOf,
  daysLateOf,
  depositReleaseOf,
  invoiceDepositOf,
  invoiceDueDayOf,
  invoicePenaltyBasisPointsOf,
  invoicePenaltyOf,
  noFigures,
  tradingFeeOf,
  withdrawableOf,
} from './trading-money';

describe('trading money arithmetic', () => {
  it('charges each side fen per tonne × kg / 1000, rounded half up once', () => {
    // 100 fen/t × 33 335 kg / 1000 = 3 333.5 → 3 334; × 33 334 kg = 3 333.4 → 3 333; 0 fen/t is no fee.
    expect(tradingFeeOf(100, 33_335)).toBe(3_334);
    expect(tradingFeeOf(100, 33_334)).toBe(3_333);
    expect(tradingFeeOf(0, 33_335)).toBe(0);
    // 150 fen/t × 1 kg / 1000 = 0.15 → 0: a fee below half a fen is nothing.
    expect(tradingFeeOf(150, 1)).toBe(0);
  });

  it('withholds 20% of the proceeds as invoice deposit, rounded half up to the fen', () => {
    // 20% is proceeds / 5, whose fraction is .0, .2, .4, .6 or .8: never a tie, so half up only decides .6 and .8 up.
    // 12 167 275 / 5 = 2 433 455; 12 167 277 / 5 = 2 433 455.4 → 2 433 455; 12 167 278 / 5 = 2 433 455.6 → 2 433 456.
    expect(invoiceDepositOf(12_167_275)).toBe(2_433_455);
    expect(invoiceDepositOf(12_167_277)).toBe(2_433_455);
    expect(invoiceDepositOf(12_167_278)).toBe(2_433_456);
    expect(invoiceDepositOf(1)).toBe(0);
    expect(invoiceDepositOf(3)).toBe(1);
  });

  it('dates the seller’s invoice 5 trading days after the trade day and the buyer’s invoice month by the 20th', () => {
    // Mon 12-07 + 5 trading days = Mon 12-14. Wed 2026-09-30 + 5 skips National Day (10-01 to 10-07, 10-10 a
    // Saturday make-up working day, but no trading day): 10-08, 10-09, 10-12, 10-13, 10-14 → Wed 10-14.
    expect(invoiceDueDayOf(localDate('2026-12-07'), cnMainlandCalendar)).toBe('2026-12-14');
    expect(invoiceDueDayOf(localDate('2026-09-30'), cnMainlandCalendar)).toBe('2026-10-14');
    // Traded up to and on the 20th: invoiced that month; after it: the next month (December into January).
    expect(buyerInvoiceMonthOf(localDate('2026-11-20'))).toBe('2026-11');
    expect(buyerInvoiceMonthOf(localDate('2026-11-23'))).toBe('2026-12');
    expect(buyerInvoiceMonthOf(localDate('2026-12-21'))).toBe('2027-01');
  });

  it('charges late-invoice penalties by the bands of 第四十八条 as read here: 1–2 days free, 0.5% a day for days 3–10, 1% a day for days 11–30 only, over 30 days 20%', () => {
    // Lateness in calendar days after the due day: due Mon 12-14, received Thu 12-17 → 3 days.
    expect(daysLateOf(localDate('2026-12-14'), localDate('2026-12-17'))).toBe(3);
    expect(daysLateOf(localDate('2026-12-14'), localDate('2026-12-11'))).toBe(0);
    // Basis points: 2 days 0; 3 days 1 × 50 = 50; 10 days 8 × 50 = 400; 11 days 400 + 100 = 500;
    // 30 days 400 + 20 × 100 = 2 400 (24%, above the 20% deposit); 31 days: no invoice, 2 000.
    expect([1, 2, 3, 10, 11, 30, 31, 90].map(invoicePenaltyBasisPointsOf)).toEqual([0, 0, 50, 400, 500, 2_400, 2_000, 2_000]);
    // On 12 167 275 fen: 3 days 0.5% = 60 836.375 → 60 836; 11 days 5% = 608 363.75 → 608 364; 30 days 24% = 2 920 146.
    expect(invoicePenaltyOf(12_167_275, 3)).toBe(60_836);
    expect(invoicePenaltyOf(12_167_275, 11)).toBe(608_364);
    expect(invoicePenaltyOf(12_167_275, 30)).toBe(2_920_146);
  });

  it('takes a penalty out of the deposit first and what it does not cover out of the balance', () => {
    // Deposit 2 433 455: a 608 364 penalty releases 1 825 091; a 2 920 146 penalty releases nothing and takes 486 691 from the balance.
    expect(depositReleaseOf(2_433_455, 608_364)).toEqual({ releasedFen: 1_825_091, fromBalanceFen: 0 });
    expect(depositReleaseOf(2_433_455, 2_920_146)).toEqual({ releasedFen: 0, fromBalanceFen: 486_691 });
    expect(depositReleaseOf(2_433_455, 0)).toEqual({ releasedFen: 2_433_455, fromBalanceFen: 0 });
  });

  it('computes the day’s balance by 第三十四条 and the withdrawable by 第三十六条', () => {
    // 1 000 000 + 500 000 received − 300 000 paid + 200 000 in − 100 000 out − 1 000 fees − 100 000 withheld
    // + 50 000 released − 5 000 penalty − 2 000 storage − 1 500 transfer − 500 other = 1 240 000.
    const day = {
      ...noFigures,
      proceedsReceivedFen: 500_000,
      paymentsFen: 300_000,
      depositsFen: 200_000,
      withdrawalsFen: 100_000,
      tradingFeesFen: 1_000,
      invoiceDepositsWithheldFen: 100_000,
      invoiceDepositsReleasedFen: 50_000,
      invoicePenaltiesFen: 5_000,
      storageFeesFen: 2_000,
      transferFeesFen: 1_500,
      otherFeesFen: 500,
    };
    expect(dayBalanceOf(1_000_000, day)).toBe(1_240_000);
    expect(dayBalanceOf(1_000_000, noFigures)).toBe(1_000_000);
    // Withdrawable: 1 240 000 − 40 000 payable today = 1 200 000; never below 0.
    expect(withdrawableOf(1_240_000, 40_000)).toBe(1_200_000);
    expect(withdrawableOf(10_000, 40_000)).toBe(0);
  });
});
