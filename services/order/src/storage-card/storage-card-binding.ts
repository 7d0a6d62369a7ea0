import { handleCommandIn, type EventMetadata, type EventStoreTransaction } from '@dw/event-store';
import { storageCardBindingDecider } from './domain/storage-card-binding.decider';

/** Checks the card ↔ party pairing of a new order inside the order's own transaction (all or nothing). */
export async function confirmStorageCardParty(
  tx: EventStoreTransaction,
  request: { storageCard: string; party: string; orderId: string; actor: string; at: string },
  metadata: EventMetadata,
): Promise<void> {
  await handleCommandIn(tx, {
    streamId: `storage-card-${request.storageCard}`,
    streamType: 'storage-card',
    decider: storageCardBindingDecider,
    command: { type: 'ConfirmStorageCardParty', data: request },
    metadata,
  });
}
