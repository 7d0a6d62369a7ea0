import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromTimestamp, fromWeight, type OutboundEntitlementExhausted, OutboundEntitlementExhaustedSchema } from '@dw/contracts';
import type { EventStoreTransaction } from '@dw/event-store';
import { InboxContext, type CommandContext } from '@dw/platform';
import { refusalsRecorded } from '../../work-order/integration/integration-refusal';
import { completeWorkOrderOnFactIn, WorkOrderOutbox } from '../../work-order/work-order-changes';
import type { EntitlementExhausted } from '../domain/entitlement.events';
import { decideEntitlementIn, outboundOrderIdOf } from '../entitlements';

/**
 * Every lot of an entitlement has left the warehouse (the receipt service's
 * OutboundEntitlementExhausted, after inventory's last LotShippedOut): the entitlement's outbound
 * order completes, its history naming the fact. A refusal (the order was cancelled) is recorded
 * on the order, not retried.
 */
@Controller()
export class CompleteOutboundOrderWhenEntitlementExhaustedKafkaHandler {
  constructor(@Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox) {}

  @EventPattern(OutboundEntitlementExhaustedSchema.typeName)
  async onEntitlementExhausted(@Payload() event: OutboundEntitlementExhausted, @Ctx() ctx: InboxContext): Promise<void> {
    const at = fromTimestamp(event.exhaustedAt, 'exhausted_at');
    const kg = (weight: typeof event.granted) => (weight ? fromWeight(weight) : 0);
    const acting = ctx.commandContext(at);
    await refusalsRecorded(ctx, outboundOrderIdOf(event.entitlementId), at, () =>
      this.exhaustIn(
        ctx.store,
        { entitlementId: event.entitlementId, grantedKg: kg(event.granted), shippedKg: kg(event.shipped), overShortKg: kg(event.overShort), at },
        acting,
      ),
    );
  }

  /**
   * Every lot of the entitlement has shipped: the exhaustion is recorded on the entitlement and
   * its outbound order, if the holder applied, completes naming the fact. Both are idempotent, so
   * a redelivered message changes nothing.
   */
  private async exhaustIn(tx: EventStoreTransaction, exhausted: EntitlementExhausted['data'], acting: CommandContext): Promise<void> {
    // rule ORD-EXHAUSTED-COMPLETES-OUTBOUND
    const { state } = await decideEntitlementIn(tx, { type: 'RecordExhaustion', data: exhausted }, acting.metadata);
    if (state.status === 'unknown' || state.pickup === null) return;
    await completeWorkOrderOnFactIn(
      tx,
      this.outbox,
      state.pickup.orderId,
      { eventType: OutboundEntitlementExhaustedSchema.typeName, reference: exhausted.entitlementId },
      acting,
    );
  }
}
