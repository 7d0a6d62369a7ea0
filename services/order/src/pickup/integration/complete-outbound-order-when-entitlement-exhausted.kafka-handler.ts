import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromTimestamp, fromWeight, type OutboundEntitlementExhausted, OutboundEntitlementExhaustedSchema } from '@dw/contracts';
import { InboxContext } from '@dw/platform';
import { refusalsRecorded } from '../../work-order/integration/integration-refusal';
import { Entitlements, outboundOrderIdOf } from '../entitlements';

/**
 * Every lot of an entitlement has left the warehouse (the receipt service's
 * OutboundEntitlementExhausted, after inventory's last LotShippedOut): the entitlement's outbound
 * order completes, its history naming the fact. A refusal (the order was cancelled) is recorded
 * on the order, not retried.
 */
@Controller()
export class CompleteOutboundOrderWhenEntitlementExhaustedKafkaHandler {
  constructor(private readonly entitlements: Entitlements) {}

  @EventPattern(OutboundEntitlementExhaustedSchema.typeName)
  async onEntitlementExhausted(@Payload() event: OutboundEntitlementExhausted, @Ctx() ctx: InboxContext): Promise<void> {
    const at = fromTimestamp(event.exhaustedAt, 'exhausted_at');
    const kg = (weight: typeof event.granted) => (weight ? fromWeight(weight) : 0);
    const acting = { actor: 'service:order', at, metadata: ctx.causedMetadata() };
    await refusalsRecorded(ctx, outboundOrderIdOf(event.entitlementId), at, () =>
      this.entitlements.exhaustIn(
        ctx.store,
        { entitlementId: event.entitlementId, grantedKg: kg(event.granted), shippedKg: kg(event.shipped), overShortKg: kg(event.overShort), at },
        acting,
      ),
    );
  }
}
