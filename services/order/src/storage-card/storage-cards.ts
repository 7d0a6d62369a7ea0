import { Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn, loadAggregate, type EventMetadata, type EventStoreTransaction } from '@dw/event-store';
import { StorageCardCommand } from './domain/storage-card.commands';
import { orderPartyOf, storageCardDecider, type CardNamedBy, type StorageCardState } from './domain/storage-card.decider';

export const STORAGE_CARD_STREAM_TYPE = 'storage-card';
export const storageCardStream = (storageCard: string): string => `storage-card-${storageCard}`;

/** The storage cards the order desk may name, as the receipt service published them. */
@Injectable()
export class StorageCards {
  constructor(private readonly store: EventStore) {}

  recordIn(tx: EventStoreTransaction, command: StorageCardCommand, metadata: EventMetadata) {
    return handleCommandIn(tx, {
      streamId: storageCardStream(command.data.storageCard),
      streamType: STORAGE_CARD_STREAM_TYPE,
      decider: storageCardDecider,
      command,
      metadata,
    });
  }

  /** The party a new order on this card belongs to, read in the order's own transaction (see orderPartyOf). */
  async orderPartyIn(tx: EventStoreTransaction, storageCard: string, claimedParty: string | undefined, field: string, namedBy: CardNamedBy): Promise<string> {
    return orderPartyOf(await this.stateIn(tx, storageCard), storageCard, claimedParty, field, namedBy);
  }

  /** The party holding the card as far as the desk knows, or null while the card's event is on its way. */
  async holderPartyIn(tx: EventStoreTransaction, storageCard: string): Promise<string | null> {
    const state = await this.stateIn(tx, storageCard);
    return state.status === 'unknown' ? null : state.party;
  }

  async get(storageCard: string): Promise<StorageCardState> {
    return this.store.transaction((tx) => this.stateIn(tx, storageCard));
  }

  private async stateIn(tx: EventStoreTransaction, storageCard: string): Promise<StorageCardState> {
    return (await loadAggregate(tx, storageCardStream(storageCard), storageCardDecider)).state;
  }
}
