import { handleCommandIn, loadAggregate, type EventMetadata, type EventStoreTransaction } from '@dw/event-store';
import type { StorageCardCommand } from './domain/storage-card.commands';
import { orderPartyOf, storageCardDecider, type CardNamedBy, type StorageCardState } from './domain/storage-card.decider';

export const STORAGE_CARD_STREAM_TYPE = 'storage-card';
export const storageCardStream = (storageCard: string): string => `storage-card-${storageCard}`;

/*
 * The storage cards the order desk may name, as the receipt service published them: recorded by
 * the card consumer, read by the order and pickup features inside their own transactions.
 */

/** Records a card as the receipt service's event describes it, in the caller's (the inbox's) transaction. */
export function recordStorageCardIn(tx: EventStoreTransaction, command: StorageCardCommand, metadata: EventMetadata) {
  return handleCommandIn(tx, {
    streamId: storageCardStream(command.data.storageCard),
    streamType: STORAGE_CARD_STREAM_TYPE,
    decider: storageCardDecider,
    command,
    metadata,
  });
}

/** The desk's copy of the card as it is now (`unknown` while the receipt service's event is on its way). */
export async function storageCardIn(tx: EventStoreTransaction, storageCard: string): Promise<StorageCardState> {
  return (await loadAggregate(tx, storageCardStream(storageCard), storageCardDecider)).state;
}

/** The party a new order on this card belongs to, read in the order's own transaction (see orderPartyOf). */
export async function orderPartyIn(
  tx: EventStoreTransaction,
  storageCard: string,
  claimedParty: string | undefined,
  field: string,
  namedBy: CardNamedBy,
): Promise<string> {
  return orderPartyOf(await storageCardIn(tx, storageCard), storageCard, claimedParty, field, namedBy);
}

/** The party holding the card as far as the desk knows, or null while the card's event is on its way. */
export async function holderPartyIn(tx: EventStoreTransaction, storageCard: string): Promise<string | null> {
  const state = await storageCardIn(tx, storageCard);
  return state.status === 'unknown' ? null : state.party;
}
