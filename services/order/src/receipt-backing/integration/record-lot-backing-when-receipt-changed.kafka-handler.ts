import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type ReceiptCancelled,
  ReceiptCancelledSchema,
  type ReceiptIssued,
  ReceiptIssuedSchema,
  type ReceiptMerged,
  ReceiptMergedSchema,
  type ReceiptSplit,
  ReceiptSplitSchema,
} from '@dw/contracts';
import { InboxContext } from '@dw/platform';
import { recordReceiptEndedIn, recordReceiptIssuedIn } from '../receipt-backing';

/**
 * The receipt service's receipts (receipt.receipt.v1, key = receipt, so one receipt's facts
 * arrive in order): ReceiptIssued names the lots that back a new receipt (issuance, split child,
 * merge result); ReceiptSplit, ReceiptMerged and ReceiptCancelled end it. The desk refuses an
 * outbound order over lots that back a live receipt: those goods leave only under an entitlement.
 */
@Controller()
export class RecordLotBackingWhenReceiptChangedKafkaHandler {
  @EventPattern(ReceiptIssuedSchema.typeName)
  onIssued(@Payload() event: ReceiptIssued, @Ctx() ctx: InboxContext) {
    return recordReceiptIssuedIn(
      ctx.store,
      event.receiptNumber,
      event.lots.map((lot) => lot.lotId),
      ctx.causedMetadata(),
    );
  }

  @EventPattern(ReceiptSplitSchema.typeName)
  onSplit(@Payload() event: ReceiptSplit, @Ctx() ctx: InboxContext) {
    return recordReceiptEndedIn(ctx.store, event.receiptNumber, 'split', [], ctx.causedMetadata());
  }

  @EventPattern(ReceiptMergedSchema.typeName)
  onMerged(@Payload() event: ReceiptMerged, @Ctx() ctx: InboxContext) {
    return recordReceiptEndedIn(ctx.store, event.receiptNumber, 'merged', [], ctx.causedMetadata());
  }

  @EventPattern(ReceiptCancelledSchema.typeName)
  onCancelled(@Payload() event: ReceiptCancelled, @Ctx() ctx: InboxContext) {
    return recordReceiptEndedIn(ctx.store, event.receiptNumber, 'cancelled', event.lotIds, ctx.causedMetadata());
  }
}
