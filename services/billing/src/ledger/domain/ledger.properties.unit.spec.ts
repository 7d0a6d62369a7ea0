import fc from 'fast-check';
import { DomainError } from '@dw/kernel';
import { accountDecider } from '../../account/domain/account.decider';
import type { AccountCommand } from '../../account/domain/account.commands';
import type { AccountEvent } from '../../account/domain/account.events';
import { figuresOf } from '../../account/domain/account.state';
import { commands as c } from '../../account/domain/account.fixtures.spec-helper';
import { journalEntryOf, ledgerAccounts } from './journal';
import { balancesAfter, isBalanced, trialBalanceOf } from './ledger-balances';

const PARTY = 'P-HENGDA';
const amounts = fc.integer({ min: 1, max: 50_000 });
const dayOfOctober = fc.integer({ min: 1, max: 28 }).map((day) => `2026-10-${String(day).padStart(2, '0')}`);
// Small id spaces, so sequences replay, reverse, approve and refuse the same fees and withdrawals.
const feeIds = fc.integer({ min: 1, max: 12 });
const withdrawalIds = fc.integer({ min: 1, max: 4 }).map((n) => `W-${n}`);

const commands: fc.Arbitrary<AccountCommand> = fc.oneof(
  fc
    .tuple(feeIds, amounts, dayOfOctober, fc.constantFrom('storage', 'transfer', 'load_out'), fc.constantFrom('R-1', 'R-2'))
    .map(([n, amount, day, item, receipt]) => c.charge(`fee-${n}`, amount, { serviceDate: day }, item, receipt)),
  fc.tuple(feeIds, amounts).map(([n, amount]) => c.reverse(`fee-${n}`, amount)),
  // A short at load-out: the warehouse's credit to the party (a negative over_short fee).
  fc.tuple(feeIds, amounts, dayOfOctober).map(([n, amount, day]) => c.charge(`over_short:L-${n}`, -amount, { serviceDate: day }, 'over_short', '')),
  fc.tuple(fc.integer({ min: 1, max: 8 }), amounts).map(([n, amount]) => c.pay(`pay-${n}`, amount)),
  fc.tuple(withdrawalIds, amounts).map(([id, amount]) => c.request(id, amount)),
  withdrawalIds.map((id) => c.approve(id)),
  withdrawalIds.map((id) => c.reject(id)),
  fc.tuple(withdrawalIds, amounts).map(([id, amount]) => c.complete(id, amount)),
  withdrawalIds.map((id) => c.bankRefuses(id)),
);

/** Each accepted command's events in order, refusals left out as the service would answer them. */
function eventsOf(attempts: readonly AccountCommand[]): AccountEvent[] {
  let state = accountDecider.initialState();
  const log: AccountEvent[] = [];
  for (const command of attempts) {
    try {
      for (const event of accountDecider.decide(command, state)) {
        log.push(event);
        state = accountDecider.evolve(state, event);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return log;
}

describe('the double-entry ledger over random sequences of an account’s events', () => {
  it('BILL-LEDGER-BALANCED: every entry balanced, the trial balance zero after every event, the account’s figures equal to the ledger’s balances', () => {
    fc.assert(
      fc.property(fc.array(commands, { maxLength: 60 }), (attempts) => {
        let state = accountDecider.initialState();
        let balances = new Map<string, number>();
        for (const event of eventsOf(attempts)) {
          state = accountDecider.evolve(state, event);
          const entry = journalEntryOf(PARTY, event);
          if (entry) {
            expect(isBalanced(entry)).toBe(true);
            balances = balancesAfter([entry], balances);
          }
          expect(trialBalanceOf(balances)).toBe(0);
          // What the warehouse owes the party is a credit balance; what the party owes it a debit one.
          const figures = figuresOf(state);
          const balanceOf = (account: string) => balances.get(account) ?? 0;
          expect(0 - balanceOf(ledgerAccounts.depositsHeld(PARTY))).toEqual(figures.depositsHeldFen);
          expect(balanceOf(ledgerAccounts.receivable(PARTY))).toBe(figures.outstandingFen);
          expect(0 - balanceOf(ledgerAccounts.withdrawalsInTransit(PARTY))).toEqual(figures.inTransitFen);
          expect(figures.depositsHeldFen).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
