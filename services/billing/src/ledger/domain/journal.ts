import { shanghaiDateOf } from '@dw/kernel';
import type { AccountEvent } from '../../account/domain/account.events';
import { type JournalEntry as CommonJournalEntry, creditLine as credit, debitLine as debit } from '../../common/domain/journal';

export type { JournalLine } from '../../common/domain/journal';

/** A warehouse account event's balanced entry. */
export type JournalEntry = CommonJournalEntry<AccountEvent['type']>;

/** The ledger's accounts, named as billing's contract names them (billing-contracts: the ledger). */
export const ledgerAccounts = {
  cashAtBank: (bankId: string) => `cash-at-bank:${bankId}`,
  receivable: (partyId: string) => `receivable:${partyId}`,
  depositsHeld: (partyId: string) => `deposits-held:${partyId}`,
  withdrawalsInTransit: (partyId: string) => `withdrawals-in-transit:${partyId}`,
  feesIncome: (item: string) => `fees-income:${item}`,
} as const;

/**
 * The journal entry of one event of a party's account, balanced (debits = credits); null for an
 * event that moves no money (a withdrawal requested or rejected, a paid-through date). Assets
 * (cash at bank, receivables) grow by debit; what the warehouse owes the party (deposits held,
 * withdrawals in transit) and its income grow by credit.
 */
export function journalEntryOf(partyId: string, event: AccountEvent): JournalEntry | null {
  // rule BILL-LEDGER-BALANCED
  const postedOn = shanghaiDateOf(new Date(event.data.at));
  const { receivable, depositsHeld, withdrawalsInTransit, feesIncome, cashAtBank } = ledgerAccounts;
  switch (event.type) {
    case 'FeeCharged': {
      const { feeId, item, amountFen } = event.data;
      // Posted on the trading day it is charged (a holiday's storage before the holiday).
      return {
        postedOn: event.data.chargedOn,
        causeType: event.type,
        causeId: feeId,
        lines: [debit(receivable(partyId), amountFen), credit(feesIncome(item), amountFen)],
      };
    }
    case 'FeeCredited': {
      const { feeId, item, amountFen } = event.data;
      // The warehouse pays the party out of that item's income (a short at load-out), into its deposits held.
      return {
        postedOn: event.data.chargedOn,
        causeType: event.type,
        causeId: feeId,
        lines: [debit(feesIncome(item), amountFen), credit(depositsHeld(partyId), amountFen)],
      };
    }
    case 'FeeChargeReversed': {
      // What was still owed leaves the receivable; what had been paid goes back to deposits held.
      const { feeId, item, amountFen, refundedFen } = event.data;
      const lines = [debit(feesIncome(item), amountFen)];
      if (amountFen - refundedFen > 0) lines.push(credit(receivable(partyId), amountFen - refundedFen));
      if (refundedFen > 0) lines.push(credit(depositsHeld(partyId), refundedFen));
      return { postedOn, causeType: event.type, causeId: feeId, lines };
    }
    case 'PaymentBooked': {
      const { paymentId, bankId, bankTransactionId, amountFen, valueDate } = event.data;
      return {
        postedOn: valueDate,
        causeType: event.type,
        causeId: paymentId,
        lines: [debit(cashAtBank(bankId), amountFen, { bankId, bankTransactionId }), credit(depositsHeld(partyId), amountFen)],
      };
    }
    case 'FeesSettled': {
      const total = event.data.settlements.reduce((sum, settlement) => sum + settlement.amountFen, 0);
      const causeId = event.data.settlements.map((settlement) => settlement.feeId).join(',');
      return { postedOn, causeType: event.type, causeId, lines: [debit(depositsHeld(partyId), total), credit(receivable(partyId), total)] };
    }
    case 'WithdrawalApproved': {
      const { withdrawalId, amountFen } = event.data;
      return {
        postedOn,
        causeType: event.type,
        causeId: withdrawalId,
        lines: [debit(depositsHeld(partyId), amountFen), credit(withdrawalsInTransit(partyId), amountFen)],
      };
    }
    case 'WithdrawalCompleted': {
      const { withdrawalId, amountFen, bankId, bankTransactionId, valueDate } = event.data;
      return {
        postedOn: valueDate,
        causeType: event.type,
        causeId: withdrawalId,
        lines: [debit(withdrawalsInTransit(partyId), amountFen), credit(cashAtBank(bankId), amountFen, { bankId, bankTransactionId })],
      };
    }
    case 'WithdrawalReturned': {
      const { withdrawalId, amountFen } = event.data;
      return {
        postedOn,
        causeType: event.type,
        causeId: withdrawalId,
        lines: [debit(withdrawalsInTransit(partyId), amountFen), credit(depositsHeld(partyId), amountFen)],
      };
    }
    case 'WithdrawalRequested':
    case 'WithdrawalRejected':
    case 'StoragePaidThroughAdvanced':
      return null;
  }
}
