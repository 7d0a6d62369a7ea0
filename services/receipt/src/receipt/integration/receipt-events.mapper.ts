import { create } from '@bufbuild/protobuf';
import {
  EntitledLotSchema,
  EntitlementPurpose,
  OutboundEntitlementGrantedSchema,
  ReceiptCancellationAppliedSchema,
  ReceiptCancellationRejectedSchema,
  ReceiptCancellationWithdrawnSchema,
  ReceiptCancelledSchema,
  ReceiptExpiredSchema,
  ReceiptGoodsShortfallRecordedSchema,
  ReceiptGoodsShortfallResolvedSchema,
  ReceiptHoldBeneficiaryKind,
  ReceiptHoldBeneficiarySchema,
  ReceiptHoldKind,
  ReceiptHoldPlacedSchema,
  ReceiptHoldReleasedSchema,
  ReceiptIssuedSchema,
  ReceiptMergedSchema,
  ReceiptOrigin,
  ReceiptShortfallResolution,
  ReceiptSplitSchema,
  ReceiptTitleTransferredSchema,
  receiptEntitlementTopic,
  receiptReceiptTopic,
  toWeight,
  toActor,
  toTimestamp,
} from '@dw/contracts';
import type { PendingEvent } from '@dw/event-store';
import { pb } from '../../common/integration/proto-values';
import { publicEvent, type PublicEvent, type PublicEventContext } from '../../common/integration/receipt-outbox';
import { lastTradingDayWithin } from '../../receipt-rule/domain/receipt-validity';
import type { CancellationPurpose, ReceiptEvent } from '../domain/receipt.events';
import type { Beneficiary, HoldKind } from '../domain/receipt.hold';
import type { ReceiptRecord } from '../domain/receipt.record';
import type { ReceiptState } from '../domain/receipt.state';
import { openShortfallsOf, type ShortfallOutcome } from '../domain/receipt.shortfall';

/**
 * The trading hold is not published here: the listing's own messages on receipt.trading.v1
 * (ListingPosted, ListingClosed, TakeSettled) say which receipts are in trading and when they leave.
 */
const HOLD_KINDS: Readonly<Record<Exclude<HoldKind, 'trading'>, ReceiptHoldKind>> = {
  pledge: ReceiptHoldKind.PLEDGE,
  freeze: ReceiptHoldKind.FREEZE,
  delivery: ReceiptHoldKind.DELIVERY,
};
const BENEFICIARY_KINDS: Readonly<Record<Beneficiary['kind'], ReceiptHoldBeneficiaryKind>> = {
  bank: ReceiptHoldBeneficiaryKind.BANK,
  exchange: ReceiptHoldBeneficiaryKind.EXCHANGE,
  court: ReceiptHoldBeneficiaryKind.COURT,
};
const PURPOSES: Readonly<Record<CancellationPurpose, EntitlementPurpose>> = {
  pickup: EntitlementPurpose.PICKUP,
  'spot-conversion': EntitlementPurpose.SPOT_CONVERSION,
};
const OUTCOMES: Readonly<Record<ShortfallOutcome, ReceiptShortfallResolution>> = {
  replenished: ReceiptShortfallResolution.REPLENISHED,
  settled: ReceiptShortfallResolution.SETTLED,
};
const ORIGINS = { issuance: ReceiptOrigin.ISSUANCE, split: ReceiptOrigin.SPLIT, merge: ReceiptOrigin.MERGE } as const;

/** A cancelled receipt's outbound entitlement: one per receipt, as a receipt is cancelled once. */
export function entitlementIdOf(receiptNumber: string): string {
  return `ENT-${receiptNumber}`;
}

const beneficiaryPb = (beneficiary: Beneficiary) =>
  create(ReceiptHoldBeneficiarySchema, { kind: BENEFICIARY_KINDS[beneficiary.kind], partyId: beneficiary.partyId, name: beneficiary.name });

function issued(record: ReceiptRecord, event: Extract<ReceiptEvent, { type: 'ReceiptIssued' }>): PublicEvent {
  const lineage = record.lineage;
  return publicEvent(
    receiptReceiptTopic,
    ReceiptIssuedSchema,
    create(ReceiptIssuedSchema, {
      receiptNumber: record.receiptNumber,
      goods: pb.goods(record),
      holder: pb.holder(record.holder),
      lots: record.lots.map(pb.lot),
      productionDates: record.productionDates.map(pb.date),
      issueDate: pb.date(record.issueDate),
      validUntil: pb.date(record.validUntil),
      storageFeesPaidThrough: pb.date(record.storageFeesPaidThrough),
      origin: ORIGINS[lineage.origin],
      applicationId: lineage.origin === 'issuance' ? lineage.applicationId : '',
      parentReceiptNumbers: lineage.origin === 'split' ? [lineage.parent] : lineage.origin === 'merge' ? [...lineage.parents] : [],
      ruleVersion: record.rule.version,
      issuedBy: toActor(event.data.actor),
      issuedAt: toTimestamp(event.data.at),
    }),
  );
}

/**
 * The public facts of a receipt's stream. Each carries the receipt's goods and holder as they
 * were (from the state before the event), so ops consumers need no lookups.
 */
export function receiptPublicEvents(pending: PendingEvent, before: ReceiptState, context: PublicEventContext): readonly PublicEvent[] {
  const event = { type: pending.type, data: pending.data } as ReceiptEvent;
  if (event.type === 'ReceiptIssued') return [issued(event.data.record, event)];
  const record = before.record;
  if (!record) return [];
  const goods = pb.goods(record);
  const holder = pb.holder(record.holder);
  switch (event.type) {
    case 'TitleTransferred':
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptTitleTransferredSchema,
          create(ReceiptTitleTransferredSchema, {
            receiptNumber: record.receiptNumber,
            transferId: event.data.transferId,
            goods,
            from: pb.holder(event.data.from),
            to: pb.holder(event.data.to),
            transferredBy: toActor(event.data.actor),
            transferredAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    case 'ReceiptHoldPlaced': {
      const { hold } = event.data;
      if (hold.kind === 'trading') return [];
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptHoldPlacedSchema,
          create(ReceiptHoldPlacedSchema, {
            receiptNumber: record.receiptNumber,
            holdId: hold.holdId,
            kind: HOLD_KINDS[hold.kind],
            beneficiary: beneficiaryPb(hold.beneficiary),
            reason: hold.reason,
            goods,
            holder,
            placedBy: toActor(event.data.actor),
            placedAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    }
    case 'ReceiptHoldReleased': {
      if (event.data.kind === 'trading') return [];
      const hold = before.holds.find((candidate) => candidate.holdId === event.data.holdId);
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptHoldReleasedSchema,
          create(ReceiptHoldReleasedSchema, {
            receiptNumber: record.receiptNumber,
            holdId: event.data.holdId,
            kind: HOLD_KINDS[event.data.kind],
            ...(hold ? { beneficiary: beneficiaryPb(hold.beneficiary) } : {}),
            reason: event.data.reason,
            goods,
            holder,
            remainingHolds: before.holds.filter((candidate) => candidate.kind !== 'trading').length - 1,
            releasedBy: toActor(event.data.actor),
            releasedAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    }
    case 'ReceiptSplit':
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptSplitSchema,
          create(ReceiptSplitSchema, {
            receiptNumber: record.receiptNumber,
            childReceiptNumbers: event.data.children.map((child) => child.receiptNumber),
            goods,
            holder,
            splitBy: toActor(event.data.actor),
            splitAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    case 'ReceiptMerged':
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptMergedSchema,
          create(ReceiptMergedSchema, {
            receiptNumber: record.receiptNumber,
            mergedInto: event.data.mergedInto,
            goods,
            holder,
            mergedBy: toActor(event.data.actor),
            mergedAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    case 'ReceiptCancellationApplied':
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptCancellationAppliedSchema,
          create(ReceiptCancellationAppliedSchema, {
            receiptNumber: record.receiptNumber,
            purpose: PURPOSES[event.data.purpose],
            goods,
            holder,
            appliedBy: toActor(event.data.actor),
            appliedAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    case 'ReceiptCancellationWithdrawn':
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptCancellationWithdrawnSchema,
          create(ReceiptCancellationWithdrawnSchema, {
            receiptNumber: record.receiptNumber,
            purpose: PURPOSES[event.data.purpose],
            goods,
            holder,
            withdrawnBy: toActor(event.data.actor),
            withdrawnAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    case 'ReceiptCancellationRejected':
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptCancellationRejectedSchema,
          create(ReceiptCancellationRejectedSchema, {
            receiptNumber: record.receiptNumber,
            purpose: PURPOSES[event.data.purpose],
            reason: event.data.reason,
            goods,
            holder,
            rejectedBy: toActor(event.data.actor),
            rejectedAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    case 'ReceiptCancelled': {
      const { entitlement, purpose, actor, at } = event.data;
      const entitlementId = entitlementIdOf(record.receiptNumber);
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptCancelledSchema,
          create(ReceiptCancelledSchema, {
            receiptNumber: record.receiptNumber,
            purpose: PURPOSES[purpose],
            entitlementId,
            goods,
            holder,
            lotIds: entitlement.lots.map((lot) => lot.lotId),
            cancelledBy: toActor(actor),
            cancelledAt: toTimestamp(at),
          }),
        ),
        publicEvent(
          receiptEntitlementTopic,
          OutboundEntitlementGrantedSchema,
          create(OutboundEntitlementGrantedSchema, {
            entitlementId,
            receiptNumber: record.receiptNumber,
            warehouse: entitlement.warehouseId,
            holderStorageCard: entitlement.holder.storageCard,
            holderPartyId: entitlement.holder.partyId,
            holderName: entitlement.holder.holderName,
            commodityCode: entitlement.commodity,
            brand: entitlement.brand,
            grade: entitlement.grade,
            lots: entitlement.lots.map((lot) => create(EntitledLotSchema, { lotId: lot.lotId, pieces: lot.pieces, net: toWeight(lot.weightKg) })),
            total: toWeight(entitlement.weightKg),
            purpose: PURPOSES[purpose],
            grantedBy: toActor(actor),
            grantedAt: toTimestamp(at),
          }),
          entitlementId,
        ),
      ];
    }
    case 'ReceiptExpired': {
      const lastTradingDay = lastTradingDayWithin(context.calendar, event.data.validUntil);
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptExpiredSchema,
          create(ReceiptExpiredSchema, {
            receiptNumber: record.receiptNumber,
            asOf: pb.date(event.data.asOf),
            validUntil: pb.date(event.data.validUntil),
            ...(lastTradingDay ? { lastTradingDay: pb.date(lastTradingDay) } : {}),
            goods,
            holder,
            flaggedBy: toActor(event.data.actor),
            flaggedAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    }
    case 'GoodsShortfallRecorded': {
      const { shortfall } = event.data;
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptGoodsShortfallRecordedSchema,
          create(ReceiptGoodsShortfallRecordedSchema, {
            receiptNumber: record.receiptNumber,
            lotId: shortfall.lotId,
            stocktakeId: shortfall.stocktakeId,
            varianceId: shortfall.varianceId,
            deltaPieces: shortfall.deltaPieces,
            delta: toWeight(shortfall.deltaKg),
            approver: shortfall.approver,
            approvalReason: shortfall.approvalReason,
            detectedAt: toTimestamp(shortfall.detectedAt),
            pledgedTo: [...shortfall.pledgedTo],
            openShortfalls: openShortfallsOf(before.shortfalls).length + 1,
            goods,
            holder,
            recordedBy: toActor(event.data.actor),
            recordedAt: toTimestamp(event.data.at),
          }),
        ),
      ];
    }
    case 'GoodsShortfallResolved': {
      const { varianceId, outcome, reference, reason, actor, at } = event.data;
      const shortfall = before.shortfalls.find((candidate) => candidate.varianceId === varianceId);
      return [
        publicEvent(
          receiptReceiptTopic,
          ReceiptGoodsShortfallResolvedSchema,
          create(ReceiptGoodsShortfallResolvedSchema, {
            receiptNumber: record.receiptNumber,
            varianceId,
            lotId: shortfall?.lotId ?? '',
            resolution: OUTCOMES[outcome],
            reference,
            reason,
            openShortfalls: openShortfallsOf(before.shortfalls).length - 1,
            goods,
            holder,
            resolvedBy: toActor(actor),
            resolvedAt: toTimestamp(at),
          }),
        ),
      ];
    }
    case 'StorageFeesPaidThroughAdvanced':
      // Billing's own fact echoed back; not a receipt lifecycle event for consumers.
      return [];
  }
}
