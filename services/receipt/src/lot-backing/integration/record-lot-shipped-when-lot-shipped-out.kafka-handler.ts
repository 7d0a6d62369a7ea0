import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromWeight, LotShippedOutSchema, type LotShippedOut } from '@dw/contracts';
import type { Clock } from '@dw/kernel';
import { handleCommandIn } from '@dw/event-store';
import { deadLetteringRefusals, CLOCK, InboxContext } from '@dw/platform';
import type { Actor } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { nowOf } from '../../common/http/clock-instant';
import { ReceiptOutbox } from '../../common/integration/receipt-outbox';
import { entitlementDecider } from '../../entitlement/domain/entitlement.decider';
import { entitlementPublicEvents } from '../../entitlement/integration/entitlement-events.mapper';
import { lotBackingDecider } from '../domain/lot-backing.decider';
import type { LotShipped } from '../domain/lot-backing.events';

/**
 * Inventory → receipt: a lot's last pieces left the warehouse, so the lot is shipped for good and
 * can never back a receipt; a lot under an entitlement counts towards its exhaustion. Applied through the inbox in one transaction with its inbox row; a
 * repeat changes nothing. A shipment the domain refuses (goods of a live receipt, or under another
 * entitlement than the lot's) is a fault between the services that retrying cannot fix: it is
 * dead-lettered at once with the refusal code.
 */
@Controller()
export class RecordLotShippedWhenLotShippedOutKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
  ) {}

  @EventPattern(LotShippedOutSchema.typeName)
  async handle(@Payload() event: LotShippedOut, @Ctx() ctx: InboxContext): Promise<void> {
    const metadata = ctx.causedMetadata();
    const actor: Actor = { subject: metadata.actor.subject, role: 'system' };
    const at = nowOf(this.clock);
    const netKg = event.net ? fromWeight(event.net) : 0;
    await deadLetteringRefusals(`lot ${event.lotId}`, async () => {
      const decided = await handleCommandIn(ctx.store, {
        ...streams.lot(event.lotId),
        decider: lotBackingDecider,
        command: { type: 'RecordLotShipped', data: { entitlementId: event.entitlementId, netKg, actor, at } },
        metadata,
      });
      // The lot left under its pickup entitlement: count it there, in the same transaction, so the
      // entitlement is exhausted (and OutboundEntitlementExhausted published) with its last lot.
      // Spot goods may leave under their conversion's entitlement id, but a conversion opens no
      // entitlement stream (nothing is tracked to exhaustion for plain stock): they count on none.
      const entitlementId = (decided.appended?.events[0]?.data as LotShipped['data'] | undefined)?.entitlementId;
      if (entitlementId && decided.before.status === 'entitled') {
        await handleCommandIn(ctx.store, {
          ...streams.entitlement(entitlementId),
          decider: entitlementDecider,
          command: { type: 'RecordEntitlementLotShipped', data: { lotId: event.lotId, netKg, actor, at } },
          metadata,
          outboxFor: this.outbox.of(entitlementDecider, entitlementPublicEvents),
        });
      }
    });
  }
}
