import fc from 'fast-check';
import { addCalendarDays } from '@dw/kernel';
import type { JournalEntry } from '../../ledger/domain/journal';
import { balancesAfter, isBalanced } from '../../ledger/domain/ledger-balances';
import { tradingAccountDecider } from './trading-account.decider';
import type { TradingAccountCommand } from './trading-account.commands';
import { cmd, run, trader } from './trading-account.fixtures.spec-helper';
import { tradingJournalEntryOf, tradingLedgerAccounts } from './trading-journal';

const PARTY = 'P-HENGDA';
const amounts = fc.integer({ min: 1, max: 5_000_000 });
// Instants from Mon 2026-12-07 to the end of the calendar data (2026-12-31), in and out of sessions,
// weekdays and weekends (hours 00–10 UTC = 08–18 Shanghai); sales traded in November reach 30 days late.
const instants = fc
  .tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 10 }))
  .map(([day, hour]) => `${addCalendarDays('2026-12-07', day)}T${String(hour).padStart(2, '0')}:30:00Z`);
const ids = fc.integer({ min: 1, max: 3 });

const commands: fc.Arbitrary<TradingAccountCommand> = fc.oneof(
  { arbitrary: fc.tuple(ids, amounts, instants).map(([n, amount, at]) => cmd.deposit(`D-${n}`, amount, at)), weight: 3 },
  fc.tuple(ids, amounts, fc.integer({ min: 0, max: 5_000 }), instants).map(([n, amount, fee, at]) => cmd.debit(`B-${n}`, amount, fee, '2026-12-07', at)),
  fc
    .tuple(ids, amounts, fc.integer({ min: 0, max: 5_000 }), instants, fc.constantFrom('2026-11-02', '2026-12-07'))
    .map(([n, amount, fee, at, tradeDay]) => cmd.credit(`S-${n}`, amount, fee, Math.round(amount / 5), tradeDay, at)),
  fc.tuple(ids, instants).map(([n, at]) => cmd.invoice(`S-${n}`, `INV-${n}`, at)),
  fc.tuple(ids, instants).map(([n, at]) => cmd.verify(`S-${n}`, at)),
  instants.map((at) => cmd.forfeit(at)),
  {
    arbitrary: fc.tuple(ids, fc.integer({ min: 1, max: 100_000 }), instants).map(([n, amount, at]) => cmd.withdraw(`W-${n}`, amount, at, trader(PARTY))),
    weight: 3,
  },
  { arbitrary: fc.tuple(ids, instants).map(([n, at]) => cmd.paid(`W-${n}`, at)), weight: 3 },
  { arbitrary: fc.tuple(ids, instants).map(([n, at]) => cmd.returned(`W-${n}`, at)), weight: 2 },
  fc
    .tuple(ids, fc.constantFrom('storage', 'transfer', 'other'), amounts, instants)
    .map(([n, kind, amount, at]) => cmd.fee(`F-${n}`, kind, amount, at.slice(0, 10), at)),
  instants.map((at) => cmd.report(at.slice(0, 10), at)),
  instants.map((at) => cmd.freeze(at)),
  instants.map((at) => cmd.unfreeze(at)),
);

describe('the trading ledger over random sequences of a trading account’s events', () => {
  it('TRADE-LEDGER-BALANCED: every entry balanced; the balance, deposits withheld and in transit equal their ledger accounts after every event', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(commands, { maxLength: 80 }), (attempts) => {
        const { events } = run([cmd.open(PARTY, 'SC-0001'), ...attempts]);
        for (const event of events) seen.add(event.type);
        let state = tradingAccountDecider.initialState();
        let balances = new Map<string, number>();
        for (const event of events) {
          state = tradingAccountDecider.evolve(state, event);
          const entry = tradingJournalEntryOf(PARTY, event);
          if (entry) {
            // The warehouse ledger's own checks, on the same line shape.
            expect(isBalanced(entry as unknown as JournalEntry)).toBe(true);
            balances = balancesAfter([entry as unknown as JournalEntry], balances);
          }
          // Debit-positive balances: what the exchange owes the trader is a credit, so its negative.
          expect(0 - (balances.get(tradingLedgerAccounts.balance(PARTY)) ?? 0)).toBe(state.balanceFen);
          expect(0 - (balances.get(tradingLedgerAccounts.invoiceDeposits(PARTY)) ?? 0)).toBe(state.invoiceDepositsHeldFen);
          expect(0 - (balances.get(tradingLedgerAccounts.withdrawalsInTransit(PARTY)) ?? 0)).toBe(state.inTransitFen);
        }
      }),
      { numRuns: 500 },
    );
    // The sequences reached every kind of money event, so the property was tried on each.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'CollectedFeePayable',
        'InvoiceDepositReleased',
        'SettlementReportIssued',
        'TakePaymentDebited',
        'TakeProceedsCredited',
        'TradingDepositBooked',
        'TradingWithdrawalApproved',
        'TradingWithdrawalPaid',
        'TradingWithdrawalReturned',
      ]),
    );
  });
});
