import { Command, Decider, DomainEvent, requireText, unhandledCommand } from '@dw/kernel';
import { LoadOutMethod } from '../../rate-card/domain/rate-card.terms';

/** What billing needs of a work order: whose goods it moves (the party behind the storage card) and, for a pickup, how they leave. */
export interface WorkOrderFacts {
  readonly orderId: string;
  readonly ownerPartyId: string;
  readonly ownerStorageCard: string;
  /** The pickup application's method; null for an order not opened from one (inbound, desk-drafted outbound). */
  readonly pickupMethod: LoadOutMethod | null;
}

export type RecordWorkOrder = Command<'RecordWorkOrder', WorkOrderFacts & { readonly at: string }>;
export type WorkOrderRecorded = DomainEvent<'WorkOrderRecorded', WorkOrderFacts & { readonly at: string }>;

/** One stream per work order: recorded once from WorkOrderOpened; a repeat decides nothing. */
export const workOrderFactsDecider: Decider<RecordWorkOrder, WorkOrderFacts | null, WorkOrderRecorded> = {
  initialState: () => null,
  evolve: (_state, event) => {
    const { at: _at, ...facts } = event.data;
    return facts;
  },
  decide(command, state) {
    switch (command.type) {
      case 'RecordWorkOrder': {
        if (state) return [];
        const { orderId, ownerPartyId, ownerStorageCard, pickupMethod, at } = command.data;
        return [
          {
            type: 'WorkOrderRecorded',
            data: { orderId: requireText(orderId, 'orderId'), ownerPartyId: requireText(ownerPartyId, 'ownerPartyId'), ownerStorageCard, pickupMethod, at },
          },
        ];
      }
      default:
        return unhandledCommand(command.type satisfies never);
    }
  },
};
