import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { TakePaymentRefusedSchema, type TakePaymentRefused } from '@dw/contracts';
import type { Clock } from '@dw/kernel';
import { CLOCK, InboxContext, deadLetteringRefusals } from '@dw/platform';
import type { Actor } from '../../../common/domain/actor';
import { nowOf } from '../../../common/http/clock-instant';
import { ListingWrites, appendedEvents } from '../commands/listing-writes';

/**
 * Billing → receipt (billing.trading.v1 TakePaymentRefused): nothing was paid, so the take is
 * released (TakeReleased) and its receipts are available on the listing again, in the inbox's
 * transaction; when the listing has closed meanwhile they leave trading instead (their holds
 * lifted in the same transaction). Once per take: a replay changes nothing.
 */
@Controller()
export class ReleaseTakeWhenPaymentRefusedKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ListingWrites) private readonly writes: ListingWrites,
  ) {}

  @EventPattern(TakePaymentRefusedSchema.typeName)
  async handle(@Payload() event: TakePaymentRefused, @Ctx() ctx: InboxContext): Promise<void> {
    // rule TRADE-TAKE-ONCE
    const metadata = ctx.causedMetadata();
    const actor: Actor = { subject: metadata.actor.subject, role: 'system' };
    const command = {
      type: 'ReleaseTake' as const,
      data: {
        takeId: event.takeId,
        reasonCode: event.reasonCode || 'PAYMENT_REFUSED',
        reason: event.reason || 'billing refused the payment',
        actor,
        at: nowOf(this.clock),
      },
    };
    await deadLetteringRefusals(`take ${event.takeId} of listing ${event.listingId}`, async () => {
      const handled = await this.writes.decide(ctx.store, event.listingId, command, metadata);
      await this.writes.afterDecision(ctx.store, event.listingId, appendedEvents(handled), metadata);
    });
  }
}
