import type { AccountEvent } from '../../account/domain/account.events';
import { journalProjection as doubleEntryProjection } from '../../common/projections/journal.projection';
import { journalEntryOf } from '../domain/journal';

const ACCOUNT_STREAM = 'account-';

/**
 * The warehouse's double-entry ledger as read models: `journal_lines`, one row per line of each
 * event's balanced entry, and `account_balances`, debits and credits per ledger account.
 */
export const journalProjection = doubleEntryProjection<'journal_lines', 'account_balances', AccountEvent>({
  name: 'journal',
  linesTable: 'journal_lines',
  balancesTable: 'account_balances',
  eventTypes: [
    'FeeCharged',
    'FeeCredited',
    'FeeChargeReversed',
    'PaymentBooked',
    'FeesSettled',
    'WithdrawalApproved',
    'WithdrawalCompleted',
    'WithdrawalReturned',
  ],
  postingOf(recorded) {
    if (!recorded.streamId.startsWith(ACCOUNT_STREAM)) return null;
    const partyId = recorded.streamId.slice(ACCOUNT_STREAM.length);
    const entry = journalEntryOf(partyId, recorded);
    return entry && { partyId, entry };
  },
});
