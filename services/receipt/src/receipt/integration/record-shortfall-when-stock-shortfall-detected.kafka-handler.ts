import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromTimestamp, fromWeight, StockShortfallDetectedSchema, type StockShortfallDetected } from '@dw/contracts';
import type { Clock } from '@dw/kernel';
import { handleCommandIn, loadAggregate } from '@dw/event-store';
import { deadLetteringRefusals, CLOCK, InboxContext } from '@dw/platform';
import type { Actor } from '../../common/domain/actor';
import { streams } from '../../common/events/streams';
import { nowOf } from '../../common/http/clock-instant';
import { ReceiptOutbox } from '../../common/integration/receipt-outbox';
import { lotBackingDecider } from '../../lot-backing/domain/lot-backing.decider';
import { receiptDecider } from '../domain/receipt.decider';
import { receiptPublicEvents } from './receipt-events.mapper';

/**
 * Inventory → receipt: a stocktake write-off of goods that back a receipt (rule
 * RCPT-SHORT-GOODS-STAYS-PUT). The shortfall is recorded on the receipt, which then stops moving,
 * and ReceiptGoodsShortfallRecorded goes out for the exchange, the pledgee banks and ops; all in
 * one transaction with the inbox row, and a redelivery (or the same variance again) changes nothing.
 *
 * Goods inventory names no receipt for back no title: nothing to record. For goods it names a
 * receipt for, the registry's own lot stream says which receipt the lot backs now: inventory
 * learns of a split or merge from our events, so its alarm may still name the parent, while the
 * title (and the shortfall) is the successor's. A lot backing nothing any more leaves the named
 * receipt to decide (it records nothing once it is no longer live; see recordGoodsShortfall).
 * A shortfall the domain refuses (an unknown receipt, a lot not behind it, a gain) is a fault
 * between the services: dead-lettered at once with the code.
 */
@Controller()
export class RecordShortfallWhenStockShortfallDetectedKafkaHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ReceiptOutbox) private readonly outbox: ReceiptOutbox,
  ) {}

  @EventPattern(StockShortfallDetectedSchema.typeName)
  async handle(@Payload() event: StockShortfallDetected, @Ctx() ctx: InboxContext): Promise<void> {
    if (!event.receiptNumber) return;
    const metadata = ctx.causedMetadata();
    const actor: Actor = { subject: metadata.actor.subject, role: 'system' };
    await deadLetteringRefusals(`receipt ${event.receiptNumber}`, async () => {
      const lot = (await loadAggregate(ctx.store, streams.lot(event.lotId).streamId, lotBackingDecider)).state;
      const receiptNumber = lot.status === 'backing' ? lot.receiptNumber : event.receiptNumber;
      await handleCommandIn(ctx.store, {
        ...streams.receipt(receiptNumber),
        decider: receiptDecider,
        command: {
          type: 'RecordGoodsShortfall',
          data: {
            lotId: event.lotId,
            stocktakeId: event.stocktakeId,
            varianceId: event.varianceId,
            deltaPieces: event.deltaPieces,
            deltaKg: event.delta ? fromWeight(event.delta) : 0,
            approver: event.approver,
            approvalReason: event.approvalReason,
            detectedAt: event.detectedAt ? fromTimestamp(event.detectedAt, 'detected_at') : '',
            pledgedTo: event.pledgedTo,
            actor,
            at: nowOf(this.clock),
          },
        },
        metadata,
        outboxFor: this.outbox.of(receiptDecider, receiptPublicEvents),
      });
    });
  }
}
