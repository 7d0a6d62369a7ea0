import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  fromTimestamp,
  fromWeight,
  ReceiptCancelledSchema,
  ReceiptIssuedSchema,
  ReceiptMergedSchema,
  ReceiptSplitSchema,
  ReceiptTitleTransferredSchema,
  type ReceiptCancelled,
  type ReceiptIssued,
  type ReceiptMerged,
  type ReceiptSplit,
  type ReceiptTitleTransferred,
} from '@dw/contracts';
import { loadAggregate } from '@dw/event-store';
import { DomainError, shanghaiDateOf } from '@dw/kernel';
import { NonRetryableMessageError } from '@dw/messaging';
import { InboxContext } from '@dw/platform';
import { streams } from '../../common/events/streams';
import { holdingDecider } from '../domain/holding.decider';
import { lotGoodsDecider, storageKindOf } from '../domain/lot-goods.decider';
import { HoldingAccrual } from '../holding-accrual';

/** The Shanghai date of a fact's instant: the day a transfer, a cancellation or an issue belongs to. */
const dayOf = (timestamp: Parameters<typeof fromTimestamp>[0], field: string) => shanghaiDateOf(new Date(fromTimestamp(timestamp, field)), field);

/**
 * Receipt → billing: the receipt's facts that change who is charged its storage. Issued (from
 * an issuance, a split or a merge) opens its timeline to the holder; a title transfer passes it
 * to the buyer and charges the transfer fee; split, merged and cancelled end it. Each is applied
 * through the inbox with its inbox row (a repeat changes nothing); one that arrives after its
 * day was charged corrects the charges. A fact about a receipt billing has not seen issued is
 * retried (the issue comes first on the receipt's key); any other refusal is dead-lettered.
 */
@Controller()
export class RecordHoldingWhenReceiptChangedKafkaHandler {
  constructor(@Inject(HoldingAccrual) private readonly accrual: HoldingAccrual) {}

  @EventPattern(ReceiptIssuedSchema.typeName)
  async issued(@Payload() event: ReceiptIssued, @Ctx() ctx: InboxContext): Promise<void> {
    await this.applying(event.receiptNumber, async () => {
      const kinds: string[] = [];
      for (const lot of event.lots) {
        const { state } = await loadAggregate(ctx.store, streams.lotGoods(lot.lotId).streamId, lotGoodsDecider);
        // Inventory's fact about the lot comes on another topic and may still be on its way: retry.
        if (!state) throw new Error(`receipt ${event.receiptNumber}: lot ${lot.lotId} has not reached billing yet`);
        kinds.push(state.storageKind);
      }
      const holderPartyId = event.holder?.partyId ?? '';
      const goods = {
        commodity: event.goods?.commodity ?? '',
        storageKind: storageKindOf(kinds, `receipt ${event.receiptNumber}`),
        weightKg: event.goods?.weight ? fromWeight(event.goods.weight) : 0,
      };
      await this.accrual.decideIn(
        ctx.store,
        { kind: 'receipt', id: event.receiptNumber },
        (pricing) => ({
          type: 'OpenHolding',
          data: {
            ...pricing,
            thing: { kind: 'receipt', id: event.receiptNumber },
            goods,
            holderPartyId,
            on: dayOf(event.issuedAt, 'issuedAt'),
            cause: `issued:${event.receiptNumber}`,
            chargeLoadIn: false,
          },
        }),
        ctx.causedMetadata(),
        [holderPartyId],
      );
      await this.lotsChange(
        ctx,
        event.receiptNumber,
        event.lots.map((lot) => lot.lotId),
        null,
        dayOf(event.issuedAt, 'issuedAt'),
        `receipt:${event.receiptNumber}`,
      );
    });
  }

  @EventPattern(ReceiptTitleTransferredSchema.typeName)
  async transferred(@Payload() event: ReceiptTitleTransferred, @Ctx() ctx: InboxContext): Promise<void> {
    const buyer = event.to?.partyId ?? '';
    await this.applying(event.receiptNumber, () =>
      this.accrual.decideIn(
        ctx.store,
        { kind: 'receipt', id: event.receiptNumber },
        (pricing) => ({
          type: 'TransferHolding',
          data: { ...pricing, transferId: event.transferId, toPartyId: buyer, on: dayOf(event.transferredAt, 'transferredAt') },
        }),
        ctx.causedMetadata(),
        [buyer],
      ),
    );
  }

  @EventPattern(ReceiptSplitSchema.typeName)
  async split(@Payload() event: ReceiptSplit, @Ctx() ctx: InboxContext): Promise<void> {
    await this.ended(ctx, event.receiptNumber, `split:${event.receiptNumber}`, dayOf(event.splitAt, 'splitAt'));
  }

  @EventPattern(ReceiptMergedSchema.typeName)
  async merged(@Payload() event: ReceiptMerged, @Ctx() ctx: InboxContext): Promise<void> {
    await this.ended(ctx, event.receiptNumber, `merged:${event.receiptNumber}`, dayOf(event.mergedAt, 'mergedAt'));
  }

  @EventPattern(ReceiptCancelledSchema.typeName)
  async cancelled(@Payload() event: ReceiptCancelled, @Ctx() ctx: InboxContext): Promise<void> {
    const on = dayOf(event.cancelledAt, 'cancelledAt');
    await this.ended(ctx, event.receiptNumber, `cancelled:${event.receiptNumber}`, on);
    // The lots are the holder's goods again (its outbound entitlement) until they leave.
    const holderPartyId = event.holder?.partyId ?? '';
    await this.lotsChange(ctx, event.receiptNumber, event.lotIds, holderPartyId, on, `entitled:${event.entitlementId || event.receiptNumber}`);
  }

  /**
   * Moves the storage of a receipt's lots: to nobody while a receipt stands for them (the
   * receipt is charged instead), back to the holder when it is cancelled. A lot billing never
   * saw received (before billing consumed inventory) has no timeline and is passed over.
   */
  private async lotsChange(ctx: InboxContext, receiptNumber: string, lotIds: readonly string[], holderPartyId: string | null, on: string, cause: string) {
    for (const lotId of lotIds) {
      const lot = { kind: 'lot' as const, id: lotId };
      const { state } = await loadAggregate(ctx.store, streams.holding(lot).streamId, holdingDecider);
      if (!state.thing) continue;
      await this.applying(receiptNumber, () =>
        this.accrual.decideIn(
          ctx.store,
          lot,
          (pricing) => ({ type: 'ChangeHolder', data: { ...pricing, holderPartyId, on, cause } }),
          ctx.causedMetadata(),
          holderPartyId ? [holderPartyId] : [],
        ),
      );
    }
  }

  private async ended(ctx: InboxContext, receiptNumber: string, cause: string, on: string): Promise<void> {
    await this.applying(receiptNumber, () =>
      this.accrual.decideIn(
        ctx.store,
        { kind: 'receipt', id: receiptNumber },
        (pricing) => ({ type: 'ChangeHolder', data: { ...pricing, holderPartyId: null, on, cause } }),
        ctx.causedMetadata(),
      ),
    );
  }

  private async applying(receiptNumber: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'HOLDING_NOT_OPEN') {
        throw new NonRetryableMessageError(error.code, `receipt ${receiptNumber}: ${error.message}`);
      }
      throw error;
    }
  }
}
