import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EntitlementPurpose, fromTimestamp, fromWeight, type OutboundEntitlementGranted, OutboundEntitlementGrantedSchema } from '@dw/contracts';
import { InboxContext } from '@dw/platform';
import { refusalsRecorded } from '../../work-order/integration/integration-refusal';
import type { EntitlementPurpose as Purpose } from '../domain/entitlement.events';
import { decideEntitlementIn, outboundOrderIdOf } from '../entitlements';

const PURPOSES: Partial<Record<EntitlementPurpose, Purpose>> = {
  [EntitlementPurpose.PICKUP]: 'pickup',
  [EntitlementPurpose.SPOT_CONVERSION]: 'spot_conversion',
};

/**
 * A receipt was cancelled (注销): the order service records the holder's entitlement to the
 * lots. No order opens yet: the outbound order opens from the holder's pickup application
 * (POST /entitlements/:id/pickup-application), which says when, how and by whom the goods go.
 * A conversion to spot goods is recorded too: the goods stay in store as the holder's stock, and
 * the holder may apply to pick them up later.
 */
@Controller()
export class RecordEntitlementWhenEntitlementGrantedKafkaHandler {
  @EventPattern(OutboundEntitlementGrantedSchema.typeName)
  async onEntitlementGranted(@Payload() event: OutboundEntitlementGranted, @Ctx() ctx: InboxContext): Promise<void> {
    // rule ORD-PICKUP-ONE-ORDER
    const at = fromTimestamp(event.grantedAt, 'granted_at');
    const lots = event.lots.map((lot) => ({ lotId: lot.lotId, pieces: lot.pieces, netKg: lot.net ? fromWeight(lot.net) : 0 }));
    await refusalsRecorded(ctx, outboundOrderIdOf(event.entitlementId), at, () =>
      decideEntitlementIn(
        ctx.store,
        {
          type: 'RecordEntitlement',
          data: {
            entitlementId: event.entitlementId,
            receiptNumber: event.receiptNumber,
            warehouse: event.warehouse,
            holderStorageCard: event.holderStorageCard,
            holderParty: event.holderPartyId,
            commodity: event.commodityCode,
            lots,
            totalKg: event.total ? fromWeight(event.total) : lots.reduce((sum, lot) => sum + lot.netKg, 0),
            // A purpose this service does not know goes to the decider as written, which refuses it (recorded, not retried).
            purpose: PURPOSES[event.purpose] ?? (EntitlementPurpose[event.purpose] as Purpose),
            grantedAt: at,
          },
        },
        ctx.causedMetadata(),
      ),
    );
  }
}
