import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromTimestamp, type ReceiptTitleTransferred, ReceiptTitleTransferredSchema } from '@dw/contracts';
import { InboxContext } from '@dw/platform';
import { WorkOrderCommandHandler } from '../work-order.command-handler';
import { refusalsRecorded } from './integration-refusal';

/**
 * The receipt service transferred a receipt's title (过户) after its error-proofing check
 * (holder name, storage card and commodity matched the record: rule RCPT-TRANSFER-MATCH): the
 * title-transfer orders waiting for this receipt to reach this buyer's card complete on that
 * fact, naming the transfer. Matching by receipt number and buyer card needs nothing from the
 * receipt service that it does not already publish. A transfer no order waits for (one made on
 * the trading platform) completes nothing.
 */
@Controller()
export class CompleteTitleTransferOrderWhenTitleTransferredKafkaHandler {
  constructor(private readonly orders: WorkOrderCommandHandler) {}

  @EventPattern(ReceiptTitleTransferredSchema.typeName)
  async onTitleTransferred(@Payload() event: ReceiptTitleTransferred, @Ctx() ctx: InboxContext): Promise<void> {
    // rule ORD-TITLE-TRANSFER-BY-RECEIPT
    const at = fromTimestamp(event.transferredAt, 'transferred_at');
    const acting = { actor: 'service:order', at, metadata: ctx.causedMetadata() };
    const buyerCard = event.to?.storageCard ?? '';
    for (const orderId of await this.orders.ordersAwaitingTransferIn(ctx.store, event.receiptNumber, buyerCard)) {
      await refusalsRecorded(ctx, orderId, at, () =>
        this.orders.completeOnFactIn(ctx.store, orderId, { eventType: ReceiptTitleTransferredSchema.typeName, reference: event.transferId }, acting),
      );
    }
  }
}
