import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromWeight, LotShippedOutSchema, type LotShippedOut } from '@dw/contracts';
import { type Clock, DomainError } from '@dw/kernel';
import { handleCommandIn } from '@dw/event-store';
import { NonRetryableMessageError } from '@dw/messaging';
import { CLOCK, InboxContext } from '@dw/platform';
import type { Actor } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { nowOf } from '../../common/http/clock-instant';
import { lotBackingDecider } from '../domain/lot-backing.decider';

/**
 * Inventory → receipt: a lot's last pieces left the warehouse, so the lot is shipped for good and
 * can never back a receipt. Applied through the inbox in one transaction with its inbox row; a
 * repeat changes nothing. A shipment the domain refuses (goods of a live receipt, or under another
 * entitlement than the lot's) is a fault between the services that retrying cannot fix: it is
 * dead-lettered at once with the refusal code.
 */
@Controller()
export class RecordLotShippedWhenLotShippedOutKafkaHandler {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(LotShippedOutSchema.typeName)
  async handle(@Payload() event: LotShippedOut, @Ctx() ctx: InboxContext): Promise<void> {
    const metadata = ctx.causedMetadata();
    const actor: Actor = { subject: metadata.actor.subject, role: 'system' };
    try {
      await handleCommandIn(ctx.store, {
        ...streams.lot(event.lotId),
        decider: lotBackingDecider,
        command: {
          type: 'RecordLotShipped',
          data: { entitlementId: event.entitlementId, netKg: event.net ? fromWeight(event.net) : 0, actor, at: nowOf(this.clock) },
        },
        metadata,
      });
    } catch (error) {
      if (error instanceof DomainError) throw new NonRetryableMessageError(error.code, `lot ${event.lotId}: ${error.message}`);
      throw error;
    }
  }
}
