import { Injectable } from '@nestjs/common';
import { OutboundEntitlementExhaustedSchema } from '@dw/contracts';
import { EventStore, handleCommandIn, loadAggregate, type EventMetadata, type EventStoreTransaction } from '@dw/event-store';
import { shanghaiDateOf, type Clock } from '@dw/kernel';
import type { Acting } from '@dw/platform';
import { StorageCards } from '../storage-card/storage-cards';
import { WorkOrderCommandHandler } from '../work-order/work-order.command-handler';
import type { EntitlementCommand } from './domain/entitlement.commands';
import { entitlementDecider } from './domain/entitlement.decider';
import type { EntitlementExhausted, EntitlementGrant } from './domain/entitlement.events';
import type { PickupApplicationInput } from './domain/pickup-application';

export const ENTITLEMENT_STREAM_TYPE = 'entitlement';
export const entitlementStream = (entitlementId: string): string => `entitlement-${entitlementId}`;

/** The outbound order of an entitlement has a predictable id: one order per entitlement, found by its name. */
export const outboundOrderIdOf = (entitlementId: string): string => `out-${entitlementId}`;

/**
 * Outbound entitlements as the receipt service grants and exhausts them, and the holder's pickup
 * application that opens the entitlement's one outbound order.
 */
@Injectable()
export class Entitlements {
  constructor(
    private readonly store: EventStore,
    private readonly cards: StorageCards,
    private readonly orders: WorkOrderCommandHandler,
  ) {}

  recordIn(tx: EventStoreTransaction, grant: EntitlementGrant, metadata: EventMetadata) {
    return this.decideIn(tx, { type: 'RecordEntitlement', data: grant }, metadata);
  }

  /**
   * The holder's pickup application: decided on the entitlement (holder, not exhausted, not
   * applied before, content), then the outbound order `out-<entitlementId>` is drafted and opened
   * from it in the same transaction, so an application never stands without its order.
   */
  apply(entitlementId: string, application: PickupApplicationInput, applicantParty: string, acting: Acting, clock: Clock) {
    // rule ORD-PICKUP-ONE-ORDER
    const orderId = outboundOrderIdOf(entitlementId);
    return this.store.transaction(async (tx) => {
      const { state: known } = await loadAggregate(tx, entitlementStream(entitlementId), entitlementDecider);
      // The holder is whoever holds the entitlement's card now, as the desk's copy of the registry says.
      const cardParty = known.status === 'unknown' ? null : await this.cards.holderPartyIn(tx, known.grant.holderStorageCard);
      const today = shanghaiDateOf(clock.now());
      const applied = await this.decideIn(
        tx,
        { type: 'ApplyForPickup', data: { entitlementId, orderId, applicantParty, cardParty, today, application, actor: acting.actor, at: acting.at } },
        acting.metadata,
      );
      if (applied.state.status === 'unknown' || applied.state.pickup === null) throw new Error(`entitlement ${entitlementId} recorded no application`);
      const { grant, pickup } = applied.state;
      await this.orders.draftIn(
        tx,
        orderId,
        {
          type: 'outbound',
          warehouse: grant.warehouse,
          owner: grant.holderStorageCard,
          ownerParty: cardParty ?? grant.holderParty,
          commodity: grant.commodity,
          arrivalMode: null,
          entitlement: { entitlementId, receiptNumber: grant.receiptNumber, lots: grant.lots },
          pickup: { application: pickup.application, appliedBy: acting.actor, appliedAt: acting.at },
        },
        acting,
        'entitlement',
      );
      return this.orders.openIn(tx, orderId, acting);
    });
  }

  /**
   * Every lot of the entitlement has shipped: the exhaustion is recorded on the entitlement and
   * its outbound order, if the holder applied, completes naming the fact. Both are idempotent, so
   * a redelivered message changes nothing.
   */
  async exhaustIn(tx: EventStoreTransaction, exhausted: EntitlementExhausted['data'], acting: Acting): Promise<void> {
    // rule ORD-EXHAUSTED-COMPLETES-OUTBOUND
    const { state } = await this.decideIn(tx, { type: 'RecordExhaustion', data: exhausted }, acting.metadata);
    if (state.status === 'unknown' || state.pickup === null) return;
    await this.orders.completeOnFactIn(
      tx,
      state.pickup.orderId,
      { eventType: OutboundEntitlementExhaustedSchema.typeName, reference: exhausted.entitlementId },
      acting,
    );
  }

  private decideIn(tx: EventStoreTransaction, command: EntitlementCommand, metadata: EventMetadata) {
    return handleCommandIn(tx, {
      streamId: entitlementStream(command.data.entitlementId),
      streamType: ENTITLEMENT_STREAM_TYPE,
      decider: entitlementDecider,
      command,
      metadata,
    });
  }
}
