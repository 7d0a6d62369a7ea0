import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { fromTimestamp, type ReceiptTitleTransferred, ReceiptTitleTransferredSchema } from '@dw/contracts';
import { loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import { InboxContext } from '@dw/platform';
import { ordersAwaiting, titleTransferIndexDecider } from '../domain/title-transfer-index';
import { workOrderDecider } from '../domain/work-order.decider';
import { completeWorkOrderOnFactIn, WorkOrderOutbox } from '../work-order-changes';
import { titleTransferIndexStream, workOrderStream } from '../work-order.streams';
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
  constructor(@Inject(WorkOrderOutbox) private readonly outbox: WorkOrderOutbox) {}

  @EventPattern(ReceiptTitleTransferredSchema.typeName)
  async onTitleTransferred(@Payload() event: ReceiptTitleTransferred, @Ctx() ctx: InboxContext): Promise<void> {
    // rule ORD-TITLE-TRANSFER-BY-RECEIPT
    const at = fromTimestamp(event.transferredAt, 'transferred_at');
    const acting = ctx.commandContext(at);
    const buyerCard = event.to?.storageCard ?? '';
    for (const orderId of await ordersAwaitingTransferIn(ctx.store, event.receiptNumber, buyerCard)) {
      await refusalsRecorded(ctx, orderId, at, () =>
        completeWorkOrderOnFactIn(ctx.store, this.outbox, orderId, { eventType: ReceiptTitleTransferredSchema.typeName, reference: event.transferId }, acting),
      );
    }
  }
}

/** The open or in-progress title-transfer orders waiting for this receipt to reach this buyer's card. */
async function ordersAwaitingTransferIn(tx: EventStoreTransaction, receiptNumber: string, buyerStorageCard: string): Promise<string[]> {
  const { state } = await loadAggregate(tx, titleTransferIndexStream(receiptNumber), titleTransferIndexDecider);
  const active: string[] = [];
  for (const orderId of ordersAwaiting(state, buyerStorageCard)) {
    const { state: order } = await loadAggregate(tx, workOrderStream(orderId), workOrderDecider);
    if (order.status === 'open' || order.status === 'in_progress') active.push(orderId);
  }
  return active;
}
