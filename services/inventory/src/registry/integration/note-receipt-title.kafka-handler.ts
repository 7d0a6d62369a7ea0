import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ContractFieldMissingError,
  EntitlementPurpose as EntitlementPurposePb,
  type OutboundEntitlementGranted,
  OutboundEntitlementGrantedSchema,
  type ReceiptCancelled,
  ReceiptCancelledSchema,
  type ReceiptHolder,
  ReceiptHoldBeneficiaryKind,
  ReceiptHoldKind as ReceiptHoldKindPb,
  type ReceiptHoldPlaced,
  ReceiptHoldPlacedSchema,
  type ReceiptHoldReleased,
  ReceiptHoldReleasedSchema,
  type ReceiptIssued,
  ReceiptIssuedSchema,
  type ReceiptMerged,
  ReceiptMergedSchema,
  type ReceiptSplit,
  ReceiptSplitSchema,
  type ReceiptTitleTransferred,
  ReceiptTitleTransferredSchema,
} from '@dw/contracts';
import { handleCommandIn, loadAggregate, type EventStoreTransaction } from '@dw/event-store';
import type { CommandContext, InboxContext } from '@dw/platform';
import { actingOfMessage } from '../../shared/message-acting';
import { onStream, streams } from '../../shared/inventory.streams';
import type { LotTitleCommand } from '../domain/lot-title.commands';
import { lotTitleDecider } from '../domain/lot-title.decider';
import type { EntitlementPurpose, HoldBeneficiary, ReceiptHoldKind, TitleHolder } from '../domain/lot-title.events';
import { receiptLotsDecider } from '../domain/receipt-lots.decider';

const HOLD_KINDS: Partial<Record<ReceiptHoldKindPb, ReceiptHoldKind>> = {
  [ReceiptHoldKindPb.PLEDGE]: 'pledge',
  [ReceiptHoldKindPb.FREEZE]: 'freeze',
  [ReceiptHoldKindPb.DELIVERY]: 'delivery',
};
const BENEFICIARY_KINDS: Partial<Record<ReceiptHoldBeneficiaryKind, HoldBeneficiary['kind']>> = {
  [ReceiptHoldBeneficiaryKind.BANK]: 'bank',
  [ReceiptHoldBeneficiaryKind.EXCHANGE]: 'exchange',
  [ReceiptHoldBeneficiaryKind.COURT]: 'court',
};
const PURPOSES: Partial<Record<EntitlementPurposePb, EntitlementPurpose>> = {
  [EntitlementPurposePb.PICKUP]: 'pickup',
  [EntitlementPurposePb.SPOT_CONVERSION]: 'spot_conversion',
};

/**
 * Inventory follows the title the receipt service decides (receipt.receipt.v1,
 * receipt.entitlement.v1): each fact lands on the title stream of every lot it concerns, in the
 * inbox transaction of its message, so a redelivery is skipped by the inbox and, should it get
 * through, changes nothing in the title decider. A receipt's facts name only the receipt, so the
 * lots are found in inventory's own note of what the receipt was issued over (receiptLots). A
 * message missing a field the contract requires throws: retried, then dead-lettered.
 */
@Controller()
export class NoteReceiptTitleKafkaHandler {
  @EventPattern(ReceiptIssuedSchema.typeName)
  async onIssued(@Payload() event: ReceiptIssued, @Ctx() ctx: InboxContext): Promise<void> {
    const by = actingOfMessage(ctx, event.issuedBy, event.issuedAt, 'issued_at');
    const holder = holderOf(event.holder, 'holder');
    const lotIds = event.lots.map((lot) => lot.lotId);
    const stream = streams.receiptLots(event.receiptNumber);
    await handleCommandIn(ctx.store, {
      ...onStream(stream),
      decider: receiptLotsDecider,
      command: { type: 'NoteReceiptLots', data: { receiptNumber: event.receiptNumber, lotIds } },
      metadata: by.metadata,
    });
    for (const lotId of lotIds) {
      await this.note(ctx.store, lotId, by, {
        type: 'NoteReceiptBacking',
        data: { lotId, receiptNumber: event.receiptNumber, parents: event.parentReceiptNumbers, holder, actor: by.actor.subject, at: by.at },
      });
    }
  }

  @EventPattern(ReceiptTitleTransferredSchema.typeName)
  async onTransferred(@Payload() event: ReceiptTitleTransferred, @Ctx() ctx: InboxContext): Promise<void> {
    const by = actingOfMessage(ctx, event.transferredBy, event.transferredAt, 'transferred_at');
    const to = holderOf(event.to, 'to');
    await this.eachLotOf(ctx.store, event.receiptNumber, by, (lotId) => ({
      type: 'NoteTitleTransfer',
      data: { lotId, receiptNumber: event.receiptNumber, transferId: event.transferId, to, actor: by.actor.subject, at: by.at },
    }));
  }

  @EventPattern(ReceiptHoldPlacedSchema.typeName)
  async onHoldPlaced(@Payload() event: ReceiptHoldPlaced, @Ctx() ctx: InboxContext): Promise<void> {
    const by = actingOfMessage(ctx, event.placedBy, event.placedAt, 'placed_at');
    const kind = HOLD_KINDS[event.kind];
    if (!kind) throw new ContractFieldMissingError('kind');
    if (!event.beneficiary) throw new ContractFieldMissingError('beneficiary');
    const beneficiary: HoldBeneficiary = {
      kind: BENEFICIARY_KINDS[event.beneficiary.kind] ?? 'unknown',
      partyId: event.beneficiary.partyId,
      name: event.beneficiary.name,
    };
    await this.eachLotOf(ctx.store, event.receiptNumber, by, (lotId) => ({
      type: 'NoteReceiptHoldPlaced',
      data: { lotId, receiptNumber: event.receiptNumber, holdId: event.holdId, kind, beneficiary, reason: event.reason, actor: by.actor.subject, at: by.at },
    }));
  }

  @EventPattern(ReceiptHoldReleasedSchema.typeName)
  async onHoldReleased(@Payload() event: ReceiptHoldReleased, @Ctx() ctx: InboxContext): Promise<void> {
    const by = actingOfMessage(ctx, event.releasedBy, event.releasedAt, 'released_at');
    await this.eachLotOf(ctx.store, event.receiptNumber, by, (lotId) => ({
      type: 'NoteReceiptHoldReleased',
      data: { lotId, receiptNumber: event.receiptNumber, holdId: event.holdId, actor: by.actor.subject, at: by.at },
    }));
  }

  @EventPattern(ReceiptSplitSchema.typeName)
  async onSplit(@Payload() event: ReceiptSplit, @Ctx() ctx: InboxContext): Promise<void> {
    const by = actingOfMessage(ctx, event.splitBy, event.splitAt, 'split_at');
    await this.succeeded(ctx.store, event.receiptNumber, event.childReceiptNumbers, by);
  }

  @EventPattern(ReceiptMergedSchema.typeName)
  async onMerged(@Payload() event: ReceiptMerged, @Ctx() ctx: InboxContext): Promise<void> {
    const by = actingOfMessage(ctx, event.mergedBy, event.mergedAt, 'merged_at');
    await this.succeeded(ctx.store, event.receiptNumber, [event.mergedInto], by);
  }

  @EventPattern(ReceiptCancelledSchema.typeName)
  async onCancelled(@Payload() event: ReceiptCancelled, @Ctx() ctx: InboxContext): Promise<void> {
    const by = actingOfMessage(ctx, event.cancelledBy, event.cancelledAt, 'cancelled_at');
    await this.entitled(ctx.store, event.lotIds, by, {
      receiptNumber: event.receiptNumber,
      entitlementId: event.entitlementId,
      purpose: purposeOf(event.purpose),
      holder: holderOf(event.holder, 'holder'),
    });
  }

  @EventPattern(OutboundEntitlementGrantedSchema.typeName)
  async onEntitlementGranted(@Payload() event: OutboundEntitlementGranted, @Ctx() ctx: InboxContext): Promise<void> {
    const by = actingOfMessage(ctx, event.grantedBy, event.grantedAt, 'granted_at');
    await this.entitled(
      ctx.store,
      event.lots.map((lot) => lot.lotId),
      by,
      {
        receiptNumber: event.receiptNumber,
        entitlementId: event.entitlementId,
        purpose: purposeOf(event.purpose),
        holder: holderOf({ storageCard: event.holderStorageCard, partyId: event.holderPartyId, holderName: event.holderName }, 'holder_storage_card'),
      },
    );
  }

  private async succeeded(tx: EventStoreTransaction, receiptNumber: string, successors: readonly string[], by: CommandContext): Promise<void> {
    await this.eachLotOf(tx, receiptNumber, by, (lotId) => ({
      type: 'NoteReceiptSucceeded',
      data: { lotId, receiptNumber, successors, actor: by.actor.subject, at: by.at },
    }));
  }

  private async entitled(
    tx: EventStoreTransaction,
    lotIds: readonly string[],
    by: CommandContext,
    entitlement: { receiptNumber: string; entitlementId: string; purpose: EntitlementPurpose; holder: TitleHolder },
  ): Promise<void> {
    if (!entitlement.entitlementId) throw new ContractFieldMissingError('entitlement_id');
    for (const lotId of lotIds)
      await this.note(tx, lotId, by, { type: 'NoteEntitlement', data: { lotId, ...entitlement, actor: by.actor.subject, at: by.at } });
  }

  /**
   * Notes a fact on each lot of a receipt. A receipt inventory never saw issued (a factory
   * receipt, backed by a guarantee rather than by goods in this warehouse, or one issued before
   * inventory followed receipts) has no lots here: there is nothing of inventory's to change.
   */
  private async eachLotOf(tx: EventStoreTransaction, receiptNumber: string, by: CommandContext, command: (lotId: string) => LotTitleCommand): Promise<void> {
    const stream = streams.receiptLots(receiptNumber);
    const { state } = await loadAggregate(tx, stream.id, receiptLotsDecider);
    if (state.status === 'none') return;
    for (const lotId of state.lotIds) await this.note(tx, lotId, by, command(lotId));
  }

  private async note(tx: EventStoreTransaction, lotId: string, by: CommandContext, command: LotTitleCommand): Promise<void> {
    const stream = streams.lotTitle(lotId);
    await handleCommandIn(tx, { streamId: stream.id, streamType: stream.type, decider: lotTitleDecider, command, metadata: by.metadata });
  }
}

function holderOf(holder: Pick<ReceiptHolder, 'storageCard' | 'partyId' | 'holderName'> | undefined, field: string): TitleHolder {
  if (!holder?.storageCard) throw new ContractFieldMissingError(field);
  return { storageCard: holder.storageCard, partyId: holder.partyId, name: holder.holderName };
}

function purposeOf(purpose: EntitlementPurposePb): EntitlementPurpose {
  const known = PURPOSES[purpose];
  if (!known) throw new ContractFieldMissingError('purpose');
  return known;
}
