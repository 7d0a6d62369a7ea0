import { Inject, Injectable } from '@nestjs/common';
import { EventStore, handleCommandIn } from '@dw/event-store';
import type { Clock } from '@dw/kernel';
import { CLOCK } from '@dw/platform';
import { streams } from '../../../common/events/streams';
import { commandContextOf, type Caller } from '../../../common/http/caller';
import { ReceiptOutbox } from '../../../common/integration/receipt-outbox';
import { entitlementDecider } from '../../../entitlement/domain/entitlement.decider';
import { lotBackingDecider } from '../../../lot-backing/domain/lot-backing.decider';
import { receiptDecider } from '../../domain/receipt.decider';
import type { CancellationPurpose, ReceiptCancelled } from '../../domain/receipt.events';
import { entitlementIdOf, receiptPublicEvents } from '../../integration/receipt-events.mapper';

/**
 * Cancellation (注销) as the warehouse processes the holder's application (clerk or manager),
 * in one transaction: the receipt leaves circulation, its lots back nothing
 * and belong to the holder's card (under the entitlement for a pickup, as spot goods otherwise;
 * neither can back a new receipt), and OutboundEntitlementGranted goes out through the outbox for
 * the order service to open the outbound work order.
 */
@Injectable()
export class ProcessCancellationCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    receiptNumber: string,
    caller: Caller,
    expectedVersion?: number,
  ): Promise<{ purpose: CancellationPurpose; entitlementId: string; version: number }> {
    const { actor, metadata, at } = commandContextOf(caller, ['clerk', 'manager'], this.clock);
    return this.store.transaction(async (tx) => {
      const decided = await handleCommandIn(tx, {
        ...streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: { type: 'ProcessCancellation', data: { actor, at } },
        metadata,
        expectedVersion,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      });
      const { entitlement, purpose } = decided.appended!.events[0]!.data as ReceiptCancelled['data'];
      for (const lot of entitlement.lots) {
        await handleCommandIn(tx, {
          ...streams.lot(lot.lotId),
          decider: lotBackingDecider,
          command: {
            type: 'ReleaseLotBacking',
            data: { receiptNumber, entitledCard: entitlement.holder.storageCard, purpose, entitlementId: entitlementIdOf(receiptNumber), actor, at },
          },
          metadata,
        });
      }
      const entitlementId = entitlementIdOf(receiptNumber);
      // Goods for a pickup leave under the entitlement, which closes when its last lot ships;
      // spot goods stay in store as plain stock, so nothing is tracked to exhaustion for them.
      if (purpose === 'pickup') {
        await handleCommandIn(tx, {
          ...streams.entitlement(entitlementId),
          decider: entitlementDecider,
          command: {
            type: 'OpenOutboundEntitlement',
            data: {
              entitlementId,
              receiptNumber,
              holderCard: entitlement.holder.storageCard,
              lots: entitlement.lots.map(({ lotId, weightKg }) => ({ lotId, weightKg })),
              actor,
              at,
            },
          },
          metadata,
        });
      }
      return { purpose, entitlementId, version: decided.version };
    });
  }
}
