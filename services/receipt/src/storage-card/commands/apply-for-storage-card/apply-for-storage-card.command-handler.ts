import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { NumberAllocator } from '../../../common/numbering/number-allocator';
import { storageCardDecider } from '../../domain/storage-card.decider';
import { storageCardPublicEvents } from '../../integration/storage-card-events.mapper';

/** A depositor applies online for a storage card in its own party's name; the number is allotted here. */
@Injectable()
export class ApplyForStorageCardCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(NumberAllocator) private readonly numbers: NumberAllocator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(caller: Caller, holderName: string): Promise<{ cardNumber: string; version: number }> {
    const { actor, at, metadata } = commandContextOf(caller, ['depositor'], this.clock);
    const cardNumber = await this.numbers.storageCardNumber();
    const handled = await this.store.transaction((tx) =>
      handleCommandIn(tx, {
        ...streams.storageCard(cardNumber),
        decider: storageCardDecider,
        command: {
          type: 'ApplyForStorageCard',
          data: { cardNumber, ownerPartyId: actor.partyId ?? '', holderName, actor, at },
        },
        metadata,
        outboxFor: this.outbox.of(storageCardDecider, storageCardPublicEvents),
      }),
    );
    return { cardNumber, version: handled.version };
  }
}
