import { Command, Decider, DomainEvent, unhandledCommand } from '@dw/kernel';

/**
 * Which title-transfer orders wait for a receipt's transfer (stream `title-transfer-<receipt>`),
 * written in the draft's own transaction, so the receipt service's ReceiptTitleTransferred finds
 * its order at once, without waiting for a read model.
 */
export type TitleTransferOrderIndexed = DomainEvent<
  'TitleTransferOrderIndexed',
  { readonly receiptNumber: string; readonly buyerStorageCard: string; readonly orderId: string }
>;
export type IndexTitleTransferOrder = Command<'IndexTitleTransferOrder', TitleTransferOrderIndexed['data']>;

export interface TitleTransferIndex {
  readonly orders: readonly { readonly orderId: string; readonly buyerStorageCard: string }[];
}

export const titleTransferIndexDecider: Decider<IndexTitleTransferOrder, TitleTransferIndex, TitleTransferOrderIndexed> = {
  initialState: () => ({ orders: [] }),
  evolve: (state, event) => ({ orders: [...state.orders, { orderId: event.data.orderId, buyerStorageCard: event.data.buyerStorageCard }] }),
  decide(command, state) {
    switch (command.type) {
      case 'IndexTitleTransferOrder':
        return indexOrder(command, state);
      default:
        // One command type: the discriminant, not the command, narrows to never here.
        return unhandledCommand(command.type);
    }
  },
};

/** An order is indexed once; indexing it again records nothing. */
function indexOrder(command: IndexTitleTransferOrder, state: TitleTransferIndex): TitleTransferOrderIndexed[] {
  return state.orders.some((order) => order.orderId === command.data.orderId) ? [] : [{ type: 'TitleTransferOrderIndexed', data: command.data }];
}

/** The orders waiting for this receipt to reach this buyer's card. */
export const ordersAwaiting = (index: TitleTransferIndex, buyerStorageCard: string): string[] =>
  index.orders.filter((order) => order.buyerStorageCard === buyerStorageCard).map((order) => order.orderId);
