import { Inject, Injectable } from '@nestjs/common';
import { EventStore, loadAggregate, type HandledCommand } from '@dw/event-store';
import { shanghaiDateOf, type Clock } from '@dw/kernel';
import { CLOCK, type CommandContext } from '@dw/platform';
import { holderPartyIn } from '../../../storage-card/storage-cards';
import type { WorkOrderState } from '../../../work-order/domain/work-order.state';
import { draftWorkOrderIn, openWorkOrderIn, WorkOrderOutbox } from '../../../work-order/work-order-changes';
import { entitlementDecider } from '../../domain/entitlement.decider';
import type { PickupApplicationInput } from '../../domain/pickup-application';
import { decideEntitlementIn, entitlementStream, outboundOrderIdOf } from '../../entitlements';

/**
 * The holder's pickup application: decided on the entitlement (holder, not exhausted, not
 * applied before, content), then the outbound order `out-<entitlementId>` is drafted and opened
 * from it in the same transaction, so an application never stands without its order.
 */
@Injectable()
export class ApplyForPickupCommandHandler {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(
    entitlementId: string,
    application: PickupApplicationInput,
    applicantParty: string,
    acting: CommandContext,
  ): Promise<HandledCommand<WorkOrderState>> {
    // rule ORD-PICKUP-ONE-ORDER
    const orderId = outboundOrderIdOf(entitlementId);
    return this.store.transaction(async (tx) => {
      const { state: known } = await loadAggregate(tx, entitlementStream(entitlementId), entitlementDecider);
      // The holder is whoever holds the entitlement's card now, as the desk's copy of the registry says.
      const cardParty = known.status === 'unknown' ? null : await holderPartyIn(tx, known.grant.holderStorageCard);
      const today = shanghaiDateOf(this.clock.now());
      const applied = await decideEntitlementIn(
        tx,
        { type: 'ApplyForPickup', data: { entitlementId, orderId, applicantParty, cardParty, today, application, actor: acting.actor.subject, at: acting.at } },
        acting.metadata,
      );
      if (applied.state.status === 'unknown' || applied.state.pickup === null) throw new Error(`entitlement ${entitlementId} recorded no application`);
      const { grant, pickup } = applied.state;
      await draftWorkOrderIn(
        tx,
        this.outbox,
        orderId,
        {
          type: 'outbound',
          warehouse: grant.warehouse,
          owner: grant.holderStorageCard,
          ownerParty: cardParty ?? grant.holderParty,
          commodity: grant.commodity,
          arrivalMode: null,
          entitlement: { entitlementId, receiptNumber: grant.receiptNumber, lots: grant.lots },
          pickup: { application: pickup.application, appliedBy: acting.actor.subject, appliedAt: acting.at },
        },
        acting,
        'entitlement',
      );
      return openWorkOrderIn(tx, this.outbox, orderId, acting);
    });
  }
}
