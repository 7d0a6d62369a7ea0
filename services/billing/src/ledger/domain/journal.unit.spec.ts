import { events as e, storage } from '../../account/domain/account.fixtures.spec-helper';
import { journalEntryOf } from './journal';

const line = (account: string, debitFen: number, creditFen: number, bank: [string, string] | null = null) => ({
  account,
  debitFen,
  creditFen,
  bankId: bank?.[0] ?? null,
  bankTransactionId: bank?.[1] ?? null,
});

describe('the journal entry of each money event of an account', () => {
  it('books a fee, a payment, a settlement and a reversal of a paid fee as balanced entries on the contract’s accounts', () => {
    // Fee 500: receivable +500 (debit) against fees income.
    expect(journalEntryOf('P-HENGDA', e.charged('storage:R-1:2026-10-08', 500, { serviceDate: '2026-10-08' }))?.lines).toEqual([
      line('receivable:P-HENGDA', 500, 0),
      line('fees-income:storage', 0, 500),
    ]);
    // Payment 1 200 through ICBC: cash at bank +1 200 with the bank's transaction, deposits held +1 200; posted on its value date.
    expect(journalEntryOf('P-HENGDA', e.booked('pay-1', 1_200))).toEqual({
      postedOn: '2026-10-12',
      causeType: 'PaymentBooked',
      causeId: 'pay-1',
      lines: [line('cash-at-bank:bank-icbc', 1_200, 0, ['bank-icbc', 'tx-pay-1']), line('deposits-held:P-HENGDA', 0, 1_200)],
    });
    // Two fees settled, 500 + 700 = 1 200: deposits held −1 200, receivable −1 200.
    expect(journalEntryOf('P-HENGDA', e.settled('pay-1', [storage('a', 500), storage('b', 700)]))?.lines).toEqual([
      line('deposits-held:P-HENGDA', 1_200, 0),
      line('receivable:P-HENGDA', 0, 1_200),
    ]);
    // A fee of 500 reversed after it was paid: income −500, the 500 back to deposits held.
    expect(journalEntryOf('P-HENGDA', e.reversed('a', 500, 500))?.lines).toEqual([line('fees-income:storage', 500, 0), line('deposits-held:P-HENGDA', 0, 500)]);
  });

  it('moves a withdrawal from deposits held to in transit on approval, out of the bank on completion, back on the bank’s refusal', () => {
    expect(journalEntryOf('P-HENGDA', e.approved('W-1', 5_000))?.lines).toEqual([
      line('deposits-held:P-HENGDA', 5_000, 0),
      line('withdrawals-in-transit:P-HENGDA', 0, 5_000),
    ]);
    expect(journalEntryOf('P-HENGDA', e.completed('W-1', 5_000))?.lines).toEqual([
      line('withdrawals-in-transit:P-HENGDA', 5_000, 0),
      line('cash-at-bank:bank-icbc', 0, 5_000, ['bank-icbc', 'out-W-1']),
    ]);
    expect(journalEntryOf('P-HENGDA', e.returned('W-1', 5_000))?.lines).toEqual([
      line('withdrawals-in-transit:P-HENGDA', 5_000, 0),
      line('deposits-held:P-HENGDA', 0, 5_000),
    ]);
    expect(journalEntryOf('P-HENGDA', e.requested('W-1', 5_000))).toBeNull();
  });

  it('books a short at load-out credited to the party out of over/short income into its deposits held', () => {
    // Short 120 kg at 365 000 fen/t = 43 800 fen the warehouse pays: fees income −43 800 (debit), deposits held +43 800, on the load-out day.
    expect(journalEntryOf('P-HENGDA', e.credited('over_short:L-7:N-1', 43_800, '2026-10-12'))).toEqual({
      postedOn: '2026-10-12',
      causeType: 'FeeCredited',
      causeId: 'over_short:L-7:N-1',
      lines: [line('fees-income:over_short', 43_800, 0), line('deposits-held:P-HENGDA', 0, 43_800)],
    });
  });
});
