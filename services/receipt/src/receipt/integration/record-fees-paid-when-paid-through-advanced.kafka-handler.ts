import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { StoragePaidThroughAdvancedSchema, type StoragePaidThroughAdvanced } from '@dw/contracts';
import type { Clock } from '@dw/kernel';
import { handleCommandIn } from '@dw/event-store';
import { deadLetteringRefusals, CLOCK, InboxContext } from '@dw/platform';
import type { Actor } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { nowOf } from '../../common/http/clock-instant';
import { ReceiptOutbox } from '../../common/integration/receipt-outbox';
import { receiptDecider } from '../domain/receipt.decider';
import { receiptPublicEvents } from './receipt-events.mapper';

/**
 * Billing → receipt (billing.paid-through.v1): a party's storage for the receipt is settled
 * through a later day. The receipt's storage-fees-paid-through date (which cancellation and the
 * trading platform's eligibility read) follows when that party holds the receipt (rule
 * RCPT-FEES-PAID-BY-HOLDER), in one transaction with the inbox row. A date for an earlier
 * holder, or for a receipt no longer live, records nothing; a date for a receipt this service
 * never issued is a fault between the services, dead-lettered with the code.
 */
@Controller()
export class RecordFeesPaidWhenPaidThroughAdvancedKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
  ) {}

  @EventPattern(StoragePaidThroughAdvancedSchema.typeName)
  async handle(@Payload() event: StoragePaidThroughAdvanced, @Ctx() ctx: InboxContext): Promise<void> {
    const metadata = ctx.causedMetadata();
    const actor: Actor = { subject: metadata.actor.subject, role: 'system' };
    await deadLetteringRefusals(`receipt ${event.receiptNumber}`, async () => {
      await handleCommandIn(ctx.store, {
        ...streams.receipt(event.receiptNumber),
        decider: receiptDecider,
        command: {
          type: 'RecordStorageFeesPaid',
          data: { paidThrough: event.paidThrough?.value ?? '', paidBy: event.partyId, actor, at: nowOf(this.clock) },
        },
        metadata,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      });
    });
  }
}
