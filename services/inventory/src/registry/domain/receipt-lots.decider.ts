import { Command, Decider, DomainEvent, unhandledCommand } from '@dw/kernel';

/** The lots a receipt was issued over, noted when inventory learns of the receipt. */
export type ReceiptLotsNoted = DomainEvent<'ReceiptLotsNoted', { readonly receiptNumber: string; readonly lotIds: readonly string[] }>;
export type NoteReceiptLots = Command<'NoteReceiptLots', ReceiptLotsNoted['data']>;
export type ReceiptLotsState = { readonly status: 'none' } | { readonly status: 'noted'; readonly receiptNumber: string; readonly lotIds: readonly string[] };

/**
 * Which lots a receipt stands for (one stream per receipt), from its ReceiptIssued. A transfer,
 * hold, split or merge names only the receipt; inventory finds its lots here, in its own log and
 * in the same transaction, never by asking the receipt service. A receipt's lots never change
 * (a split or merge issues new receipts), so the first note is the only one.
 */
export const receiptLotsDecider: Decider<NoteReceiptLots, ReceiptLotsState, ReceiptLotsNoted> = {
  // rule INV-TITLE-FOLLOWS-RECEIPT
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) => ({ status: 'noted', receiptNumber: event.data.receiptNumber, lotIds: event.data.lotIds }),
  decide(command, state) {
    switch (command.type) {
      case 'NoteReceiptLots':
        return state.status === 'none' ? [{ type: 'ReceiptLotsNoted', data: command.data }] : [];
      default:
        return unhandledCommand(command.type);
    }
  },
};
