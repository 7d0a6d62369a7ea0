import { loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import { lotDecider } from '../lot/domain/lot.decider';
import { streams } from '../shared/inventory.streams';
import { lotTitleDecider } from './domain/lot-title.decider';

/**
 * The storage card that owns a lot's goods now, read in the caller's transaction: the holder of
 * its title once the receipt service named one, before that the card it was received for; null
 * for a lot inventory does not have.
 */
export async function ownerOfLot(tx: EventStoreTransaction, lotId: string): Promise<string | null> {
  // rule INV-OWNER-FOLLOWS-TITLE
  const { state: title } = await loadAggregate(tx, streams.lotTitle(lotId).id, lotTitleDecider);
  if (title.status === 'titled') return title.holder.storageCard;
  const { state: lot } = await loadAggregate(tx, streams.lot(lotId).id, lotDecider);
  return lot.status === 'none' ? null : lot.owner;
}
