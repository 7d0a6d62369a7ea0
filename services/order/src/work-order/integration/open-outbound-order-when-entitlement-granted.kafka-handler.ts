import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntitlementPurpose, fromTimestamp, fromWeight, type OutboundEntitlementGranted, OutboundEntitlementGrantedSchema } from '@dw/contracts';
import { InboxContext } from '@dw/platform';
import { WorkOrderCommandHandler } from '../work-order.command-handler';
import { refusalsRecorded } from './integration-refusal';

/** The outbound order opened for an entitlement has a predictable id, so the holder's desk can find it. */
export const outboundOrderIdOf = (entitlementId: string): string => `out-${entitlementId}`;

/**
 * A receipt was cancelled for pickup (注销): the order service drafts and opens the outbound work
 * order for the holder's storage card, naming the receipt and the lots it released, so that the
 * goods can be picked, weighed and loaded under it. A cancellation to spot goods that stay in
 * store moves nothing and opens no order.
 */
@Controller()
export class OpenOutboundOrderWhenEntitlementGrantedKafkaHandler {
  constructor(private readonly orders: WorkOrderCommandHandler) {}

  @EventPattern(OutboundEntitlementGrantedSchema.typeName)
  async onEntitlementGranted(@Payload() event: OutboundEntitlementGranted, @Ctx() ctx: InboxContext): Promise<void> {
    // rule ORD-PICKUP-OPENS-OUTBOUND
    if (event.purpose !== EntitlementPurpose.PICKUP) return;
    const orderId = outboundOrderIdOf(event.entitlementId);
    const at = fromTimestamp(event.grantedAt, 'granted_at');
    const acting = { actor: 'service:order', at, metadata: ctx.causedMetadata() };
    await refusalsRecorded(ctx, orderId, at, async () => {
      await this.orders.draftIn(
        ctx.store,
        orderId,
        {
          type: 'outbound',
          warehouse: event.warehouse,
          owner: event.holderStorageCard,
          ownerParty: event.holderPartyId,
          commodity: event.commodityCode,
          arrivalMode: null,
          entitlement: {
            entitlementId: event.entitlementId,
            receiptNumber: event.receiptNumber,
            lots: event.lots.map((lot) => ({ lotId: lot.lotId, pieces: lot.pieces, netKg: lot.net ? fromWeight(lot.net) : 0 })),
          },
        },
        acting,
        'entitlement',
      );
      await this.orders.openIn(ctx.store, orderId, acting);
    });
  }
}
