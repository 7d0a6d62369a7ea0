import { journalProjection } from '../../common/projections/journal.projection';
import type { TradingAccountEvent } from '../domain/trading-account.events';
import { tradingJournalEntryOf } from '../domain/trading-journal';
import { partyOfTradingAccountStream } from '../trading-streams';

/**
 * The trading platform's double-entry ledger, in the same shape as the warehouse ledger's
 * `journal_lines` / `account_balances`, kept apart so the exchange's trading settlement money
 * never mixes with the warehouse's.
 */
export const tradingJournalProjection = journalProjection<'trading_journal_lines', 'trading_ledger_balances', TradingAccountEvent>({
  name: 'trading_journal',
  linesTable: 'trading_journal_lines',
  balancesTable: 'trading_ledger_balances',
  eventTypes: [
    'TradingDepositBooked',
    'TakePaymentDebited',
    'TakeProceedsCredited',
    'InvoiceDepositReleased',
    'TradingWithdrawalApproved',
    'TradingWithdrawalPaid',
    'TradingWithdrawalReturned',
    'SettlementReportIssued',
  ],
  postingOf(recorded) {
    const partyId = partyOfTradingAccountStream(recorded.streamId);
    if (partyId === null) return null;
    const entry = tradingJournalEntryOf(partyId, recorded);
    return entry && { partyId, entry };
  },
});
